// Korean interface text reads as written Korean: no "(으)로"-style particle pairs (rephrase or use
// ICU select instead), and leeches are "자주 잊는 카드", not the loanword 리치.
import { describe, expect, it } from "vitest";
import ko from "../messages/ko/index.ts";

function strings(obj: unknown, prefix = ""): [string, string][] {
  if (typeof obj === "string") return [[prefix, obj]];
  if (typeof obj !== "object" || obj === null) return [];
  return Object.entries(obj).flatMap(([k, v]) => strings(v, prefix ? `${prefix}.${k}` : k));
}

describe("Korean messages", () => {
  const all = strings(ko);
  it("have no bracketed particle pairs", () => {
    expect(all.filter(([, s]) => /\((으|이|을|를|은|는|과|와|가)\)/.test(s))).toEqual([]);
  });
  it("do not call leeches 리치", () => {
    expect(all.filter(([, s]) => s.includes("리치"))).toEqual([]);
  });
});
