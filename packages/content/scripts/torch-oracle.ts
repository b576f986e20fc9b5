/**
 * The live PyTorch oracle: one Debian python3-torch process (scripts/torch/diff_oracle.py) draws
 * random cases of every layer type and answers them; `disagreement` compares one answer with the
 * calculator. Used by scripts/cnn-diff.ts and by torch-oracle.integration.test.ts.
 */
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { LayerFixture } from "../src/cnn/fixtures.ts";
import { applyLayer } from "../src/cnn/layer-shapes.ts";
import { parseLayerSpec } from "../src/cnn/layer-spec.ts";
import { isAppError } from "../src/errors.ts";

export const TORCH_PYTHON = process.env.TORCH_PYTHON ?? "/usr/bin/python3";
const torchDir = join(dirname(fileURLToPath(import.meta.url)), "torch");

/** Why PyTorch cannot be asked here, or null when `import torch` works. */
export function torchMissing(): string | null {
  const r = spawnSync(TORCH_PYTHON, ["-c", "import torch"], { encoding: "utf8" });
  if (r.error) return `${TORCH_PYTHON} cannot be run (${r.error.message})`;
  return r.status === 0 ? null : `${TORCH_PYTHON} has no torch (apt install python3-torch)`;
}

export interface OracleOptions {
  seed: number;
  perType: number;
  /** Break one argument or input dimension of each case (scripts/torch/diff_oracle.py mutate). */
  mutate?: boolean;
  /** Share of the mutations that empty an input dimension (default 0.1). */
  zeroInput?: number;
}

/** PyTorch's answers for perType random cases of every layer type, in one python process. */
export function torchCases(o: OracleOptions): LayerFixture[] {
  const run = spawnSync(
    TORCH_PYTHON,
    [
      join(torchDir, "diff_oracle.py"),
      ...["--seed", String(o.seed), "--per-type", String(o.perType)],
      ...(o.mutate ? ["--mutate"] : []),
    ],
    {
      cwd: torchDir,
      encoding: "utf8",
      maxBuffer: 1 << 30,
      env: { ...process.env, ZERO_INPUT: String(o.zeroInput ?? 0.1) },
    },
  );
  if (run.status !== 0) {
    throw new Error(`PyTorch oracle failed (${TORCH_PYTHON}): ${run.error?.message ?? run.stderr}`);
  }
  return JSON.parse(run.stdout) as LayerFixture[];
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

/** PyTorch's answer to one exercise variant (scripts/torch/exercise_oracle.py). */
export interface TorchExerciseAnswer {
  params?: number;
  head_dim?: number;
  /** Adam's first moment after the variant's gradients, and its bias-corrected value. */
  m?: number;
  m_hat?: number;
  error?: string;
}

/** PyTorch's answers for exercise variants (name and drawn parameters), in one python process. */
export function torchExerciseAnswers(
  variants: readonly { generator: string; params?: Record<string, unknown> }[],
): TorchExerciseAnswer[] {
  const run = spawnSync(TORCH_PYTHON, [join(torchDir, "exercise_oracle.py")], {
    cwd: torchDir,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    input: JSON.stringify(variants.map((v) => ({ generator: v.generator, params: v.params }))),
  });
  if (run.status !== 0) {
    throw new Error(`PyTorch oracle failed (${TORCH_PYTHON}): ${run.error?.message ?? run.stderr}`);
  }
  return JSON.parse(run.stdout) as TorchExerciseAnswer[];
}
