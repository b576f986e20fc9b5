// Disk full and read-only database file, on a small tmpfs of the test's own (needs root, as in CI):
// - disk full: reviews fail with a clear error (no 2xx that is not stored), the file stays intact,
//   and once space is freed the app records reviews again without a restart;
// - read-only: the server started on a read-only file system refuses writes with a clear error and
//   changes nothing.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDb, freshSqliteDb } from "../../bench/lib/databases.ts";
import { createLoadFixture, type LoadFixture } from "../../bench/lib/load-fixture.ts";
import { sleep } from "../../bench/lib/net.ts";
import { ensureWebBuild, startWebServer, type WebServer } from "../../bench/lib/web-server.ts";
import { type Ack, checkSqlite, type Outcome, playLearners } from "./harness.ts";

function canMount(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = mkdtempSync(join(tmpdir(), "strides-mnt-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const mount = (...args: string[]) => execFileSync("mount", args, { stdio: "pipe" });

let dir: string;
let db: FreshDb;
let fx: LoadFixture;
let server: WebServer | undefined;

describe.skipIf(!canMount())("storage failures", () => {
  beforeAll(async () => {
    ensureWebBuild();
    dir = mkdtempSync(join(tmpdir(), "strides-full-"));
    mount("-t", "tmpfs", "-o", "size=64m", "tmpfs", dir);
    db = await freshSqliteDb(dir);
    fx = await createLoadFixture({ url: db.url, learners: 6, cards: 400, now: new Date() });
  }, 900_000);
  afterAll(async () => {
    await server?.stop();
    try {
      execFileSync("umount", [dir], { stdio: "ignore" });
    } catch {
      // not mounted
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it("disk full: a clear error, nothing acknowledged lost, recovers once space is freed", async () => {
    server = await startWebServer({ databaseUrl: db.url });
    const used =
      statSync(db.file!).size + (statSync(`${db.file}-wal`, { throwIfNoEntry: false })?.size ?? 0);
    // Leave room for a few dozen reviews, then the file system is full.
    mount("-o", `remount,size=${Math.ceil((used + 3 * 65536) / 4096) * 4096}`, dir);
    const acks: Ack[] = [];
    const outcomes: Outcome[] = [];
    let stop = false;
    const play = playLearners({
      baseUrl: server.baseUrl,
      learners: fx.learners,
      deckId: fx.deckId,
      firstCardId: fx.cardIds[0]!,
      stop: () => stop || outcomes.filter((o) => o.status >= 500).length >= 30,
      acks,
      outcomes,
      pauseMs: 10,
    });
    for (let i = 0; i < 200 && outcomes.filter((o) => o.status >= 500).length < 30; i++)
      await sleep(100);
    stop = true;
    await play;
    const failures = outcomes.filter((o) => o.status >= 400);
    console.log(
      `disk full: ${acks.length} reviews acknowledged before the disk filled, then ${failures.length} failures: ${[...new Set(failures.map((f) => `${f.status} ${f.body.slice(0, 160)}`))].slice(0, 3).join(" | ")}`,
    );
    expect(failures.length).toBeGreaterThan(0);
    // Soft: the status and message are checked, and the rest of the test still runs.
    for (const f of failures) {
      expect.soft(f.status, f.body).toBe(503);
      expect.soft(f.body, f.body).toMatch(/disk|full|space|storage/i);
    }
    // Free space again: the same server records reviews again.
    mount("-o", "remount,size=64m", dir);
    let recovered = false;
    const started = Date.now();
    const deadline = started + 120_000;
    for (let i = 0; i < 50 && !recovered && Date.now() < deadline; i++) {
      const more: Outcome[] = [];
      await playLearners({
        baseUrl: server.baseUrl,
        learners: fx.learners.slice(0, 1),
        deckId: fx.deckId,
        firstCardId: fx.cardIds[200]!,
        stop: () => more.length >= 3 || Date.now() > deadline,
        acks,
        outcomes: more,
        requestTimeoutMs: 15_000,
      });
      recovered = more.some((o) => o.status === 201);
      if (!recovered) await sleep(200);
    }
    console.log(
      `disk full: recorded again ${recovered ? `${Date.now() - started} ms` : "never"} after space was freed`,
    );
    expect(recovered, "reviews are recorded again once space is freed").toBe(true);
    expect(server.child.exitCode).toBeNull();
    await server.stop();
    server = undefined;
    const check = checkSqlite(db.file!, acks, 3);
    expect(check.integrity).toBe("ok");
    expect(check.missingAcks).toEqual([]);
    expect(check.statesWithoutLog).toEqual([]);
  }, 300_000);

  it("read-only database file: a clear error, nothing changed", async () => {
    const hash = () => createHash("sha256").update(readFileSync(db.file!)).digest("hex");
    await server?.stop();
    server = undefined;
    mount("-o", "remount,size=64m", dir);
    mount("-o", "remount,ro", dir);
    const before = hash();
    let started: WebServer | undefined;
    let startError = "";
    try {
      started = await startWebServer({ databaseUrl: db.url, timeoutMs: 60_000 });
    } catch (e) {
      startError = (e as Error).message;
    }
    try {
      if (started) {
        server = started;
        const r = await fetch(`${started.baseUrl}/api/v1/reviews`, {
          method: "POST",
          headers: {
            authorization: `Bearer ${fx.learners[5]!.token}`,
            "content-type": "application/json",
          },
          body: JSON.stringify({
            requestId: "read-only-1",
            cardId: fx.cardIds[300],
            rating: 3,
            durationMs: 1000,
          }),
        });
        const body = await r.text();
        console.log(`read-only: POST /api/v1/reviews → ${r.status} ${body.slice(0, 200)}`);
        expect.soft(r.status, body).toBe(503);
        expect.soft(body).toMatch(/read-only|readonly|read only/i);
      } else {
        console.log(`read-only: the server refused to start: ${startError.slice(0, 300)}`);
        expect.soft(startError).toMatch(/read-only|readonly|read only/i);
      }
    } finally {
      await server?.stop();
      server = undefined;
      mount("-o", "remount,rw", dir);
    }
    expect(hash()).toBe(before);
    expect(checkSqlite(db.file!, [], 3).integrity).toBe("ok");
  }, 300_000);
});
