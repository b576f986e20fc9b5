// The audit of better-auth's own reset-by-mail flow: a row when a link is mailed, marked used when
// the password is reset (and the account's API tokens are revoked then, as with a reset link).
import type { Db } from "../client.ts";
import { revokeUserTokens } from "../tokens/api-tokens.ts";
import { hashResetToken } from "./reset-token.ts";

export async function recordMailedResetLink(options: {
  db: Db;
  userId: string;
  token: string;
  expiresAt: Date;
  now: Date;
}): Promise<void> {
  await options.db.passwordReset.create({
    data: {
      userId: options.userId,
      via: "email",
      tokenHash: hashResetToken(options.token),
      createdAt: options.now,
      expiresAt: options.expiresAt,
    },
  });
}

export async function recordMailedReset(options: {
  db: Db;
  userId: string;
  now: Date;
}): Promise<void> {
  const { db, userId, now } = options;
  await db.$transaction(async (tx) => {
    const latest = await tx.passwordReset.findFirst({
      where: { userId, via: "email", usedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true },
    });
    if (latest) await tx.passwordReset.update({ where: { id: latest.id }, data: { usedAt: now } });
    await revokeUserTokens({ db: tx, userId, now });
  });
}
