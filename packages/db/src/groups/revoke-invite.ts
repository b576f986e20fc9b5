import { AppError } from "@strides/content";
import type { Db } from "../client.ts";
import type { Actor } from "./permissions.ts";
import { requireGroupPermission } from "./require-group-permission.ts";

export async function revokeInvite(options: {
  db: Db;
  actor: Actor;
  inviteId: string;
  now: Date;
}): Promise<void> {
  const { db, actor, now } = options;
  const invite = await db.invite.findUnique({
    where: { id: options.inviteId },
    select: { groupId: true },
  });
  if (!invite) throw new AppError("NOT_FOUND", "invite not found", { key: "inviteNotFound" });
  await requireGroupPermission({ db, actor, groupId: invite.groupId, action: "invites.manage" });
  await db.invite.update({ where: { id: options.inviteId }, data: { revokedAt: now } });
}
