// The command-line tools (npm start's database step, admin:create, admin:reset, backup, restore)
// stop on a database they cannot open with one line naming DATABASE_URL, no stack trace and no
// password; a DATABASE_URL without a database name is refused before anything is created.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "../env.ts";

const dataDir = mkdtempSync(join(tmpdir(), "strides-open-database-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function runCli(script: string, args: string[], env: Record<string, string>) {
  const r = spawnSync("npx", ["tsx", script, ...args], {
    cwd: repoRoot,
    env: { ...process.env, STRIDES_DATA_DIR: dataDir, STRIDES_DEMO: "0", ...env },
    encoding: "utf8",
    input: "",
    timeout: 60_000,
  });
  return { code: r.status, output: `${r.stdout}${r.stderr}` };
}

const CLIS: [string, string[]][] = [
  ["packages/db/src/cli/prepare-db.ts", []],
  ["packages/db/src/cli/admin-create.ts", ["--email", "root@example.org"]],
  ["packages/db/src/cli/admin-reset.ts", ["--email", "root@example.org"]],
  ["packages/db/src/backup/cli.ts", ["backup", join(dataDir, "backup.json.gz")]],
];

describe("opening the database from the command line", () => {
  it.each([
    [
      "a port that is not a number",
      "postgresql://strides:s3cret-pw@127.0.0.1:abc/strides",
      /DATABASE_URL/,
    ],
    [
      "no database name",
      "postgresql://strides:s3cret-pw@127.0.0.1:5432",
      /DATABASE_URL.*naming its database/,
    ],
    [
      "another scheme",
      "mysql://strides:s3cret-pw@127.0.0.1/strides",
      /DATABASE_URL: must start with/,
    ],
    [
      "a server that does not answer",
      "postgresql://strides:s3cret-pw@127.0.0.1:1/strides",
      /ECONNREFUSED.*DATABASE_URL|DATABASE_URL.*ECONNREFUSED/,
    ],
  ])(
    "%s: one line naming DATABASE_URL, without the password",
    (_, url, expected) => {
      for (const [script, args] of CLIS) {
        const r = runCli(script, args, { DATABASE_URL: url });
        expect(r.code, `${script}\n${r.output}`).toBe(1);
        expect(r.output, script).toMatch(/^strides: /m);
        expect(r.output, script).toMatch(expected);
        expect(r.output, script).not.toMatch(/^\s+at /m);
        expect(r.output, script).not.toContain("s3cret-pw");
      }
    },
    240_000,
  );
});
