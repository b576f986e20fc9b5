#!/usr/bin/env node
// `npm run test:e2e`: start the production app on a fresh temp SQLite database with the demo seed,
// then drive it with Debian's Chromium through playwright-core (test/e2e/*.e2e.test.ts).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.STRIDES_CHROMIUM || "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Browser tests need Chromium at ${chromium}. Install Debian's: apt-get install -y chromium fonts-nanum (or set STRIDES_CHROMIUM).`,
  );
  process.exit(1);
}

async function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => res(port));
    });
    s.on("error", rej);
  });
}

const port = String(await freePort());
const dataDir = mkdtempSync(join(tmpdir(), "strides-e2e-"));
const env = {
  ...process.env,
  PORT: port,
  HOST: "127.0.0.1",
  STRIDES_DATA_DIR: dataDir,
  DATABASE_URL: `file:${join(dataDir, "strides.db")}`,
  STRIDES_DEMO: "1",
  // The demo accounts' passwords for this run, one each (the tests sign in with them; see
  // test/e2e/browser.ts).
  STRIDES_DEMO_LEARNER_PASSWORD: randomBytes(12).toString("base64url"),
  STRIDES_DEMO_INSTRUCTOR_PASSWORD: randomBytes(12).toString("base64url"),
  // Every browser of the suite signs in from 127.0.0.1: allow more sign-ins per address.
  STRIDES_AUTH_RATE_FACTOR: "50",
  BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
};
const server = spawn(process.execPath, [join(root, "scripts/start.mjs")], {
  cwd: root,
  env,
  stdio: ["ignore", "inherit", "inherit"],
  detached: true,
});
const baseUrl = `http://127.0.0.1:${port}`;
let up = false;
for (let i = 0; i < 1800 && !up && server.exitCode === null; i++) {
  try {
    const r = await fetch(`${baseUrl}/`);
    up = r.ok;
  } catch {
    await new Promise((r) => setTimeout(r, 500));
  }
}
let status = 1;
if (up) {
  const r = spawnSync("npx", ["vitest", "run", "--project", "e2e", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    // The browsers' profiles go in the run's data folder, removed with it.
    env: {
      ...env,
      STRIDES_BASE_URL: baseUrl,
      STRIDES_CHROMIUM: chromium,
      STRIDES_E2E_DIR: join(dataDir, "browsers"),
    },
  });
  status = r.status ?? 1;
} else {
  console.error("the app did not start");
}
const stopped =
  server.exitCode === null && server.signalCode === null
    ? new Promise((r) => server.once("exit", r))
    : Promise.resolve();
try {
  process.kill(-server.pid, "SIGTERM");
  await Promise.race([stopped, new Promise((r) => setTimeout(r, 15_000))]);
} catch {}
// The run's database and data folder: kept when something failed, for a look.
if (status === 0) rmSync(dataDir, { recursive: true, force: true });
else console.error(`strides: the run's data folder is kept: ${dataDir}`);
process.exit(status);
