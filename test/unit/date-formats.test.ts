// Dates and times are formatted through the named formats of i18n/pick-locale.ts ("when", "day"):
// an inline `timeStyle` misses the Korean 24-hour clock and shows "PM 8:16" on a Korean page.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "../../apps/web/src");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });
}

describe("one date-time format per language", () => {
  it("has no inline timeStyle outside i18n/pick-locale.ts", () => {
    const offenders = files(root)
      .filter((p) => !p.endsWith("pick-locale.ts"))
      .filter((p) => /timeStyle\s*:/.test(readFileSync(p, "utf8")))
      .map((p) => relative(root, p));
    expect(offenders).toEqual([]);
  });
});
