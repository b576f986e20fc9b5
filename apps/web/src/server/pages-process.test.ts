import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { removeDeadSocketDirs } from "./pages-process";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe("removeDeadSocketDirs", () => {
  it("removes the socket directories of fronts no longer running, and only those", () => {
    const tmp = mkdtempSync(join(tmpdir(), "strides-test-"));
    dirs.push(tmp);
    // A process that has exited: its id is free (until reused, which the check would then keep).
    const dead = spawnSync(process.execPath, ["-e", ""]).pid;
    const names = {
      dead: `strides-pages-${dead}-AbC123`,
      ours: `strides-pages-${process.pid}-XyZ789`,
      parent: `strides-pages-${process.ppid}-QwE456`,
      other: "strides-XyZ789",
      unrelated: `other-${dead}`,
    };
    for (const name of Object.values(names)) mkdirSync(join(tmp, name));
    mkdirSync(join(tmp, names.dead, "inside"));

    removeDeadSocketDirs(tmp);

    expect(readdirSync(tmp).sort()).toEqual(
      [names.ours, names.parent, names.other, names.unrelated].sort(),
    );
  });
});
