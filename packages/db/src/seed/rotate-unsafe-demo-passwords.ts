// Demo passwords that are not safe to keep, replaced at start: instances seeded before demo
// passwords were random gave both demo accounts the published password "strides-demo", and
// instances seeded before each account had its own gave both one random password (one stored hash,
// so the learner's password opened the instructor's account). Such an account gets its new random
// demo password (for a shared one, the instructor), and its sessions and API tokens end.
import { hashPassword, verifyPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import {
  DEMO_ACCOUNTS,
  type DemoAccount,
  type DemoPasswords,
  PUBLISHED_DEMO_PASSWORD,
} from "./demo-accounts.ts";

/** Returns the demo accounts whose password was replaced by theirs in `passwords`. */
export async function rotateUnsafeDemoPasswords(options: {
  db: Db;
  passwords: DemoPasswords;
  now: Date;
}): Promise<DemoAccount[]> {
  const { db, passwords, now } = options;
  const names = Object.keys(DEMO_ACCOUNTS) as DemoAccount[];
  const ids: string[] = names.map((name) => DEMO_ACCOUNTS[name].id);
  const accounts = await db.account.findMany({
    where: { userId: { in: ids }, providerId: "credential" },
    select: { id: true, userId: true, password: true },
  });
  const hashOf = (name: DemoAccount) =>
    accounts.find((a) => a.userId === DEMO_ACCOUNTS[name].id)?.password ?? null;
  const learnerHash = hashOf("learner");
  const rotated: DemoAccount[] = [];
  for (const account of accounts) {
    const name = names.find((n) => DEMO_ACCOUNTS[n].id === account.userId);
    if (!account.password || !name) continue;
    const shared = name === "instructor" && account.password === learnerHash;
    const published =
      !shared &&
      (await verifyPassword({ hash: account.password, password: PUBLISHED_DEMO_PASSWORD }));
    if (!shared && !published) continue;
    const hash = await hashPassword(passwords[name]);
    await db.$transaction([
      db.account.update({ where: { id: account.id }, data: { password: hash, updatedAt: now } }),
      db.session.deleteMany({ where: { userId: account.userId } }),
      db.apiToken.updateMany({
        where: { userId: account.userId, revokedAt: null },
        data: { revokedAt: now },
      }),
    ]);
    rotated.push(name);
  }
  return rotated;
}
