// Revokes every live API token of an account (after a password reset: a token must not outlive the
// password it was created under).
import type { Db, Prisma } from "../client.ts";

export async function revokeUserTokens(options: {
  db: Db | Prisma.TransactionClient;
  userId: string;
  now: Date;
}): Promise<number> {
  const r = await options.db.apiToken.updateMany({
    where: { userId: options.userId, revokedAt: null },
    data: { revokedAt: options.now },
  });
  return r.count;
}
