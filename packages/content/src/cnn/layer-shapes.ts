/**
 * Output shape, parameter count and MACs of one layer, with PyTorch's exact arithmetic and its
 * rejections. Pure and allocation-light: built-in models call `applyLayer` for every layer.
 */
import { AppError } from "../errors.ts";
import type {
  AdaptiveAvgPool2dLayer,
  AvgPool2dLayer,
  BatchNorm2dLayer,
  Conv2dLayer,
  ConvTranspose2dLayer,
  Layer,
  LayerResult,
  LinearLayer,
  MaxPool2dLayer,
  Shape,
} from "./layer.ts";

const DIMS = ["height", "width"] as const;

function bad(message: string, field: string): AppError {
  return new AppError("BAD_INPUT", message, { field });
}

function fmt(shape: Shape): string {
  return `[${shape.join(", ")}]`;
}

/** floor((n + 2p - d(k-1) - 1) / s) + 1 — PyTorch's convolution output size (may be < 1). */
export function convOutputSize(n: number, k: number, s = 1, p = 0, d = 1): number {
  return Math.floor((n + 2 * p - d * (k - 1) - 1) / s) + 1;
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

function expectRank(type: string, input: Shape, rank: number): void {
  if (input.length !== rank) {
    throw bad(
      `${type}: expects a ${rank === 3 ? "[C, H, W]" : `${rank}-D`} input, got ${fmt(input)}`,
      "input",
    );
  }
}

function expectChannels(type: string, input: Shape, expected: number, field: string): void {
  if (input[0] !== expected) {
    throw bad(`${type}: ${field} is ${expected} but the input has ${input[0]} channels`, field);
  }
}

function tooSmall(type: string, input: Shape, out: readonly number[], detail: string): AppError {
  return bad(
    `${type}: output would be ${out.join("×")} for input ${fmt(input)}: ${detail}`,
    "input",
  );
}

export function conv2dOutputShape(l: Conv2dLayer, input: Shape): number[] {
  if (l.inChannels % l.groups !== 0) {
    throw bad(
      `conv2d: in_channels (${l.inChannels}) must be divisible by groups (${l.groups})`,
      "in_channels",
    );
  }
  if (l.outChannels % l.groups !== 0) {
    throw bad(
      `conv2d: out_channels (${l.outChannels}) must be divisible by groups (${l.groups})`,
      "out_channels",
    );
  }
  if (l.padding === "same" && (l.stride[0] !== 1 || l.stride[1] !== 1)) {
    throw bad(`conv2d: padding "same" is not supported for strided convolutions`, "padding");
  }
  expectRank("conv2d", input, 3);
  expectChannels("conv2d", input, l.inChannels, "in_channels");
  const h = input[1]!;
  const w = input[2]!;
  if (l.padding === "same") return [l.outChannels, h, w];
  const oh = convOutputSize(h, l.kernel[0], l.stride[0], l.padding[0], l.dilation[0]);
  const ow = convOutputSize(w, l.kernel[1], l.stride[1], l.padding[1], l.dilation[1]);
  if (oh < 1 || ow < 1) {
    const ek = [0, 1].map((i) => l.dilation[i]! * (l.kernel[i]! - 1) + 1);
    throw tooSmall(
      "conv2d",
      input,
      [oh, ow],
      `the dilated kernel ${ek.join("×")} is larger than the padded input ${h + 2 * l.padding[0]}×${w + 2 * l.padding[1]}`,
    );
  }
  return [l.outChannels, oh, ow];
}

export function convTranspose2dOutputShape(l: ConvTranspose2dLayer, input: Shape): number[] {
  if (l.inChannels % l.groups !== 0) {
    throw bad(
      `convtranspose2d: in_channels (${l.inChannels}) must be divisible by groups (${l.groups})`,
      "in_channels",
    );
  }
  if (l.outChannels % l.groups !== 0) {
    throw bad(
      `convtranspose2d: out_channels (${l.outChannels}) must be divisible by groups (${l.groups})`,
      "out_channels",
    );
  }
  for (const i of [0, 1] as const) {
    if (l.outputPadding[i] >= l.stride[i] && l.outputPadding[i] >= l.dilation[i]) {
      throw bad(
        `convtranspose2d: output_padding (${l.outputPadding[i]}) must be smaller than either stride (${l.stride[i]}) or dilation (${l.dilation[i]}) in ${DIMS[i]}`,
        "output_padding",
      );
    }
  }
  expectRank("convtranspose2d", input, 3);
  expectChannels("convtranspose2d", input, l.inChannels, "in_channels");
  const out = [0, 1].map((i) =>
    convTransposeOutputSize(
      input[i + 1]!,
      l.kernel[i]!,
      l.stride[i]!,
      l.padding[i]!,
      l.dilation[i]!,
      l.outputPadding[i]!,
    ),
  );
  if (out[0]! < 1 || out[1]! < 1) {
    throw tooSmall("convtranspose2d", input, out, "padding removes more than the upsampled size");
  }
  return [l.outChannels, out[0]!, out[1]!];
}

export function pool2dOutputShape(l: MaxPool2dLayer | AvgPool2dLayer, input: Shape): number[] {
  const dilation = l.type === "maxpool2d" ? l.dilation : ([1, 1] as const);
  for (const i of [0, 1] as const) {
    if (l.padding[i] > Math.floor(l.kernel[i] / 2)) {
      throw bad(
        `${l.type}: padding (${l.padding[i]}) must be at most half of kernel_size (${l.kernel[i]}) in ${DIMS[i]}`,
        "padding",
      );
    }
  }
  expectRank(l.type, input, 3);
  const out = [0, 1].map((i) =>
    poolOutputSize(
      input[i + 1]!,
      l.kernel[i]!,
      l.stride[i]!,
      l.padding[i]!,
      dilation[i]!,
      l.ceilMode,
    ),
  );
  if (out[0]! < 1 || out[1]! < 1) {
    throw tooSmall(l.type, input, out, "the pooling window does not fit in the padded input");
  }
  return [input[0]!, out[0]!, out[1]!];
}

export function adaptiveAvgPool2dOutputShape(l: AdaptiveAvgPool2dLayer, input: Shape): number[] {
  expectRank("adaptiveavgpool2d", input, 3);
  return [input[0]!, l.outputSize[0] ?? input[1]!, l.outputSize[1] ?? input[2]!];
}

export function linearOutputShape(l: LinearLayer, input: Shape): number[] {
  if (input.length < 1 || input[input.length - 1] !== l.inFeatures) {
    throw bad(
      `linear: in_features is ${l.inFeatures} but the input ${fmt(input)} has ${input[input.length - 1] ?? 0} features`,
      "in_features",
    );
  }
  const out = input.slice();
  out[out.length - 1] = l.outFeatures;
  return out;
}

export function batchNorm2dOutputShape(l: BatchNorm2dLayer, input: Shape): number[] {
  expectRank("batchnorm2d", input, 3);
  expectChannels("batchnorm2d", input, l.numFeatures, "num_features");
  return input.slice();
}

function product(shape: Shape): number {
  let n = 1;
  for (const d of shape) n *= d;
  return n;
}

/** Output shape, trainable parameters and MACs (conv and linear multiply-accumulates, bias excluded). */
export function applyLayer(l: Layer, input: Shape): LayerResult {
  switch (l.type) {
    case "conv2d": {
      const output = conv2dOutputShape(l, input);
      const perOut = (l.inChannels / l.groups) * l.kernel[0] * l.kernel[1];
      return {
        output,
        params: l.outChannels * perOut + (l.bias ? l.outChannels : 0),
        macs: product(output) * perOut,
      };
    }
    case "convtranspose2d": {
      const output = convTranspose2dOutputShape(l, input);
      const perIn = (l.outChannels / l.groups) * l.kernel[0] * l.kernel[1];
      return {
        output,
        params: l.inChannels * perIn + (l.bias ? l.outChannels : 0),
        macs: product(input) * perIn,
      };
    }
    case "maxpool2d":
    case "avgpool2d":
      return { output: pool2dOutputShape(l, input), params: 0, macs: 0 };
    case "adaptiveavgpool2d":
      return { output: adaptiveAvgPool2dOutputShape(l, input), params: 0, macs: 0 };
    case "linear":
      return {
        output: linearOutputShape(l, input),
        params: l.inFeatures * l.outFeatures + (l.bias ? l.outFeatures : 0),
        macs: product(input) * l.outFeatures,
      };
    case "batchnorm2d":
      return {
        output: batchNorm2dOutputShape(l, input),
        params: l.affine ? 2 * l.numFeatures : 0,
        macs: 0,
      };
    case "localresponsenorm":
      if (input.length < 2) {
        throw bad(`localresponsenorm: expects an input with channels, got ${fmt(input)}`, "input");
      }
      return { output: input.slice(), params: 0, macs: 0 };
    case "relu":
    case "dropout":
      return { output: input.slice(), params: 0, macs: 0 };
    case "flatten":
      return { output: [product(input)], params: 0, macs: 0 };
  }
}
