// The sign-in throttle: failed sign-ins are counted per normalised e-mail address in a fixed window,
// both per client address and for the account from every address. Past 10 failures from one address,
// that address waits until its window ends; the account's owner, signing in from their own address,
// does not: a stranger's failures never lock them out. Past 100 failures from all addresses together
// (an attacker with many addresses), every address waits: the bound on guessing. A success clears
// its own address's count only. (The per-address limit on sign-in attempts is better-auth's.)

import type { Db } from "../client.ts";
import { date, sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";

export const SIGN_IN_THROTTLE = {
  /** Failures for one account from one client address before that address waits. */
  maxFailures: 10,
  /** Failures for one account from all addresses together before every address waits. */
  maxAccountFailures: 100,
  windowSeconds: 15 * 60,
} as const;

/** The `address` of the row counting an account's failures from every address. */
const EVERY_ADDRESS = "*";

function accountKey(email: string): string {
  return email.trim().toLowerCase();
}

/** The client address as counted (never the every-address row's key, whatever a caller passes). */
function addressKey(address: string): string {
  const a = address.trim();
  return a === "" || a === EVERY_ADDRESS ? "unknown" : a;
}

/**
 * Seconds until `email` may try again from `address`, or 0 when it may try now. An unknown account
 * is counted the same way as a known one, so the answer does not reveal which accounts exist.
 */
export async function signInRetryAfter(options: {
  db: Db;
  email: string;
  address: string;
  now: Date;
}): Promise<number> {
  const rows = await sqlRunnerOf(options.db).query(
    sql`SELECT "address", "failures", "windowStart" FROM "SignInThrottle"
      WHERE "email" = ${accountKey(options.email)}
        AND "address" IN (${addressKey(options.address)}, ${EVERY_ADDRESS})`,
  );
  let wait = 0;
  for (const row of rows) {
    const limit =
      row.address === EVERY_ADDRESS
        ? SIGN_IN_THROTTLE.maxAccountFailures
        : SIGN_IN_THROTTLE.maxFailures;
    if (Number(row.failures) < limit) continue;
    const ends = date(row.windowStart).getTime() + SIGN_IN_THROTTLE.windowSeconds * 1000;
    wait = Math.max(wait, Math.ceil((ends - options.now.getTime()) / 1000));
  }
  return wait;
}

/**
 * Counts one failed sign-in for `email` from `address`, and for the account from every address
 * (one statement: concurrent failures all count). Rows whose window has ended, any account's, are
 * deleted first: they count nothing (a failure after its window starts a new one), and without it
 * the table kept a row for every e-mail and address ever tried.
 */
export async function recordSignInFailure(options: {
  db: Db;
  email: string;
  address: string;
  now: Date;
}): Promise<void> {
  const { now } = options;
  const email = accountKey(options.email);
  const windowOpen = new Date(now.getTime() - SIGN_IN_THROTTLE.windowSeconds * 1000);
  const runner = sqlRunnerOf(options.db);
  await runner.execute(sql`DELETE FROM "SignInThrottle" WHERE "windowStart" <= ${windowOpen}`);
  await runner.execute(sql`INSERT INTO "SignInThrottle" ("email", "address", "failures", "windowStart")
    VALUES (${email}, ${addressKey(options.address)}, 1, ${now}), (${email}, ${EVERY_ADDRESS}, 1, ${now})
    ON CONFLICT ("email", "address") DO UPDATE SET
      "failures" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowOpen} THEN 1
                        ELSE "SignInThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "SignInThrottle"."windowStart" <= ${windowOpen} THEN ${now}
                           ELSE "SignInThrottle"."windowStart" END`);
}

/**
 * Forgets the failures of `email` from `address` after a successful sign-in from it. The account's
 * count from every address stays: a success here does not give other addresses more guesses.
 */
export async function clearSignInFailures(options: {
  db: Db;
  email: string;
  address: string;
}): Promise<void> {
  await sqlRunnerOf(options.db).execute(
    sql`DELETE FROM "SignInThrottle"
      WHERE "email" = ${accountKey(options.email)} AND "address" = ${addressKey(options.address)}`,
  );
}
