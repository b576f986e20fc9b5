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
import {
  convNdOutputShape,
  convTransposeNdOutputShape,
  poolNdOutputShape,
} from "./layer-shapes-nd.ts";
import { bad, expectRank, fmt, product } from "./shape-util.ts";

export { convOutputSize, convTransposeOutputSize, poolOutputSize } from "./layer-shapes-nd.ts";

export function conv2dOutputShape(l: Conv2dLayer, input: Shape): number[] {
  return convNdOutputShape(l, input);
}

export function convTranspose2dOutputShape(l: ConvTranspose2dLayer, input: Shape): number[] {
  return convTransposeNdOutputShape(l, input);
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

/**
 * Layers whose PyTorch kernels refuse an empty (size-0) non-batch dimension ("Expected input to
 * have non-zero size for non-batch dimensions", "Expected sequence length to be larger than 0").
 * Elementwise layers, linear, flatten and the norms take empty tensors, so the rule is per type.
 */
const NEEDS_NONEMPTY_INPUT: ReadonlySet<string> = new Set([
  ...["conv1d", "conv2d", "conv3d", "convtranspose1d", "convtranspose2d", "convtranspose3d"],
  ...["maxpool1d", "maxpool2d", "maxpool3d", "avgpool1d", "avgpool2d", "avgpool3d"],
  ...["adaptiveavgpool1d", "adaptiveavgpool2d", "adaptiveavgpool3d"],
  ...["adaptivemaxpool1d", "adaptivemaxpool2d"],
  ...["reflectionpad1d", "reflectionpad2d", "reflectionpad3d"],
  ...["replicationpad1d", "replicationpad2d", "replicationpad3d"],
  ...["upsample", "upsamplingnearest2d", "upsamplingbilinear2d", "rnn", "lstm", "gru"],
]);

/**
 * Whether PyTorch refuses this input for being empty. Adaptive average pools are laxer: any empty
 * input passes when every output size is 1 (PyTorch 1.13 then takes a mean instead of running the
 * pooling kernel), and the 1-D/2-D ones also take an empty channel dimension.
 */
function emptyRefused(l: Layer, input: Shape): boolean {
  if (l.type === "adaptiveavgpool1d" || l.type === "adaptiveavgpool2d") {
    const size: number | readonly (number | null)[] = l.outputSize;
    const out = typeof size === "number" ? [size] : size;
    return !out.every((o) => o === 1) && input.slice(1).includes(0);
  }
  if (l.type === "adaptiveavgpool3d" && l.outputSize.every((o) => o === 1)) return false;
  // mode "area" is adaptive average pooling underneath: an empty channel dimension passes in 1-D/2-D
  if (l.type === "upsample" && l.mode === "area" && input.length <= 3) {
    return input.slice(1).includes(0);
  }
  return input.includes(0);
}

/** Output shape, trainable parameters and MACs (conventions above). */
export function applyLayer(l: Layer, input: Shape): LayerResult {
  if (NEEDS_NONEMPTY_INPUT.has(l.type) && emptyRefused(l, input)) {
    throw bad(
      `${l.type}: the input ${fmt(input)} has an empty dimension; PyTorch needs every non-batch dimension to be at least 1`,
      "input",
    );
  }
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
