/**
 * Randomized differential check of the layer calculator against the real PyTorch.
 *
 *   npx tsx packages/content/scripts/cnn-diff.ts [--seed 7] [--per-type 300] [--mutate] [--out f]
 *
 * One Debian python3-torch process (scripts/torch/diff_oracle.py) draws --per-type random cases
 * of every layer type, half of the convolution and pool ones biased to the corners, and answers
 * them all; this compares shape, parameters, MACs and rejection with `applyLayer`. Prints the
 * cases checked per type and every disagreement; --out writes the disagreeing cases with
 * PyTorch's answers (the format of src/cnn/fixtures, to keep as permanent oracle cases).
 * --mutate breaks one argument or input dimension of each case (zero, negative, large; env
 * ZERO_INPUT = share of emptied inputs), to compare rejections.
 * Exit code 1 when anything disagrees, 2 when PyTorch is not available.
 */
import { writeFileSync } from "node:fs";
import type { LayerFixture } from "../src/cnn/fixtures.ts";
import { disagreement, torchCases, torchMissing } from "./torch-oracle.ts";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

const missing = torchMissing();
if (missing !== null) {
  console.error(`PyTorch is not available: ${missing}`);
  process.exit(2);
}
const seed = Number(arg("seed", "1"));
const cases = torchCases({
  seed,
  perType: Number(arg("per-type", "200")),
  mutate: process.argv.includes("--mutate"),
  zeroInput: Number(process.env.ZERO_INPUT ?? "0.1"),
});
const perTypeStats = new Map<string, { checked: number; rejected: number; wrong: number }>();
const wrong: (LayerFixture & { why: string })[] = [];
for (const c of cases) {
  const t = String(c.layer.type);
  const s = perTypeStats.get(t) ?? { checked: 0, rejected: 0, wrong: 0 };
  s.checked++;
  if (c.error !== undefined) s.rejected++;
  const d = disagreement(c);
  if (d !== null) {
    s.wrong++;
    wrong.push({ ...c, why: d });
  }
  perTypeStats.set(t, s);
}
for (const [t, s] of [...perTypeStats].sort()) {
  console.log(
    `${t.padEnd(26)} ${String(s.checked).padStart(5)} checked, ${String(s.rejected).padStart(4)} rejected by PyTorch, ${s.wrong} disagree`,
  );
}
for (const w of wrong) {
  console.log(`DISAGREE ${JSON.stringify({ layer: w.layer, input: w.input })}: ${w.why}`);
}
console.log(`${cases.length} cases, ${wrong.length} disagreements (seed ${seed})`);
const out = arg("out", "");
if (out) writeFileSync(out, JSON.stringify(wrong.map(({ why, ...c }) => ({ note: why, ...c }))));
process.exit(wrong.length > 0 ? 1 : 0);
