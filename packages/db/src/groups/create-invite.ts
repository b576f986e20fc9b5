import { createHash, randomBytes } from "node:crypto";
import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import { type Actor, assignableRoles } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";
import { parseInput, ZCreateInvite } from "./schema.ts";

export function hashInviteToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates an invite link. The token is returned once; only its hash is stored. */
export async function createInvite(options: {
  db: Db;
  actor: Actor;
  groupId: string;
  input: unknown;
  now: Date;
}): Promise<{ inviteId: string; token: string; expiresAt: Date }> {
  const { db, actor, groupId, now } = options;
  const role = await requireGroupPermission({ db, actor, groupId, action: "invites.manage" });
  const input = parseInput(ZCreateInvite, options.input);
  if (!assignableRoles({ actor, role }).includes(input.role)) {
    throw new AppError("FORBIDDEN", `you cannot invite with the role ${input.role}`, {
      field: "role",
      key: "cannotInviteRole",
    });
  }
  const token = randomBytes(24).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInHours * 3_600_000);
  const row = await db.invite.create({
    data: {
      groupId,
      tokenHash: hashInviteToken(token),
      role: input.role,
      expiresAt,
      maxUses: input.maxUses,
      createdById: actor.userId,
      createdAt: now,
    },
    select: { id: true },
  });
  return { inviteId: row.id, token, expiresAt };
}
