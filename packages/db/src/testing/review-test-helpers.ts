// Shared by the review service's integration tests: a fresh database per test (a temp SQLite file
// or a database of its own in the real Postgres), fixed instants and request ids.
import { afterEach, beforeEach } from "vitest";
import { createTestDb, type TestDb } from "./test-db.ts";

export const T0 = new Date("2026-03-02T15:00:00Z");
export const MIN = 60_000;
export const DAY = 86_400_000;
let seq = 0;
export const rid = () => `req-${++seq}`;

/** The rejection of a promise that must reject. */
export async function errorOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}

/** A fresh database for each test of the file: `db()` and `url()` are the current test's. */
export function useTestDb(): { db: () => TestDb["db"]; url: () => string } {
  let t: TestDb;
  beforeEach(async () => {
    t = await createTestDb();
  });
  afterEach(async () => {
    await t.destroy();
  });
  return { db: () => t.db, url: () => t.url };
}
