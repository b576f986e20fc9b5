/**
 * Adam's bias-corrected first moment against the live PyTorch (Debian python3-torch):
 * torch.optim.Adam runs each variant's gradients on one float64 weight, and both m_t (its
 * exp_avg) and m̂_t (read back from its step) must be the exercise's. Fixed seeds plus a new seed
 * each day; skipped, with the reason in its name, where torch is missing.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { torchExerciseAnswers, torchMissing } from "../../../scripts/torch-oracle.ts";
import type { ExerciseVariant } from "../contract.ts";
import { generateExercise } from "../registry.ts";

const missing = torchMissing();
/** torch.optim.Adam's answers kept for machines without torch (optimizer.test.ts reads them). */
const FIXTURE = join(import.meta.dirname, "fixtures", "adam-torch.json");
const day = Math.floor(Date.now() / 86_400_000);

describe.skipIf(missing !== null)(
  `adam-bias-correction against live PyTorch${missing === null ? "" : ` (skipped: ${missing})`}`,
  () => {
    it(`m_t and m̂_t equal torch.optim.Adam's (day seed ${day})`, { timeout: 120_000 }, () => {
      const list: ExerciseVariant[] = [];
      for (const ranges of [undefined, { step: { min: 1, max: 6 } }]) {
        for (let i = 0; i < 200; i++) {
          const seed = i < 100 ? i : day * 1000 + i;
          list.push(
            generateExercise("adam-bias-correction", {
              seed,
              lang: "en",
              ...(ranges ? { ranges } : {}),
            }),
          );
        }
      }
      const answers = torchExerciseAnswers(list);
      const wrong = list.flatMap((v, i) => {
        const torch = answers[i]!;
        const got = v.expected.kind === "float" ? v.expected.value : Number.NaN;
        const last = v.params?.step;
        const m = Number(
          v.solution.match(new RegExp(`m_\\{${last}\\} &= [^=]+= (-?[\\d.]+)`))?.[1],
        );
        return Math.abs(got - torch.m_hat!) < 1e-9 && Math.abs(m - torch.m!) < 1e-4
          ? []
          : [
              `seed ${v.seed} ${JSON.stringify(v.params)}: m ${m}, m̂ ${got}, PyTorch ${JSON.stringify(torch)}`,
            ];
      });
      expect(wrong).toEqual([]);
    });

    it("the stored answers are PyTorch's (UPDATE_GOLDEN=1 rewrites them)", {
      timeout: 120_000,
    }, () => {
      if (process.env.UPDATE_GOLDEN === "1") {
        const list = Array.from({ length: 60 }, (_, seed) =>
          generateExercise("adam-bias-correction", {
            seed,
            lang: "en",
            ranges: { step: { min: 1, max: 6 } },
          }),
        );
        const answers = torchExerciseAnswers(list);
        const rows = list.map((v, i) => ({
          beta1: Number(v.params?.beta1),
          g: v.params?.g,
          m: answers[i]!.m,
          m_hat: answers[i]!.m_hat,
        }));
        writeFileSync(
          FIXTURE,
          `${rows.map((r) => JSON.stringify(r)).join(",\n")}`.replace(/^/, "[").concat("]\n"),
        );
      }
      const stored = JSON.parse(readFileSync(FIXTURE, "utf8")) as {
        beta1: number;
        g: number[];
        m: number;
        m_hat: number;
      }[];
      const fresh = torchExerciseAnswers(
        stored.map((r) => ({
          generator: "adam-bias-correction",
          params: { beta1: String(r.beta1), g: r.g },
        })),
      );
      // JSON keeps -0 as 0.
      const plain = (v: number | undefined) => (v ?? Number.NaN) + 0;
      expect(fresh.map((a) => [plain(a.m), plain(a.m_hat)])).toEqual(
        stored.map((r) => [r.m, r.m_hat]),
      );
    });
  },
);
