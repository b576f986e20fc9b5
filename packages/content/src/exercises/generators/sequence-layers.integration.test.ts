/**
 * The sequence-layer exercises' answers against the live PyTorch (Debian python3-torch): every
 * variant's module is built by PyTorch from the variant's own parameters, and its trainable
 * parameter count (or head_dim) must be the exercise's answer. Fixed seeds plus a new seed each day.
 * Skipped, with the reason in its name, where torch is missing.
 */
import { describe, expect, it } from "vitest";
import { torchExerciseAnswers, torchMissing } from "../../../scripts/torch-oracle.ts";
import type { ExerciseVariant, TParamRanges } from "../contract.ts";
import { generateExercise } from "../registry.ts";

const missing = torchMissing();
const day = Math.floor(Date.now() / 86_400_000);

/** Default draws and wide ranges (odd sizes, deep stacks), on fixed seeds and the day's seeds. */
function variants(name: string, wide: TParamRanges): ExerciseVariant[] {
  const out: ExerciseVariant[] = [];
  for (const ranges of [undefined, wide]) {
    for (let i = 0; i < 200; i++) {
      const seed = i < 100 ? i : day * 1000 + i;
      out.push(generateExercise(name, { seed, lang: "en", ...(ranges ? { ranges } : {}) }));
    }
  }
  return out;
}

function disagreements(list: ExerciseVariant[], pick: (v: ExerciseVariant) => keyof TorchAnswer) {
  const answers = torchExerciseAnswers(list);
  return list.flatMap((v, i) => {
    const want = answers[i]!;
    const got = v.expected.kind === "integer" ? v.expected.value : Number.NaN;
    return want[pick(v)] === got
      ? []
      : [
          `seed ${v.seed} ${JSON.stringify(v.params)}: answer ${got}, PyTorch ${JSON.stringify(want)}`,
        ];
  });
}

type TorchAnswer = ReturnType<typeof torchExerciseAnswers>[number];

describe.skipIf(missing !== null)(
  `sequence-layer exercises against live PyTorch${missing === null ? "" : ` (skipped: ${missing})`}`,
  () => {
    it(`rnn-params: nn.RNN / nn.LSTM / nn.GRU parameter counts (day seed ${day})`, {
      timeout: 120_000,
    }, () => {
      const list = variants("rnn-params", {
        input_size: { min: 1, max: 300 },
        hidden_size: { min: 1, max: 300 },
        num_layers: { min: 1, max: 8 },
      });
      expect(new Set(list.map((v) => v.params?.cell))).toEqual(new Set(["rnn", "lstm", "gru"]));
      expect(disagreements(list, () => "params")).toEqual([]);
    });

    it(`multihead-attention: head_dim and parameter counts (day seed ${day})`, {
      timeout: 120_000,
    }, () => {
      const list = variants("multihead-attention", {
        embed_dim: { min: 1, max: 600 },
        num_heads: { min: 1, max: 24 },
      });
      expect(new Set(list.map((v) => v.params?.ask))).toEqual(new Set(["head_dim", "params"]));
      expect(
        disagreements(list, (v) => (v.params?.ask === "head_dim" ? "head_dim" : "params")),
      ).toEqual([]);
    });
  },
);
