// The instructor bench's instance: the school fixture (300 members × 1,800 logs over 30 days, a
// deck of 1,000 cards) and one learner with 100,000 logs over a year, on a fresh database, plus
// what the HTTP measures need: the owner's password account (instance admin, for the backup) and
// API tokens for the learners of the review loop and for the 100k-log learner.
import { createApiToken, openDb } from "@strides/db";
import { createSchoolFixture, type SchoolFixture } from "@strides/db/testing";
import { hashPassword } from "better-auth/crypto";
import pg from "pg";
import type { Learner } from "./load-fixture.ts";

export const OWNER_PASSWORD = "strides-bench-owner";

export interface SchoolInstance {
  school: SchoolFixture;
  ownerEmail: string;
  /** The 100k-log learner's email (password OWNER_PASSWORD too), for the account export. */
  soloEmail: string;
  /** The learner with 100,000 logs. */
  solo: Learner;
  /** Members with API tokens, for the review loop. */
  learners: Learner[];
  seconds: number;
}

export async function createSchoolInstance(o: {
  url: string;
  now: Date;
  learners: number;
}): Promise<SchoolInstance> {
  const started = performance.now();
  const handle = await openDb(o.url);
  try {
    const { db } = handle;
    const school = await createSchoolFixture({
      db,
      now: o.now,
      members: 300,
      logsPerMember: 1800,
      days: 30,
      cards: 1000,
    });
    const soloFx = await createSchoolFixture({
      db,
      now: o.now,
      members: 1,
      logsPerMember: 100_000,
      days: 365,
      cards: 1000,
      slug: "solo",
    });
    await db.user.update({ where: { id: school.ownerId }, data: { role: "admin" } });
    await db.account.create({
      data: {
        id: `${school.ownerId}-credential`,
        accountId: school.ownerId,
        providerId: "credential",
        userId: school.ownerId,
        password: await hashPassword(OWNER_PASSWORD),
      },
    });
    const token = async (userId: string) =>
      (await createApiToken({ db, userId, name: "bench", now: o.now })).token;
    const learners: Learner[] = [];
    for (const userId of school.memberIds.slice(0, o.learners)) {
      learners.push({ userId, token: await token(userId) });
    }
    const soloId = soloFx.memberIds[0] as string;
    const solo = { userId: soloId, token: await token(soloId) };
    // The account export is the learner's own, from the browser (a session, not a review token).
    await db.account.create({
      data: {
        id: `${soloId}-credential`,
        accountId: soloId,
        providerId: "credential",
        userId: soloId,
        password: await hashPassword(OWNER_PASSWORD),
      },
    });
    if (handle.provider === "postgres") {
      // What autovacuum does on a live server: statistics and the visibility map (index-only scans).
      const c = new pg.Client({ connectionString: o.url });
      await c.connect();
      await c.query("VACUUM ANALYZE");
      await c.end();
    }
    return {
      school,
      ownerEmail: `${school.ownerId}@school.test`,
      soloEmail: `${soloId}@school.test`,
      solo,
      learners,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await handle.close();
  }
}
