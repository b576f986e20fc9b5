/**
 * The fenced `exercise` block: a YAML body naming a generator of the exercise engine and the
 * parameter ranges its variants are drawn from.
 *
 * ```exercise
 * generator: conv-output-shape
 * params: { inputSize: { min: 28, max: 64 }, kernel: [3, 5], stride: 1 }
 * prompt: Output size after a 3×3 or 5×5 convolution
 * ```
 */
import { parse as parseYaml } from "yaml";
import { z } from "zod";
import { ZParamRanges } from "../exercises/contract.ts";
import { getGeneratorInfo, listGenerators } from "../exercises/index.ts";
import type { TNoteIssue } from "./schema.ts";

export const ZExerciseBlock = z.strictObject({
  generator: z.string().min(1),
  params: ZParamRanges.default({}),
  prompt: z.string().min(1).optional(),
});
export type TExerciseBlock = z.infer<typeof ZExerciseBlock>;

export type ExerciseBlockResult =
  | { ok: true; block: TExerciseBlock }
  | { ok: false; issue: Omit<TNoteIssue, "file" | "line"> };

/** Reads and checks an exercise block body against the exercise engine's registry. */
export function readExerciseBlock(body: string): ExerciseBlockResult {
  let data: unknown;
  try {
    data = parseYaml(body);
  } catch (error) {
    const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
    return fail("exercise-invalid", `exercise block is not valid YAML: ${message}`);
  }
  const parsed = ZExerciseBlock.safeParse(data ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at "${first.path.join(".")}"` : "";
    return fail("exercise-invalid", `exercise block${where}: ${first?.message ?? "invalid"}`);
  }
  const info = getGeneratorInfo(parsed.data.generator);
  if (!info) {
    const known = listGenerators().map((g) => g.name);
    const hint = known.length > 0 ? ` (known: ${known.join(", ")})` : " (no generators exist yet)";
    return fail(
      "exercise-unknown-generator",
      `unknown exercise generator "${parsed.data.generator}"${hint}`,
    );
  }
  const unknownParams = Object.keys(parsed.data.params).filter((p) => !info.params.includes(p));
  if (unknownParams.length > 0) {
    return fail(
      "exercise-unknown-param",
      `generator "${info.name}" has no parameter ${unknownParams.map((p) => `"${p}"`).join(", ")} (it takes ${info.params.join(", ") || "none"})`,
    );
  }
  return { ok: true, block: parsed.data };
}

function fail(code: string, message: string): ExerciseBlockResult {
  return { ok: false, issue: { severity: "error", code, message } };
}
