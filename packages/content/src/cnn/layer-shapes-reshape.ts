/**
 * Padding layers, pixel (un)shuffle and unflatten: no parameters, no MACs, only shapes and
 * PyTorch 1.13's checks. The input is one sample (PyTorch sees a batch of 1 in front).
 */
import type { LayerResult, Shape } from "./layer.ts";
import type { PadLayer, PixelShuffleLayer, UnflattenLayer } from "./layer-more.ts";
import { bad, batchedDim, expectRank, fmt, product } from "./shape-util.ts";

const PAD_MODE = {
  zero: "constant",
  cons: "constant",
  refl: "reflect",
  repl: "replicate",
} as const;

/**
 * Pads the last n dimensions, as PyTorch 1.13. Constant padding needs the per-sample input to have
 * them (it would otherwise pad the batch); it first crops by the negative amounts (never below 0),
 * returns that crop when no amount is positive (an empty size allowed), and otherwise wants every
 * padded size above 0. Reflection and replication take a per-sample rank of n or n + 1, need each
 * reflected side smaller than the input, no negative size, and — PyTorch checks "or", not "and" —
 * at least one padded size of 1 or more.
 */
function padOutputShape(l: PadLayer, input: Shape): number[] {
  const n = l.pads.length / 2;
  const mode = PAD_MODE[l.type.slice(0, 4) as keyof typeof PAD_MODE];
  if (mode === "constant" && input.length < n) {
    throw bad(
      `${l.type}: pads ${n} dimensions but the input ${fmt(input)} has ${input.length} (the batch would be padded)`,
      "input",
    );
  }
  if (mode !== "constant") expectRank(l.type, input, n, n + 1);
  const out = input.slice();
  const cropped = input.slice();
  const dims: number[] = [];
  for (let i = 0; i < n; i++) {
    const at = input.length - 1 - i;
    const size = input[at]!;
    const [a, b] = [l.pads[2 * i]!, l.pads[2 * i + 1]!];
    if (mode === "reflect" && (a >= size || b >= size)) {
      throw bad(
        `${l.type}: reflection padding (${a}, ${b}) must be smaller than the input's size ${size} in dimension ${at}`,
        "padding",
      );
    }
    const left = size + Math.min(a, 0);
    cropped[at] = left + Math.min(b, 0);
    if (mode === "constant" && (left < 0 || cropped[at]! < 0)) {
      throw bad(`${l.type}: padding (${a}, ${b}) crops more than the size ${size}`, "padding");
    }
    out[at] = size + a + b;
    dims.push(at);
  }
  const tooSmall = () =>
    bad(`${l.type}: output ${fmt(out)} for input ${fmt(input)}: cropped too much`, "padding");
  if (mode === "constant") {
    if (l.pads.every((p) => p <= 0)) return cropped;
    if (dims.some((d) => out[d]! < 1)) throw tooSmall();
  } else if (dims.some((d) => out[d]! < 0) || dims.every((d) => out[d]! < 1)) {
    throw tooSmall();
  }
  return out;
}

/** Works on the last three dimensions, [C, H, W]. */
function pixelShuffleOutputShape(l: PixelShuffleLayer, input: Shape): number[] {
  if (input.length < 3) {
    throw bad(`${l.type}: expects a [C, H, W] input, got ${fmt(input)}`, "input");
  }
  const lead = input.slice(0, -3);
  const [c, h, w] = input.slice(-3) as [number, number, number];
  const r = l.factor;
  if (l.type === "pixelshuffle") {
    if (c % (r * r) !== 0) {
      throw bad(
        `pixelshuffle: the input's ${c} channels are not divisible by upscale_factor² (${r * r})`,
        "upscale_factor",
      );
    }
    return [...lead, c / (r * r), h * r, w * r];
  }
  for (const [name, size] of [
    ["height", h],
    ["width", w],
  ] as const) {
    if (size % r !== 0) {
      throw bad(
        `pixelunshuffle: the input ${name} (${size}) is not divisible by downscale_factor (${r})`,
        "downscale_factor",
      );
    }
  }
  return [...lead, c * r * r, h / r, w / r];
}

function unflattenOutputShape(l: UnflattenLayer, input: Shape): number[] {
  const dim = batchedDim("unflatten", "dim", l.dim, input);
  if (dim === 0) {
    throw bad("unflatten: dim 0 is the batch dimension (not modelled)", "dim");
  }
  const size = input[dim - 1]!;
  const known = product(l.sizes.filter((v) => v !== -1));
  const sizes = l.sizes.map((v) => (v === -1 ? size / known : v));
  if (sizes.some((v) => !Number.isInteger(v)) || product(sizes) !== size) {
    throw bad(
      `unflatten: unflattened_size ${fmt(l.sizes)} does not multiply up to ${size}, the size of dimension ${dim}`,
      "unflattened_size",
    );
  }
  return [...input.slice(0, dim - 1), ...sizes, ...input.slice(dim)];
}

export function applyReshapeLayer(
  l: PadLayer | PixelShuffleLayer | UnflattenLayer,
  input: Shape,
): LayerResult {
  if (l.type === "unflatten") return { output: unflattenOutputShape(l, input), params: 0, macs: 0 };
  if ("factor" in l) {
    return { output: pixelShuffleOutputShape(l, input), params: 0, macs: 0 };
  }
  return { output: padOutputShape(l, input), params: 0, macs: 0 };
}
