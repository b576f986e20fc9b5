// `npm start` (scripts/start.mjs) with a wrong variable stops before it builds, migrates or serves,
// with one line naming the variable and no stack trace; `.env.example`'s values, exported as they
// stand (most of them empty), start.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../..");
const dataDir = mkdtempSync(join(tmpdir(), "strides-start-config-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** This process's environment without any variable Strides reads. */
function cleanEnv(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (v === undefined) continue;
    if (/^(STRIDES_|BETTER_AUTH_|SMTP_|DATABASE_URL$|PORT$|HOST$|NODE_ENV$)/.test(k)) continue;
    out[k] = v;
  }
  return out;
}

/** Runs `cmd`; stops it when its output shows it got past the configuration check. */
function run(
  cmd: string,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; output: string; passed: boolean }> {
  return new Promise((done) => {
    // A process group of its own: a start that got past the check is stopped with its build.
    const child = spawn(cmd, args, {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    let output = "";
    let passed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/building the web app|preparing the database|serving on/.test(output) && !passed) {
        passed = true;
        if (child.pid) process.kill(-child.pid, "SIGKILL");
      }
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.on("close", (code) => done({ code, output, passed }));
  });
}

describe("npm start's configuration check", () => {
  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["BETTER_AUTH_SECRET", "too-short"],
    ["BETTER_AUTH_URL", "localhost:3000"],
    ["STRIDES_DEMO", "yes"],
    ["STRIDES_TRUSTED_PROXY", "10.0.0.0/99"],
  ])(
    "%s=%s stops the start with one line naming it",
    async (name, value) => {
      const r = await run("node", ["scripts/start.mjs"], {
        ...cleanEnv(),
        STRIDES_DATA_DIR: dataDir,
        [name]: value,
      });
      expect(r.passed, r.output).toBe(false);
      expect(r.code).toBe(1);
      expect(r.output).toMatch(new RegExp(`^strides: ${name} `, "m"));
      expect(r.output).not.toMatch(/^\s+at /m);
      if (name === "BETTER_AUTH_SECRET") expect(r.output).not.toContain(value);
    },
    60_000,
  );

  it("accepts .env.example's values as they stand (an empty variable is unset)", async () => {
    const example: Record<string, string> = {};
    for (const line of readFileSync(join(root, ".env.example"), "utf8").split("\n")) {
      const m = /^([A-Z0-9_]+)=(.*)$/.exec(line);
      if (m?.[1]) example[m[1]] = m[2] ?? "";
    }
    expect(example.STRIDES_PAGES_PROCESS).toBe("");
    const r = await run("npx", ["tsx", "apps/web/src/server/check-env.ts"], {
      ...cleanEnv(),
      ...example,
      BETTER_AUTH_SECRET: "x".repeat(32),
    });
    expect(r.output).toBe("");
    expect(r.code).toBe(0);
  }, 60_000);
});
