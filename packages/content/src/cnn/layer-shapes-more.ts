/**
 * Shapes, parameters and MACs of the layers of layer-more.ts (conventions in layer-shapes.ts), and
 * the batch-norm and flatten rules shared with the first eleven layers. The input is one sample;
 * PyTorch sees it with a batch of 1 in front, so dimension arguments (softmax, flatten) count the
 * batch as dimension 0 and checks that depend on the batch size are made for a batch of 1.
 */
import type { FlattenLayer, LayerResult, Shape } from "./layer.ts";
import {
  isElementwiseLayer,
  type MoreLayer,
  RECURRENT_GATES,
  type RecurrentLayer,
  type UpsampleLayer,
} from "./layer-more.ts";
import { applyAttentionLayer } from "./layer-shapes-attention.ts";
import {
  convNdOutputShape,
  convTransposeNdOutputShape,
  poolNdOutputShape,
} from "./layer-shapes-nd.ts";
import { applyReshapeLayer } from "./layer-shapes-reshape.ts";
import { bad, batchedDim, expectChannels, expectRank, fmt, product } from "./shape-util.ts";

interface BatchNormLike {
  type: string;
  numFeatures: number;
  affine: boolean;
  trackRunningStats: boolean;
}

/**
 * BatchNorm1d ([C] or [C, L]) and BatchNorm2d ([C, H, W]). The channel count is only checked
 * against the weight or running statistics, so without both PyTorch accepts any; without running
 * statistics it normalizes with the batch's, which needs more than one value per channel.
 */
export function batchNormOutputShape(l: BatchNormLike, input: Shape): number[] {
  const ranks: Record<string, number[]> = {
    batchnorm1d: [1, 2],
    batchnorm3d: [4],
    instancenorm1d: [2],
    instancenorm2d: [3],
    instancenorm3d: [4],
  };
  expectRank(l.type, input, ...(ranks[l.type] ?? [3]));
  if (!l.trackRunningStats && product(input.slice(1)) === 1) {
    throw bad(
      `${l.type}: without running statistics it normalizes with the input's own statistics, and ${fmt(input)} in a batch of 1 has one value per channel`,
      "track_running_stats",
    );
  }
  if (l.affine || l.trackRunningStats) expectChannels(l.type, input, l.numFeatures, "num_features");
  return input.slice();
}

export function flattenOutputShape(l: FlattenLayer, input: Shape): number[] {
  const start = batchedDim("flatten", "start_dim", l.startDim ?? 1, input);
  const end = batchedDim("flatten", "end_dim", l.endDim ?? -1, input);
  if (start > end) {
    throw bad(`flatten: start_dim (${start}) cannot come after end_dim (${end})`, "start_dim");
  }
  if (start === 0) {
    throw bad(
      "flatten: start_dim 0 merges the batch into the features (not modelled)",
      "start_dim",
    );
  }
  return [...input.slice(0, start - 1), product(input.slice(start - 1, end)), ...input.slice(end)];
}

function groupNormOutputShape(
  l: Extract<MoreLayer, { type: "groupnorm" }>,
  input: Shape,
): number[] {
  if (l.numChannels % l.numGroups !== 0) {
    throw bad(
      `groupnorm: num_channels (${l.numChannels}) must be divisible by num_groups (${l.numGroups})`,
      "num_channels",
    );
  }
  const c = input[0]!;
  if (Math.floor(c / l.numGroups) * product(input.slice(1)) === 1) {
    throw bad(`groupnorm: each group of the input ${fmt(input)} has a single value`, "num_groups");
  }
  if (c % l.numGroups !== 0) {
    throw bad(
      `groupnorm: the input's ${c} channels are not divisible by num_groups (${l.numGroups})`,
      "num_groups",
    );
  }
  if (l.affine) expectChannels("groupnorm", input, l.numChannels, "num_channels");
  return input.slice();
}

function layerNormOutputShape(
  l: Extract<MoreLayer, { type: "layernorm" }>,
  input: Shape,
): number[] {
  const k = l.normalizedShape.length;
  const tail = input.slice(input.length - k);
  if (k > input.length || tail.some((d, i) => d !== l.normalizedShape[i])) {
    throw bad(
      `layernorm: normalized_shape ${fmt(l.normalizedShape)} must be the last dimensions of the input ${fmt(input)}`,
      "normalized_shape",
    );
  }
  return input.slice();
}

/** The rank each interpolation mode needs (spatial dimensions); null: any of 1 to 3. */
const MODE_DIMS: Record<UpsampleLayer["mode"], number | null> = {
  nearest: null,
  area: null,
  "nearest-exact": null,
  linear: 1,
  bilinear: 2,
  bicubic: 2,
  trilinear: 3,
};

/** F.interpolate's output size: the given size, or ⌊n × scale⌋ in double precision; all ≥ 1. */
function upsampleOutputShape(l: UpsampleLayer, input: Shape): number[] {
  const dims = input.length - 1;
  // UpsamplingNearest2d, despite its name, takes any rank Upsample takes (only the mode is fixed).
  expectRank(l.type, input, 2, 3, 4);
  const want = MODE_DIMS[l.mode];
  if (want !== null && want !== dims) {
    throw bad(`${l.type}: mode ${l.mode} needs a ${want}-D input, got ${fmt(input)}`, "mode");
  }
  const given = l.size ?? l.scaleFactor!;
  const field = l.size === null ? "scale_factor" : "size";
  if (typeof given !== "number" && given.length !== dims) {
    throw bad(
      `${l.type}: ${field} ${fmt(given)} has ${given.length} dimensions but the input ${fmt(input)} has ${dims}`,
      field,
    );
  }
  const at = (i: number) => (typeof given === "number" ? given : given[i]!);
  const spatial = input.slice(1);
  const out = spatial.map((n, i) => (l.size === null ? Math.floor(n * at(i)) : at(i)));
  // "area" interpolates by adaptive average pooling, which accepts an empty size.
  if (out.some((o) => o < (l.mode === "area" ? 0 : 1))) {
    throw bad(
      `${l.type}: output ${out.join("×")} for input ${fmt(input)}: every size must be at least 1`,
      field,
    );
  }
  return [input[0]!, ...out];
}

function recurrent(l: RecurrentLayer, input: Shape): LayerResult {
  expectRank(l.type, input, 2);
  if (input[1] !== l.inputSize) {
    throw bad(
      `${l.type}: input_size is ${l.inputSize} but the input ${fmt(input)} has ${input[1]} features`,
      "input_size",
    );
  }
  const dirs = l.bidirectional ? 2 : 1;
  const rows = RECURRENT_GATES[l.type] * l.hiddenSize;
  // With a projection (LSTM proj_size) the hidden state fed back and passed on has proj_size.
  const state = l.projSize > 0 ? l.projSize : l.hiddenSize;
  const projection = l.projSize * l.hiddenSize;
  let params = 0;
  let macsPerStep = 0;
  for (let layer = 0; layer < l.numLayers; layer++) {
    const fin = layer === 0 ? l.inputSize : dirs * state;
    const weights = rows * (fin + state) + projection;
    params += dirs * (weights + (l.bias ? 2 * rows : 0));
    macsPerStep += dirs * weights;
  }
  return { output: [input[0]!, dirs * state], params, macs: input[0]! * macsPerStep };
}

export function applyMoreLayer(l: MoreLayer, input: Shape): LayerResult {
  const same = (params = 0): LayerResult => ({ output: input.slice(), params, macs: 0 });
  if (isElementwiseLayer(l)) return same();
  switch (l.type) {
    case "conv1d":
    case "conv3d": {
      const output = convNdOutputShape(l, input);
      const perOut = (l.inChannels / l.groups) * product(l.kernel);
      return {
        output,
        params: l.outChannels * perOut + (l.bias ? l.outChannels : 0),
        macs: product(output) * perOut,
      };
    }
    case "convtranspose1d":
    case "convtranspose3d": {
      const output = convTransposeNdOutputShape(l, input);
      const perIn = (l.outChannels / l.groups) * product(l.kernel);
      return {
        output,
        params: l.inChannels * perIn + (l.bias ? l.outChannels : 0),
        macs: product(input) * perIn,
      };
    }
    case "maxpool1d":
    case "avgpool1d": {
      const pool = {
        type: l.type,
        kernel: [l.kernel],
        stride: [l.stride],
        padding: [l.padding],
        dilation: [l.type === "maxpool1d" ? l.dilation : 1],
        ceilMode: l.ceilMode,
      };
      const minOutput = l.type === "maxpool1d" && !l.returnIndices ? 0 : 1;
      return { output: poolNdOutputShape(pool, input, minOutput), params: 0, macs: 0 };
    }
    case "maxpool3d":
    case "avgpool3d": {
      const output = poolNdOutputShape(l, input);
      // PyTorch 1.13's avg_pool3d also wants the unpadded input at least as large as the kernel.
      if (l.type === "avgpool3d" && l.kernel.some((k, i) => input[i + 1]! < k)) {
        throw bad(
          `avgpool3d: the input ${fmt(input)} is smaller than kernel_size ${fmt(l.kernel)} (padding not counted)`,
          "kernel_size",
        );
      }
      return { output, params: 0, macs: 0 };
    }
    case "adaptiveavgpool3d":
      expectRank(l.type, input, 4);
      return {
        output: [input[0]!, ...l.outputSize.map((o, i) => o ?? input[i + 1]!)],
        params: 0,
        macs: 0,
      };
    case "adaptiveavgpool1d":
    case "adaptivemaxpool1d":
      expectRank(l.type, input, 2);
      return { output: [input[0]!, l.outputSize], params: 0, macs: 0 };
    case "adaptivemaxpool2d":
      expectRank(l.type, input, 3);
      return {
        output: [input[0]!, l.outputSize[0] ?? input[1]!, l.outputSize[1] ?? input[2]!],
        params: 0,
        macs: 0,
      };
    case "batchnorm1d":
    case "batchnorm3d":
    case "instancenorm1d":
    case "instancenorm2d":
    case "instancenorm3d":
      batchNormOutputShape(l, input);
      return same(l.affine ? 2 * l.numFeatures : 0);
    case "groupnorm":
      groupNormOutputShape(l, input);
      return same(l.affine ? 2 * l.numChannels : 0);
    case "layernorm":
      layerNormOutputShape(l, input);
      return same(l.affine ? 2 * product(l.normalizedShape) : 0);
    case "embedding":
      return {
        output: [...input, l.embeddingDim],
        params: l.numEmbeddings * l.embeddingDim,
        macs: 0,
      };
    case "glu": {
      const dim = batchedDim("glu", "dim", l.dim, input);
      const size = dim === 0 ? 1 : input[dim - 1]!;
      if (size % 2 !== 0) {
        throw bad(`glu: dimension ${dim} (size ${size}) must be even to be halved`, "dim");
      }
      const output = input.slice();
      output[dim - 1] = size / 2;
      return { output, params: 0, macs: 0 };
    }
    case "dropout1d":
      expectRank(l.type, input, 1, 2);
      return same();
    case "softmax":
    case "logsoftmax":
    case "softmin":
      if (l.dim !== null) batchedDim(l.type, "dim", l.dim, input);
      return same();
    case "softmax2d":
      expectRank(l.type, input, 2, 3);
      return same();
    case "prelu":
      if (l.numParameters !== 1 && l.numParameters !== input[0]) {
        throw bad(
          `prelu: num_parameters (${l.numParameters}) must be 1 or the input's channels (${input[0]})`,
          "num_parameters",
        );
      }
      return same(l.numParameters);
    case "upsample":
    case "upsamplingnearest2d":
    case "upsamplingbilinear2d":
      return { output: upsampleOutputShape(l, input), params: 0, macs: 0 };
    case "rnn":
    case "lstm":
    case "gru":
      return recurrent(l, input);
    case "multiheadattention":
    case "transformerencoderlayer":
      return applyAttentionLayer(l, input);
    default:
      return applyReshapeLayer(l, input);
  }
}
