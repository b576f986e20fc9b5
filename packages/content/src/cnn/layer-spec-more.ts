/**
 * JSON specs of the layers of layer-more.ts: torch.nn keywords, strict keys (except Identity, which
 * ignores whatever it is given, as torch.nn.Identity does), PyTorch's defaults for anything omitted.
 */
import { z } from "zod";
import { type MoreLayer, PADDING_MODES, type PadType, UPSAMPLE_MODES } from "./layer-more.ts";

const posInt = z.int().min(1);
const nonNegInt = z.int().min(0);
const ZPositiveInt = z.int({ error: "expected a positive integer" }).min(1, {
  error: "expected a positive integer",
});
const ZBool = z.boolean({ error: "expected true or false" });
const ZNumber = z.number({ error: "expected a number" });
const ZProbability = ZNumber.min(0, { error: "expected a probability in [0, 1]" }).max(1, {
  error: "expected a probability in [0, 1]",
});

const DIM_NAMES = { 1: "[l]", 2: "[h, w]", 3: "[d, h, w]" } as const;

/** An integer or a list of n integers, all ≥ min. */
function sizeN(n: 1 | 2 | 3, min: 0 | 1) {
  const item = min === 1 ? posInt : nonNegInt;
  const what = min === 1 ? "positive" : "non-negative";
  return z.union([item, z.array(item).length(n)], {
    error: `expected a ${what} integer or ${DIM_NAMES[n]} of ${what} integers`,
  });
}

export const ZPaddingMode = z.enum(PADDING_MODES, {
  error: `expected one of ${PADDING_MODES.join(", ")}`,
});

function convSpec<T extends "conv1d" | "conv3d">(type: T, n: 1 | 3) {
  return z.strictObject({
    type: z.literal(type),
    in_channels: ZPositiveInt,
    out_channels: ZPositiveInt,
    kernel_size: sizeN(n, 1),
    stride: sizeN(n, 1).optional(),
    padding: z
      .union([sizeN(n, 0), z.enum(["same", "valid"])], {
        error: `expected a non-negative integer, ${DIM_NAMES[n]}, "same" or "valid"`,
      })
      .optional(),
    dilation: sizeN(n, 1).optional(),
    groups: ZPositiveInt.optional(),
    bias: ZBool.optional(),
    padding_mode: ZPaddingMode.optional(),
  });
}

function batchNormSpec<
  T extends "batchnorm1d" | "batchnorm3d" | "instancenorm1d" | "instancenorm2d" | "instancenorm3d",
>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    num_features: ZPositiveInt,
    eps: ZNumber.optional(),
    momentum: ZNumber.nullable().optional(),
    affine: ZBool.optional(),
    track_running_stats: ZBool.optional(),
  });
}

const ZUpsampleCommon = {
  size: z
    .union([posInt, z.array(posInt).min(1).max(3)], {
      error: "expected a positive integer or a list of 1 to 3 positive integers",
    })
    .nullable()
    .optional(),
  scale_factor: z
    .union([z.number().positive(), z.array(z.number().positive()).min(1).max(3)], {
      error: "expected a positive number or a list of 1 to 3 positive numbers",
    })
    .nullable()
    .optional(),
};

function convTransposeSpec<T extends "convtranspose1d" | "convtranspose3d">(type: T, n: 1 | 3) {
  return z.strictObject({
    type: z.literal(type),
    in_channels: ZPositiveInt,
    out_channels: ZPositiveInt,
    kernel_size: sizeN(n, 1),
    stride: sizeN(n, 1).optional(),
    padding: sizeN(n, 0).optional(),
    output_padding: sizeN(n, 0).optional(),
    dilation: sizeN(n, 1).optional(),
    groups: ZPositiveInt.optional(),
    bias: ZBool.optional(),
    padding_mode: z
      .literal("zeros", {
        error: `only "zeros" is supported for transposed convolutions (as in PyTorch)`,
      })
      .optional(),
  });
}

/** An integer (every side) or 2n integers in PyTorch's order; negative amounts crop. */
function padSpec<T extends PadType>(type: T, n: 1 | 2 | 3, value: boolean) {
  const ZPad = z.union([z.int(), z.array(z.int()).length(2 * n)], {
    error: `expected an integer or a list of ${2 * n} integers`,
  });
  return value
    ? z.strictObject({ type: z.literal(type), padding: ZPad, value: ZNumber })
    : z.strictObject({ type: z.literal(type), padding: ZPad });
}

function dropoutSpec<T extends string>(type: T) {
  return z.strictObject({
    type: z.literal(type),
    p: ZProbability.optional(),
    inplace: ZBool.optional(),
  });
}

/** A pool's kernel_size, stride (default: the kernel) and padding over n dimensions. */
function poolWindow(n: 1 | 3) {
  return {
    kernel_size: sizeN(n, 1),
    stride: sizeN(n, 1).nullable().optional(),
    padding: sizeN(n, 0).optional(),
  };
}

function maxPoolSpec<T extends "maxpool1d" | "maxpool3d">(type: T, n: 1 | 3) {
  return z.strictObject({
    type: z.literal(type),
    ...poolWindow(n),
    dilation: sizeN(n, 1).optional(),
    ceil_mode: ZBool.optional(),
    return_indices: ZBool.optional(),
  });
}

/** AvgPool's divisor_override: any non-zero integer, as PyTorch (it scales values, not shapes). */
export const ZDivisorOverride = z
  .int({ error: "expected a non-zero integer" })
  .refine((d) => d !== 0, { error: "must not be zero (PyTorch: divisor must be not zero)" })
  .nullable()
  .optional();

const ZRecurrentCommon = {
  input_size: ZPositiveInt,
  hidden_size: ZPositiveInt,
  num_layers: ZPositiveInt.optional(),
  bias: ZBool.optional(),
  batch_first: ZBool.optional(),
  dropout: ZProbability.optional(),
  bidirectional: ZBool.optional(),
};

export const MORE_SCHEMAS = {
  conv1d: convSpec("conv1d", 1),
  conv3d: convSpec("conv3d", 3),
  convtranspose1d: convTransposeSpec("convtranspose1d", 1),
  convtranspose3d: convTransposeSpec("convtranspose3d", 3),
  maxpool1d: maxPoolSpec("maxpool1d", 1),
  avgpool1d: z.strictObject({
    type: z.literal("avgpool1d"),
    ...poolWindow(1),
    ceil_mode: ZBool.optional(),
    count_include_pad: ZBool.optional(),
  }),
  adaptiveavgpool1d: z.strictObject({
    type: z.literal("adaptiveavgpool1d"),
    output_size: sizeN(1, 1),
  }),
  adaptivemaxpool1d: z.strictObject({
    type: z.literal("adaptivemaxpool1d"),
    output_size: sizeN(1, 1),
    return_indices: ZBool.optional(),
  }),
  adaptiveavgpool3d: z.strictObject({
    type: z.literal("adaptiveavgpool3d"),
    output_size: z.union([posInt, z.array(posInt.nullable()).length(3)], {
      error: "expected a positive integer or [d, h, w] (null keeps that dimension)",
    }),
  }),
  maxpool3d: maxPoolSpec("maxpool3d", 3),
  avgpool3d: z.strictObject({
    type: z.literal("avgpool3d"),
    ...poolWindow(3),
    ceil_mode: ZBool.optional(),
    count_include_pad: ZBool.optional(),
    divisor_override: ZDivisorOverride,
  }),
  adaptivemaxpool2d: z.strictObject({
    type: z.literal("adaptivemaxpool2d"),
    output_size: z.union([posInt, z.tuple([posInt.nullable(), posInt.nullable()])], {
      error: "expected a positive integer or [h, w] (null keeps that dimension)",
    }),
    return_indices: ZBool.optional(),
  }),
  batchnorm1d: batchNormSpec("batchnorm1d"),
  batchnorm3d: batchNormSpec("batchnorm3d"),
  instancenorm1d: batchNormSpec("instancenorm1d"),
  instancenorm2d: batchNormSpec("instancenorm2d"),
  instancenorm3d: batchNormSpec("instancenorm3d"),
  selu: z.strictObject({ type: z.literal("selu"), inplace: ZBool.optional() }),
  celu: z.strictObject({
    type: z.literal("celu"),
    alpha: ZNumber.optional(),
    inplace: ZBool.optional(),
  }),
  hardsigmoid: z.strictObject({ type: z.literal("hardsigmoid"), inplace: ZBool.optional() }),
  logsigmoid: z.strictObject({ type: z.literal("logsigmoid") }),
  softsign: z.strictObject({ type: z.literal("softsign") }),
  tanhshrink: z.strictObject({ type: z.literal("tanhshrink") }),
  threshold: z.strictObject({
    type: z.literal("threshold"),
    threshold: ZNumber,
    value: ZNumber,
    inplace: ZBool.optional(),
  }),
  hardtanh: z.strictObject({
    type: z.literal("hardtanh"),
    min_val: ZNumber.optional(),
    max_val: ZNumber.optional(),
    inplace: ZBool.optional(),
  }),
  softmin: z.strictObject({
    type: z.literal("softmin"),
    dim: z.int({ error: "expected an integer or null" }).nullable().optional(),
  }),
  glu: z.strictObject({
    type: z.literal("glu"),
    dim: z.int({ error: "expected an integer" }).optional(),
  }),
  dropout1d: dropoutSpec("dropout1d"),
  dropout3d: dropoutSpec("dropout3d"),
  alphadropout: dropoutSpec("alphadropout"),
  featurealphadropout: dropoutSpec("featurealphadropout"),
  groupnorm: z.strictObject({
    type: z.literal("groupnorm"),
    num_groups: ZPositiveInt,
    num_channels: ZPositiveInt,
    eps: ZNumber.optional(),
    affine: ZBool.optional(),
  }),
  layernorm: z.strictObject({
    type: z.literal("layernorm"),
    normalized_shape: z.union([posInt, z.array(posInt).min(1)], {
      error: "expected a positive integer or a non-empty list of positive integers",
    }),
    eps: ZNumber.optional(),
    elementwise_affine: ZBool.optional(),
  }),
  embedding: z.strictObject({
    type: z.literal("embedding"),
    num_embeddings: ZPositiveInt,
    embedding_dim: ZPositiveInt,
    padding_idx: z.int({ error: "expected an integer" }).nullable().optional(),
    max_norm: ZNumber.nullable().optional(),
    norm_type: ZNumber.optional(),
    scale_grad_by_freq: ZBool.optional(),
    sparse: ZBool.optional(),
  }),
  identity: z.looseObject({ type: z.literal("identity") }),
  sigmoid: z.strictObject({ type: z.literal("sigmoid") }),
  tanh: z.strictObject({ type: z.literal("tanh") }),
  gelu: z.strictObject({
    type: z.literal("gelu"),
    approximate: z.enum(["none", "tanh"], { error: 'expected "none" or "tanh"' }).optional(),
  }),
  leakyrelu: z.strictObject({
    type: z.literal("leakyrelu"),
    negative_slope: ZNumber.optional(),
    inplace: ZBool.optional(),
  }),
  silu: z.strictObject({ type: z.literal("silu"), inplace: ZBool.optional() }),
  softmax: z.strictObject({
    type: z.literal("softmax"),
    dim: z.int({ error: "expected an integer or null" }).nullable().optional(),
  }),
  logsoftmax: z.strictObject({
    type: z.literal("logsoftmax"),
    dim: z.int({ error: "expected an integer or null" }).nullable().optional(),
  }),
  softmax2d: z.strictObject({ type: z.literal("softmax2d") }),
  relu6: z.strictObject({ type: z.literal("relu6"), inplace: ZBool.optional() }),
  elu: z.strictObject({
    type: z.literal("elu"),
    alpha: ZNumber.optional(),
    inplace: ZBool.optional(),
  }),
  hardswish: z.strictObject({ type: z.literal("hardswish"), inplace: ZBool.optional() }),
  mish: z.strictObject({ type: z.literal("mish"), inplace: ZBool.optional() }),
  softplus: z.strictObject({
    type: z.literal("softplus"),
    beta: ZNumber.optional(),
    threshold: ZNumber.optional(),
  }),
  prelu: z.strictObject({
    type: z.literal("prelu"),
    num_parameters: ZPositiveInt.optional(),
    init: ZNumber.optional(),
  }),
  dropout2d: z.strictObject({
    type: z.literal("dropout2d"),
    p: ZProbability.optional(),
    inplace: ZBool.optional(),
  }),
  upsample: z.strictObject({
    type: z.literal("upsample"),
    ...ZUpsampleCommon,
    mode: z
      .enum(UPSAMPLE_MODES, { error: `expected one of ${UPSAMPLE_MODES.join(", ")}` })
      .optional(),
    align_corners: ZBool.nullable().optional(),
    recompute_scale_factor: ZBool.nullable().optional(),
  }),
  upsamplingnearest2d: z.strictObject({
    type: z.literal("upsamplingnearest2d"),
    ...ZUpsampleCommon,
  }),
  upsamplingbilinear2d: z.strictObject({
    type: z.literal("upsamplingbilinear2d"),
    ...ZUpsampleCommon,
  }),
  zeropad2d: padSpec("zeropad2d", 2, false),
  constantpad1d: padSpec("constantpad1d", 1, true),
  constantpad2d: padSpec("constantpad2d", 2, true),
  constantpad3d: padSpec("constantpad3d", 3, true),
  reflectionpad1d: padSpec("reflectionpad1d", 1, false),
  reflectionpad2d: padSpec("reflectionpad2d", 2, false),
  reflectionpad3d: padSpec("reflectionpad3d", 3, false),
  replicationpad1d: padSpec("replicationpad1d", 1, false),
  replicationpad2d: padSpec("replicationpad2d", 2, false),
  replicationpad3d: padSpec("replicationpad3d", 3, false),
  pixelshuffle: z.strictObject({ type: z.literal("pixelshuffle"), upscale_factor: ZPositiveInt }),
  pixelunshuffle: z.strictObject({
    type: z.literal("pixelunshuffle"),
    downscale_factor: ZPositiveInt,
  }),
  unflatten: z.strictObject({
    type: z.literal("unflatten"),
    dim: z.int({ error: "expected an integer" }),
    unflattened_size: z
      .array(
        z.int().refine((v) => v >= 1 || v === -1),
        {
          error: "expected a list of positive integers (one may be -1)",
        },
      )
      .min(1, { error: "expected a non-empty list" }),
  }),
  multiheadattention: z.strictObject({
    type: z.literal("multiheadattention"),
    embed_dim: ZPositiveInt,
    num_heads: ZPositiveInt,
    dropout: ZProbability.optional(),
    bias: ZBool.optional(),
    add_bias_kv: ZBool.optional(),
    add_zero_attn: ZBool.optional(),
    kdim: ZPositiveInt.nullable().optional(),
    vdim: ZPositiveInt.nullable().optional(),
    batch_first: ZBool.optional(),
  }),
  transformerencoderlayer: z.strictObject({
    type: z.literal("transformerencoderlayer"),
    d_model: ZPositiveInt,
    nhead: ZPositiveInt,
    dim_feedforward: ZPositiveInt.optional(),
    dropout: ZProbability.optional(),
    activation: z.enum(["relu", "gelu"], { error: 'expected "relu" or "gelu"' }).optional(),
    layer_norm_eps: ZNumber.optional(),
    batch_first: ZBool.optional(),
    norm_first: ZBool.optional(),
  }),
  rnn: z.strictObject({
    type: z.literal("rnn"),
    ...ZRecurrentCommon,
    nonlinearity: z.enum(["tanh", "relu"], { error: 'expected "tanh" or "relu"' }).optional(),
  }),
  lstm: z.strictObject({
    type: z.literal("lstm"),
    ...ZRecurrentCommon,
    proj_size: z
      .int({ error: "expected a non-negative integer" })
      .min(0, {
        error: "expected a non-negative integer",
      })
      .optional(),
  }),
  gru: z.strictObject({ type: z.literal("gru"), ...ZRecurrentCommon }),
} as const satisfies Record<MoreLayer["type"], z.ZodType>;

export type TMoreLayerSpec = z.infer<(typeof MORE_SCHEMAS)[keyof typeof MORE_SCHEMAS]>;
