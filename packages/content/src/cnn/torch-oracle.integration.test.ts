/**
 * A fresh random draw against the live PyTorch (Debian python3-torch), unlike the committed
 * fixtures: a new seed each day. Skipped, with the reason in its name, where torch is missing.
 */
import { describe, expect, it } from "vitest";
import { disagreement, torchCases, torchMissing } from "../../scripts/torch-oracle.ts";

const missing = torchMissing();
const seed = Math.floor(Date.now() / 86_400_000);

describe.skipIf(missing !== null)(
  `the calculator against live PyTorch${missing === null ? "" : ` (skipped: ${missing})`}`,
  () => {
    it(`agrees on 4 random cases of every layer type (seed ${seed})`, { timeout: 120_000 }, () => {
      const cases = torchCases({ seed, perType: 4 });
      expect(cases.length).toBeGreaterThan(300);
      const wrong = cases.flatMap((c) => {
        const d = disagreement(c);
        return d === null ? [] : [`${JSON.stringify({ layer: c.layer, input: c.input })}: ${d}`];
      });
      expect(wrong, `seed ${seed}`).toEqual([]);
    });
  },
);
