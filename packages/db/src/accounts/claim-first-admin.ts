// The first real account of an instance becomes its administrator, exactly once: the claim is a row
// whose primary key is "first-admin", inserted with ON CONFLICT DO NOTHING in one statement, so two
// sign-ups racing on a fresh instance cannot both win (a count-then-insert could).

import type { Db } from "../client.ts";
import { sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

const FIRST_ADMIN = "first-admin";

/** Makes `userId` the instance administrator when no account has claimed that yet. */
export async function claimFirstAdmin(options: {
  db: Db;
  userId: string;
  now: Date;
}): Promise<{ admin: boolean }> {
  const { db, userId, now } = options;
  const run = sqlRunnerOf(db);
  const inserted = await run.execute(sql`INSERT INTO "InstanceClaim" ("key", "userId", "createdAt")
    VALUES (${FIRST_ADMIN}, ${userId}, ${now}) ON CONFLICT ("key") DO NOTHING`);
  if (inserted !== 1) return { admin: false };
  await db.user.update({ where: { id: userId }, data: { role: "admin", updatedAt: now } });
  return { admin: true };
}
