// Instances seeded before demo passwords were random gave both demo accounts the published password
// "strides-demo". At start, such an account gets the new random demo password instead, and its
// sessions and API tokens end.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import { DEMO_ACCOUNTS, PUBLISHED_DEMO_PASSWORD } from "./demo-accounts.ts";

/** Returns the e-mail addresses whose published password was replaced by `password`. */
export async function rotatePublishedDemoPassword(options: {
  db: Db;
  password: string;
  now: Date;
}): Promise<string[]> {
  const { db, password, now } = options;
  const ids: string[] = Object.values(DEMO_ACCOUNTS).map((a) => a.id);
  const accounts = await db.account.findMany({
    where: { userId: { in: ids }, providerId: "credential" },
    select: { id: true, userId: true, password: true, user: { select: { email: true } } },
  });
  const rotated: string[] = [];
  for (const account of accounts) {
    if (!account.password) continue;
    const published = await verifyPassword({
      hash: account.password,
      password: PUBLISHED_DEMO_PASSWORD,
    });
    if (!published) continue;
    const hash = await hashPassword(password);
    await db.$transaction([
      db.account.update({ where: { id: account.id }, data: { password: hash, updatedAt: now } }),
      db.session.deleteMany({ where: { userId: account.userId } }),
      db.apiToken.updateMany({
        where: { userId: account.userId, revokedAt: null },
        data: { revokedAt: now },
      }),
    ]);
    rotated.push(account.user.email);
  }
  return rotated;
}
