// A one-time password-reset link for another account, created by the admin or by an owner or
// instructor of the group that manages the account (member.resetPassword in groups/permissions.ts), or
// from the command line (`npm run admin:reset`). Returned once; only the token's hash is stored.
import { AppError } from "@strides/content";
import { z } from "zod";
import type { Db } from "../client.ts";
import { type Actor, can, type GroupRole, isGroupRole } from "../groups/permissions.ts";
import { requireGroupPermission } from "../groups/require-group-permission.ts";
import {
  hashResetToken,
  newResetToken,
  RESET_LINK_MAX_TTL_HOURS,
  RESET_LINK_TTL_HOURS,
} from "./reset-token.ts";

export interface CreatedResetLink {
  id: string;
  token: string;
  expiresAt: Date;
}

const ZTtl = z.number().int().min(1).max(RESET_LINK_MAX_TTL_HOURS);

function ttlOf(hours: number | undefined): number {
  const parsed = ZTtl.safeParse(hours ?? RESET_LINK_TTL_HOURS);
  if (!parsed.success) {
    throw new AppError(
      "BAD_INPUT",
      `expiresInHours: between 1 and ${RESET_LINK_MAX_TTL_HOURS} hours`,
      { field: "expiresInHours" },
    );
  }
  return parsed.data;
}

async function insertLink(
  db: Db,
  o: { userId: string; createdById: string | null; via: "staff" | "cli"; now: Date; hours: number },
): Promise<CreatedResetLink> {
  const token = newResetToken();
  const expiresAt = new Date(o.now.getTime() + o.hours * 3_600_000);
  const row = await db.passwordReset.create({
    data: {
      userId: o.userId,
      createdById: o.createdById,
      via: o.via,
      tokenHash: hashResetToken(token),
      createdAt: o.now,
      expiresAt,
    },
    select: { id: true },
  });
  return { id: row.id, token, expiresAt };
}

const memberNotFound = () =>
  new AppError("NOT_FOUND", "member not found", { field: "userId", key: "memberNotFound" });

/**
 * Creates a reset link for `userId`. The admin may pass no group; staff act through `groupId`, a
 * group they run and the account belongs to. NOT_FOUND for a group or account the actor cannot
 * see, FORBIDDEN when the rule refuses (the account is not one the group manages, or is staff or the
 * admin, or the actor a member).
 */
export async function createResetLink(options: {
  db: Db;
  actor: Actor;
  userId: string;
  groupId?: string | undefined;
  now: Date;
  expiresInHours?: number | undefined;
}): Promise<CreatedResetLink> {
  const { db, actor, userId, groupId, now } = options;
  const hours = ttlOf(options.expiresInHours);
  let actorRole: GroupRole | null = null;
  if (groupId !== undefined) {
    actorRole = await requireGroupPermission({ db, actor, groupId, action: "group.view" });
  } else if (actor.instanceRole !== "admin") {
    throw new AppError("BAD_INPUT", "groupId: required", { field: "groupId" });
  }
  const target = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      role: true,
      memberships: { select: { groupId: true, role: true, managed: true } },
    },
  });
  const here = target?.memberships.find((m) => m.groupId === groupId);
  const roleInGroup = here?.role ?? null;
  // Staff see their group's members; anyone else in the instance is not revealed to them.
  if (!target || (actor.instanceRole !== "admin" && roleInGroup === null)) throw memberNotFound();
  const allowed = can({
    actor,
    action: "member.resetPassword",
    group: { role: actorRole },
    target: {
      userId: target.id,
      instanceRole: target.role === "admin" ? "admin" : "user",
      role: roleInGroup !== null && isGroupRole(roleInGroup) ? roleInGroup : null,
      managedHere: here?.managed === true && target.memberships.length === 1,
    },
  });
  if (!allowed) {
    throw new AppError("FORBIDDEN", "you cannot reset this account's password", {
      key: "cannotResetPassword",
    });
  }
  return insertLink(db, { userId, createdById: actor.userId, via: "staff", now, hours });
}

/** `npm run admin:reset`: a reset link for the account with this email, for whoever runs the server. */
export async function createResetLinkFromCli(options: {
  db: Db;
  email: string;
  now: Date;
  expiresInHours?: number | undefined;
}): Promise<CreatedResetLink> {
  const hours = ttlOf(options.expiresInHours);
  const user = await options.db.user.findUnique({
    where: { email: options.email.trim().toLowerCase() },
    select: { id: true },
  });
  if (!user) {
    throw new AppError("NOT_FOUND", `no account has the email ${options.email}`, {
      field: "email",
    });
  }
  return insertLink(options.db, {
    userId: user.id,
    createdById: null,
    via: "cli",
    now: options.now,
    hours,
  });
}
