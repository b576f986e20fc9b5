import type { Db } from "../client.ts";
import { hashInviteToken } from "./create-invite.ts";

export type InviteLookup =
  | { ok: true; groupId: string; groupName: string; groupSlug: string; role: string }
  | { ok: false; reason: "invite_not_found" | "invite_expired" | "invite_used_up" };

/** What an invite link leads to, without using it (for the join page). */
export async function describeInvite(options: {
  db: Db;
  token: string;
  now: Date;
}): Promise<InviteLookup> {
  const invite = await options.db.invite.findUnique({
    where: { tokenHash: hashInviteToken(options.token) },
    select: {
      role: true,
      expiresAt: true,
      maxUses: true,
      uses: true,
      revokedAt: true,
      group: { select: { id: true, name: true, slug: true } },
    },
  });
  if (!invite || invite.revokedAt) return { ok: false, reason: "invite_not_found" };
  if (invite.expiresAt.getTime() <= options.now.getTime()) {
    return { ok: false, reason: "invite_expired" };
  }
  if (invite.uses >= invite.maxUses) return { ok: false, reason: "invite_used_up" };
  return {
    ok: true,
    groupId: invite.group.id,
    groupName: invite.group.name,
    groupSlug: invite.group.slug,
    role: invite.role,
  };
}

/**
 * Joins the invite's group. Expiry and the use limit are checked and the use counted in one
 * transaction (a conditional increment, so two concurrent joins cannot exceed the limit). A user
 * who is already a member keeps their role and uses nothing.
 *
 * `signUp`: the account was made by this very request, on the invite page (the sign-up's own hook,
 * never a later join): the group then manages it (`Membership.managed`, see member.resetPassword).
 */
export async function acceptInvite(options: {
  db: Db;
  userId: string;
  token: string;
  now: Date;
  signUp?: boolean;
}): Promise<
  | { ok: true; groupId: string; groupSlug: string; alreadyMember: boolean }
  | { ok: false; reason: "invite_not_found" | "invite_expired" | "invite_used_up" }
> {
  const { db, userId, now } = options;
  const tokenHash = hashInviteToken(options.token);
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({
      where: { tokenHash },
      select: {
        id: true,
        groupId: true,
        role: true,
        expiresAt: true,
        maxUses: true,
        uses: true,
        revokedAt: true,
        group: { select: { slug: true } },
      },
    });
    if (!invite || invite.revokedAt) return { ok: false, reason: "invite_not_found" } as const;
    if (invite.expiresAt.getTime() <= now.getTime()) {
      return { ok: false, reason: "invite_expired" } as const;
    }
    const existing = await tx.membership.findUnique({
      where: { groupId_userId: { groupId: invite.groupId, userId } },
      select: { role: true },
    });
    if (existing) {
      return {
        ok: true,
        groupId: invite.groupId,
        groupSlug: invite.group.slug,
        alreadyMember: true,
      } as const;
    }
    const counted = await tx.invite.updateMany({
      where: { id: invite.id, uses: { lt: invite.maxUses }, revokedAt: null },
      data: { uses: { increment: 1 } },
    });
    if (counted.count !== 1) return { ok: false, reason: "invite_used_up" } as const;
    const elsewhere = options.signUp ? await tx.membership.count({ where: { userId } }) : 1;
    await tx.membership.create({
      data: {
        groupId: invite.groupId,
        userId,
        role: invite.role,
        createdAt: now,
        managed: elsewhere === 0,
      },
    });
    return {
      ok: true,
      groupId: invite.groupId,
      groupSlug: invite.group.slug,
      alreadyMember: false,
    } as const;
  });
}
