// Opening and using a reset link: the learner sets a new password; the link is used up, every
// session of the account ends and its API tokens are revoked, in one transaction.
import { randomUUID } from "node:crypto";
import { AppError } from "@strides/content";
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import { revokeUserTokens } from "../tokens/api-tokens.ts";
import { hashResetToken } from "./reset-token.ts";

/** better-auth's limits for passwords (apps/web/src/lib/auth-config.ts). */
export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type ResetLinkState =
  | { ok: true; email: string; expiresAt: Date }
  | { ok: false; reason: "invalid" | "used" | "expired" };

/** What a reset link's page shows: whose password it resets, or why it no longer works. */
export async function describeResetLink(options: {
  db: Db;
  token: string;
  now: Date;
}): Promise<ResetLinkState> {
  const row = await options.db.passwordReset.findUnique({
    where: { tokenHash: hashResetToken(options.token) },
    select: { via: true, usedAt: true, expiresAt: true, user: { select: { email: true } } },
  });
  // Links sent by mail are better-auth's own (its /reset-password page), not this page's.
  if (!row || row.via === "email") return { ok: false, reason: "invalid" };
  if (row.usedAt) return { ok: false, reason: "used" };
  if (row.expiresAt.getTime() <= options.now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, email: row.user.email, expiresAt: row.expiresAt };
}

function linkError(reason: "invalid" | "used" | "expired"): AppError {
  if (reason === "invalid") {
    return new AppError("NOT_FOUND", "this reset link is not valid", { key: "resetLinkInvalid" });
  }
  return reason === "used"
    ? new AppError("CONFLICT", "this reset link was already used", { key: "resetLinkUsed" })
    : new AppError("CONFLICT", "this reset link has expired", { key: "resetLinkExpired" });
}

/**
 * Sets the account's new password through a reset link, once, before it expires; signs out every
 * session of the account and revokes its API tokens.
 */
export async function resetPasswordWithLink(options: {
  db: Db;
  token: string;
  password: string;
  now: Date;
}): Promise<{ userId: string; email: string }> {
  const { db, token, password, now } = options;
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new AppError(
      "BAD_INPUT",
      `password: between ${PASSWORD_MIN_LENGTH} and ${PASSWORD_MAX_LENGTH} characters`,
      { field: "password", key: "passwordLength" },
    );
  }
  const state = await describeResetLink({ db, token, now });
  if (!state.ok) throw linkError(state.reason);
  const hash = await hashPassword(password);
  return db.$transaction(async (tx) => {
    const tokenHash = hashResetToken(token);
    // Conditional: of two concurrent uses, one wins.
    const claimed = await tx.passwordReset.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw linkError("used");
    const link = await tx.passwordReset.findUniqueOrThrow({
      where: { tokenHash },
      select: { userId: true, user: { select: { email: true } } },
    });
    const userId = link.userId;
    const updated = await tx.account.updateMany({
      where: { userId, providerId: "credential" },
      data: { password: hash, updatedAt: now },
    });
    if (updated.count === 0) {
      await tx.account.create({
        data: {
          id: randomUUID(),
          accountId: userId,
          providerId: "credential",
          userId,
          password: hash,
          createdAt: now,
          updatedAt: now,
        },
      });
    }
    await tx.session.deleteMany({ where: { userId } });
    await revokeUserTokens({ db: tx, userId, now });
    return { userId, email: link.user.email };
  });
}
