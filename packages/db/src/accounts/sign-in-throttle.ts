// The per-account sign-in throttle: failed sign-ins are counted per normalised e-mail address in a
// fixed window; past the limit, sign-in for that account answers 429 until the window ends,
// whichever address the attempts come from (the per-address limit is better-auth's).

import type { Db } from "../client.ts";
import { date, sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export const SIGN_IN_THROTTLE = { maxFailures: 10, windowSeconds: 15 * 60 } as const;

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Seconds until `email` may try again, or 0 when it may try now. An unknown address is counted the
 * same way as a known one, so the answer does not reveal which accounts exist.
 */
export async function signInRetryAfter(options: {
  db: Db;
  email: string;
  now: Date;
}): Promise<number> {
  const rows = await sqlRunnerOf(options.db).query(
    sql`SELECT "failures", "windowStart" FROM "SignInThrottle" WHERE "email" = ${accountKey(options.email)}`,
  );
  const row = rows[0];
  if (!row || Number(row.failures) < SIGN_IN_THROTTLE.maxFailures) return 0;
  const ends = date(row.windowStart).getTime() + SIGN_IN_THROTTLE.windowSeconds * 1000;
  return Math.max(0, Math.ceil((ends - options.now.getTime()) / 1000));
}

/** Counts one failed sign-in for `email` (one statement: concurrent failures all count). */
export async function recordSignInFailure(options: {
  db: Db;
  email: string;
  now: Date;
}): Promise<void> {
  const { now } = options;
  const windowOpen = new Date(now.getTime() - SIGN_IN_THROTTLE.windowSeconds * 1000);
  await sqlRunnerOf(
    options.db,
  ).execute(sql`INSERT INTO "SignInThrottle" ("email", "failures", "windowStart")
    VALUES (${accountKey(options.email)}, 1, ${now})
    ON CONFLICT ("email") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowOpen} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowOpen} THEN ${now}
                           ELSE "SignInThrottle"."windowStart" END`);
}

/** Forgets the failures of `email` after a successful sign-in. */
export async function clearSignInFailures(options: { db: Db; email: string }): Promise<void> {
  await sqlRunnerOf(options.db).execute(
    sql`DELETE FROM "SignInThrottle" WHERE "email" = ${accountKey(options.email)}`,
  );
}
