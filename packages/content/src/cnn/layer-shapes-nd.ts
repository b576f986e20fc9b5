/**
 * Convolutions and poolings in any number of spatial dimensions (1-D, 2-D, 3-D), with PyTorch
 * 1.13's arithmetic and checks: conv2d and the 2-D pools of layer-shapes.ts use these too.
 */

import type { Shape } from "./layer.ts";
import type { PaddingMode } from "./layer-more.ts";
import { bad, expectChannels, expectRank, tooSmall } from "./shape-util.ts";

const AXES = ["length", "height", "width"] as const;

/** Name of spatial dimension i of n ("height"/"width" in 2-D, "depth"/… in 3-D, "length" in 1-D). */
export function axisName(i: number, n: number): string {
  if (n === 1) return AXES[0];
  if (n === 2) return AXES[i + 1]!;
  return ["depth", "height", "width"][i]!;
}

/** floor((n + 2p - d(k-1) - 1) / s) + 1 — PyTorch's convolution output size (may be < 1). */
export function convOutputSize(n: number, k: number, s = 1, p = 0, d = 1): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
}

/**
 * PyTorch's pooling output size: floor (or ceil with ceilMode) of (n + 2p - d(k-1) - 1) / s, plus 1;
 * in ceil mode the last window must start inside the input or the left padding, else it is dropped.
 */
export function poolOutputSize(
  n: number,
  k: number,
  s: number,
  p = 0,
  d = 1,
  ceilMode = false,
): number {
  let out = Math.floor((n + 2 * p - d * (k - 1) - 1 + (ceilMode ? s - 1 : 0)) / s) + 1;
  if (ceilMode && (out - 1) * s >= n + p) out -= 1;
  return out;
}

export interface ConvLike {
  type: string;
  inChannels: number;
  outChannels: number;
  kernel: readonly number[];
  stride: readonly number[];
  padding: readonly number[] | "same";
  dilation: readonly number[];
  groups: number;
  paddingMode?: PaddingMode;
}

/** Left and right padding per dimension; "same" pads d(k-1) in total, the extra one on the right. */
export function convPads(l: ConvLike): [number, number][] {
  return l.kernel.map((k, i) => {
    if (l.padding !== "same") return [l.padding[i]!, l.padding[i]!];
    const total = l.dilation[i]! * (k - 1);
    const left = Math.floor(total / 2);
    return [left, total - left];
  });
}

/** Checks torch.nn.ConvNd makes when it is built (independent of the input). */
export function checkConvConfig(l: ConvLike): void {
  for (const [field, c] of [
    ["in_channels", l.inChannels],
    ["out_channels", l.outChannels],
  ] as const) {
    if (c % l.groups !== 0) {
      throw bad(`${l.type}: ${field} (${c}) must be divisible by groups (${l.groups})`, field);
    }
  }
  if (l.padding === "same" && l.stride.some((s) => s !== 1)) {
    throw bad(`${l.type}: padding "same" is not supported for strided convolutions`, "padding");
  }
}

/** Output shape of a Conv1d/2d/3d on a [C, …spatial] input; padding_mode checks as F.pad's. */
export function convNdOutputShape(l: ConvLike, input: Shape): number[] {
  const n = l.kernel.length;
  checkConvConfig(l);
  expectRank(l.type, input, n + 1);
  expectChannels(l.type, input, l.inChannels, "in_channels");
  const pads = convPads(l);
  const mode = l.paddingMode ?? "zeros";
  pads.forEach(([a, b], i) => {
    const size = input[i + 1]!;
    if (mode === "reflect" && Math.max(a, b) >= size) {
      throw bad(
        `${l.type}: reflect padding (${Math.max(a, b)}) must be smaller than the input ${axisName(i, n)} (${size})`,
        "padding",
      );
    }
    if (mode === "circular" && Math.max(a, b) > size) {
      throw bad(
        `${l.type}: circular padding (${Math.max(a, b)}) must not exceed the input ${axisName(i, n)} (${size}): it would wrap around more than once`,
        "padding",
      );
    }
  });
  if (l.padding === "same") return [l.outChannels, ...input.slice(1)];
  const out = l.kernel.map((k, i) =>
    convOutputSize(input[i + 1]!, k, l.stride[i]!, pads[i]![0], l.dilation[i]!),
  );
  if (out.some((o) => o < 1)) {
    const ek = l.kernel.map((k, i) => l.dilation[i]! * (k - 1) + 1);
    const padded = input.slice(1).map((s, i) => s + 2 * pads[i]![0]);
    throw tooSmall(
      l.type,
      input,
      out,
      `the dilated kernel ${ek.join("×")} is larger than the padded input ${padded.join("×")}`,
    );
  }
  return [l.outChannels, ...out];
}

export interface ConvTransposeLike {
  type: string;
  inChannels: number;
  outChannels: number;
  kernel: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
  outputPadding: readonly number[];
  dilation: readonly number[];
  groups: number;
}

/** (n-1)s - 2p + d(k-1) + output_padding + 1 — PyTorch's transposed-convolution output size. */
export function convTransposeOutputSize(
  n: number,
  k: number,
  s = 1,
  p = 0,
  d = 1,
  outputPadding = 0,
): number {
  return (n - 1) * s - 2 * p + d * (k - 1) + outputPadding + 1;
}

/** Output shape of a ConvTranspose1d/2d/3d on a [C, …spatial] input. */
export function convTransposeNdOutputShape(l: ConvTransposeLike, input: Shape): number[] {
  const n = l.kernel.length;
  for (const [field, c] of [
    ["in_channels", l.inChannels],
    ["out_channels", l.outChannels],
  ] as const) {
    if (c % l.groups !== 0) {
      throw bad(`${l.type}: ${field} (${c}) must be divisible by groups (${l.groups})`, field);
    }
  }
  l.outputPadding.forEach((op, i) => {
    if (op >= l.stride[i]! && op >= l.dilation[i]!) {
      throw bad(
        `${l.type}: output_padding (${op}) must be smaller than either stride (${l.stride[i]}) or dilation (${l.dilation[i]})${n > 1 ? ` in ${axisName(i, n)}` : ""}`,
        "output_padding",
      );
    }
  });
  expectRank(l.type, input, n + 1);
  expectChannels(l.type, input, l.inChannels, "in_channels");
  const out = l.kernel.map((k, i) =>
    convTransposeOutputSize(
      input[i + 1]!,
      k,
      l.stride[i]!,
      l.padding[i]!,
      l.dilation[i]!,
      l.outputPadding[i]!,
    ),
  );
  if (out.some((o) => o < 1)) {
    throw tooSmall(l.type, input, out, "padding removes more than the upsampled size");
  }
  return [l.outChannels, ...out];
}

export interface PoolLike {
  type: string;
  kernel: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
  dilation: readonly number[];
  ceilMode: boolean;
}

/**
 * Output shape of a max or average pooling on a [C, …spatial] input. `minOutput` is 1, except for
 * MaxPool1d without indices: PyTorch 1.13's 1-D fast path returns an empty output rather than fail.
 */
export function poolNdOutputShape(l: PoolLike, input: Shape, minOutput = 1): number[] {
  const n = l.kernel.length;
  l.kernel.forEach((k, i) => {
    if (l.padding[i]! > Math.floor(k / 2)) {
      throw bad(
        `${l.type}: padding (${l.padding[i]}) must be at most half of kernel_size (${k})${n > 1 ? ` in ${axisName(i, n)}` : ""}`,
        "padding",
      );
    }
  });
  expectRank(l.type, input, n + 1);
  const out = l.kernel.map((k, i) =>
    poolOutputSize(input[i + 1]!, k, l.stride[i]!, l.padding[i]!, l.dilation[i]!, l.ceilMode),
  );
  if (out.some((o) => o < minOutput)) {
    throw tooSmall(l.type, input, out, "the pooling window does not fit in the padded input");
  }
  return [input[0]!, ...out];
}
