/**
 * Output shape, parameter count and MACs of one layer, with PyTorch's exact arithmetic and its
 * rejections. Pure and allocation-light: built-in models call `applyLayer` for every layer.
 *
 * MACs count the multiply-accumulates of weight products only: conv (any dimension) = output
 * elements × in/groups × kernel volume; transposed conv = input elements × out/groups × kernel
 * area; linear = input elements × out_features; recurrent = time steps × Σ over layers and
 * directions of gates × hidden × (layer input + hidden). Biases, pooling, normalization,
 * activations and embedding look-ups count 0.
 */
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
import { applyMoreLayer, batchNormOutputShape, flattenOutputShape } from "./layer-shapes-more.ts";
import { convNdOutputShape, poolNdOutputShape } from "./layer-shapes-nd.ts";
import { bad, expectChannels, expectRank, fmt, product, tooSmall } from "./shape-util.ts";

export { convOutputSize, poolOutputSize } from "./layer-shapes-nd.ts";

const DIMS = ["height", "width"] as const;

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

export function conv2dOutputShape(l: Conv2dLayer, input: Shape): number[] {
  return convNdOutputShape(l, input);
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
  return poolNdOutputShape({ ...l, dilation }, input);
}

export function adaptiveAvgPool2dOutputShape(l: AdaptiveAvgPool2dLayer, input: Shape): number[] {
  expectRank(l.type, input, 3);
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
  return batchNormOutputShape({ trackRunningStats: true, ...l }, input);
}

/** Output shape, trainable parameters and MACs (conventions above). */
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
      return { output: flattenOutputShape(l, input), params: 0, macs: 0 };
    default:
      return applyMoreLayer(l, input);
  }
}
