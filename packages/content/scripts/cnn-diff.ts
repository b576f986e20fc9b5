/**
 * Randomized differential check of the layer calculator against the real PyTorch.
 *
 *   npx tsx packages/content/scripts/cnn-diff.ts [--seed 7] [--per-type 300] [--out wrong.json]
 *
 * One Debian python3-torch process (scripts/torch/diff_oracle.py) draws --per-type random cases
 * of every layer type, half of the convolution and pool ones biased to the corners, and answers
 * them all; this compares shape, parameters, MACs and rejection with `applyLayer`. Prints the
 * cases checked per type and every disagreement; --out writes the disagreeing cases with
 * PyTorch's answers (the format of src/cnn/fixtures, to keep as permanent oracle cases).
 * --mutate breaks one argument or input dimension of each case (zero, negative, large), to
 * compare rejections. Exit code 1 when anything disagrees, 2 when PyTorch is not available.
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LayerFixture } from "../src/cnn/fixtures.ts";
import { applyLayer } from "../src/cnn/layer-shapes.ts";
import { parseLayerSpec } from "../src/cnn/layer-spec.ts";
import { isAppError } from "../src/errors.ts";

const PYTHON = process.env.TORCH_PYTHON ?? "/usr/bin/python3";
const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** The disagreement with PyTorch's answer, or null when they agree. */
export function disagreement(c: LayerFixture): string | null {
  let got: unknown;
  try {
    got = applyLayer(parseLayerSpec(c.layer), c.input);
  } catch (e) {
    if (!isAppError(e)) return `threw a non-AppError: ${String(e)}`;
    return c.error === undefined ? `rejected (${e.message}) but PyTorch accepts` : null;
  }
  if (c.error !== undefined)
    return `accepted ${JSON.stringify(got)} but PyTorch rejects: ${c.error}`;
  const want = { output: c.output, params: c.params, macs: c.macs };
  return JSON.stringify(got) === JSON.stringify(want)
    ? null
    : `got ${JSON.stringify(got)}, PyTorch ${JSON.stringify(want)}`;
}

const seed = arg("seed", "1");
const perType = arg("per-type", "200");
const run = spawnSync(
  PYTHON,
  [
    join(here, "torch", "diff_oracle.py"),
    ...["--seed", seed, "--per-type", perType],
    ...(process.argv.includes("--mutate") ? ["--mutate"] : []),
  ],
  { cwd: join(here, "torch"), encoding: "utf8", maxBuffer: 1 << 30 },
);
if (run.status !== 0) {
  console.error(`PyTorch oracle failed (${PYTHON}): ${run.error?.message ?? run.stderr}`);
  process.exit(2);
}
const cases = JSON.parse(run.stdout) as LayerFixture[];
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
for (const w of wrong)
  console.log(`DISAGREE ${JSON.stringify({ layer: w.layer, input: w.input })}: ${w.why}`);
console.log(`${cases.length} cases, ${wrong.length} disagreements (seed ${seed})`);
const out = arg("out", "");
if (out) writeFileSync(out, JSON.stringify(wrong.map(({ why, ...c }) => ({ note: why, ...c }))));
process.exit(wrong.length > 0 ? 1 : 0);
