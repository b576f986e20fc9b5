/** Small helpers shared by the shape computations (layer-shapes*.ts). */
import { AppError } from "../errors.ts";
import type { Shape } from "./layer.ts";

export function bad(message: string, field: string): AppError {
  return new AppError("BAD_INPUT", message, { field });
}

export function fmt(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

export function product(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

const RANK_NAMES: Record<number, string> = {
  1: "[F]",
  2: "[C, L]",
  3: "[C, H, W]",
  4: "[C, D, H, W]",
};

/** The per-sample input must have one of these ranks (PyTorch's batched ranks minus one). */
export function expectRank(type: string, input: Shape, ...ranks: number[]): void {
  if (!ranks.includes(input.length)) {
    const want = ranks.map((r) => RANK_NAMES[r] ?? `${r}-D`).join(" or ");
    throw bad(`${type}: expects a ${want} input, got ${fmt(input)}`, "input");
  }
}

export function expectChannels(type: string, input: Shape, expected: number, field: string): void {
  if (input[0] !== expected) {
    throw bad(`${type}: ${field} is ${expected} but the input has ${input[0]} channels`, field);
  }
}

export function tooSmall(
  type: string,
  input: Shape,
  out: readonly number[],
  detail: string,
): AppError {
  return bad(
    `${type}: output would be ${out.join("×")} for input ${fmt(input)}: ${detail}`,
    "input",
  );
}

/** Normalizes a dimension of the batched tensor (rank = per-sample rank + 1), as PyTorch does. */
export function batchedDim(type: string, field: string, dim: number, input: Shape): number {
  const rank = input.length + 1;
  if (dim < -rank || dim >= rank) {
    throw bad(
      `${type}: ${field} ${dim} is out of range for the batched input [1, ${input.join(", ")}] (expected ${-rank} to ${rank - 1})`,
      field,
    );
  }
  return dim < 0 ? dim + rank : dim;
}
