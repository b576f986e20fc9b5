// Stopping the production server: the front (SIGTERM from `npm start`'s Ctrl-C or a supervisor),
// both processes at once (a service manager signals every process of the service) or the pages
// process alone. Each way both processes close, the front exits 0, and the pages process's socket
// directory is removed.
import { existsSync, readFileSync } from "node:fs";
import { dirname } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FreshDb, freshSqliteDb } from "../../bench/lib/databases.ts";
import { descendants } from "../../bench/lib/process-tree.ts";
import { ensureWebBuild, startWebServer } from "../../bench/lib/web-server.ts";

let db: FreshDb;
beforeAll(async () => {
  ensureWebBuild();
  db = await freshSqliteDb();
}, 900_000);
afterAll(async () => {
  await db?.drop();
});

/** The pages process of the server `pid`, and the socket it serves on (its `--pages` argument). */
function pagesOf(pid: number): { pid: number; socketPath: string } {
  const [pages] = descendants(pid);
  if (pages === undefined) throw new Error("the server has no pages process");
  const args = readFileSync(`/proc/${pages}/cmdline`, "utf8").split("\0");
  const socketPath = args[args.indexOf("--pages") + 1];
  if (!socketPath) throw new Error("the pages process has no --pages argument");
  return { pid: pages, socketPath };
}

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !/^State:\s+Z/m.test(status(pid));
const status = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/status`, "utf8");
  } catch {
    return "State: gone";
  }
};

async function stopWith(signalled: ("front" | "pages")[]) {
  const server = await startWebServer({ databaseUrl: db.url });
  const front = server.child;
  const pages = pagesOf(front.pid as number);
  expect(existsSync(pages.socketPath)).toBe(true);
  const exited = new Promise<number | null>((r) => front.once("exit", (code) => r(code)));
  for (const who of signalled) {
    if (who === "front") front.kill("SIGTERM");
    else process.kill(pages.pid, "SIGTERM");
  }
  const code = await exited;
  for (let i = 0; i < 100 && alive(pages.pid); i++) await new Promise((r) => setTimeout(r, 50));
  return { code, pagesAlive: alive(pages.pid), socketDir: dirname(pages.socketPath), server };
}

describe("stopping the server", () => {
  it.each([
    ["the front", ["front"]],
    ["the pages process", ["pages"]],
    ["both at once, the pages process first", ["pages", "front"]],
    ["both at once, the front first", ["front", "pages"]],
  ] as const)(
    "SIGTERM to %s: both exit, the front with 0, the socket directory removed",
    async (_, who) => {
      const r = await stopWith([...who]);
      expect(r.code, r.server.output()).toBe(0);
      expect(r.pagesAlive).toBe(false);
      expect(existsSync(r.socketDir)).toBe(false);
    },
    120_000,
  );
});
