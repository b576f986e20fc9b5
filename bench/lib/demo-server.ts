// A production server on a fresh SQLite database with the demo seed (accounts and deck), for bench
// cases that sign in as the demo learner (apps/web/bench/web.bench-case.ts).
import { generateDemoPasswords, loadDemoDeck, openDb, seedDemo } from "@strides/db";
import { freshSqliteDb } from "./databases.ts";
import { ensureWebBuild, startWebServer } from "./web-server.ts";

export async function withDemoServer<T>(
  /** `demo.password`: the demo learner's. */
  run: (baseUrl: string, demo: { password: string }) => Promise<T>,
): Promise<T> {
  ensureWebBuild();
  const db = await freshSqliteDb();
  const passwords = generateDemoPasswords();
  try {
    const h = await openDb(db.url);
    try {
      await seedDemo({ db: h.db, deck: loadDemoDeck(), passwords, now: new Date() });
    } finally {
      await h.close();
    }
    const server = await startWebServer({ databaseUrl: db.url, env: { STRIDES_DEMO: "1" } });
    try {
      return await run(server.baseUrl, { password: passwords.learner });
    } finally {
      await server.stop();
    }
  } finally {
    await db.drop();
  }
}
