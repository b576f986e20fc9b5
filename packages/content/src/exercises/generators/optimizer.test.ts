/**
 * Adam's first moment against torch.optim.Adam's stored answers (fixtures/adam-torch.json, written
 * and re-checked by optimizer.integration.test.ts where torch is installed), so that machines
 * without torch still compare with PyTorch.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { adamFirstMoment } from "./optimizer.ts";

const stored = JSON.parse(
  readFileSync(join(import.meta.dirname, "fixtures", "adam-torch.json"), "utf8"),
) as { beta1: number; g: number[]; m: number; m_hat: number }[];

describe("adamFirstMoment against torch.optim.Adam's stored answers", () => {
  it("agrees on m_t and m̂_t for every stored run", () => {
    expect(stored.length).toBeGreaterThanOrEqual(50);
    expect(new Set(stored.map((r) => r.g.length)).size).toBeGreaterThanOrEqual(5);
    for (const r of stored) {
      const { m, mHat } = adamFirstMoment(r.beta1, r.g);
      expect(m.at(-1)).toBeCloseTo(r.m, 12);
      expect(mHat).toBeCloseTo(r.m_hat, 9);
    }
  });
});
