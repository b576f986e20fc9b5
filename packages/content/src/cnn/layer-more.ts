/**
 * The typed records of the layers added after the first eleven (see layer.ts): 1-D and 3-D
 * convolutions and pools, more normalizations, embeddings, shape-preserving activations and
 * recurrent layers. Sizes are per spatial dimension (length 1 for 1-D, 3 for 3-D); every option
 * explicit, PyTorch's defaults already applied.
 */

/** torch.nn.ConvNd's padding_mode: the same shapes and parameters, different checks on the input. */
export type PaddingMode = "zeros" | "reflect" | "replicate" | "circular";
export const PADDING_MODES: readonly PaddingMode[] = ["zeros", "reflect", "replicate", "circular"];

export interface ConvNdLayer {
  type: "conv1d" | "conv3d";
  inChannels: number;
  outChannels: number;
  kernel: readonly number[];
  stride: readonly number[];
  /** "same" keeps the spatial size (stride 1 only); "valid" is normalized to zeros. */
  padding: readonly number[] | "same";
  dilation: readonly number[];
  groups: number;
  bias: boolean;
  paddingMode: PaddingMode;
}

export interface ConvTransposeNdLayer {
  type: "convtranspose1d" | "convtranspose3d";
  inChannels: number;
  outChannels: number;
  kernel: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
  outputPadding: readonly number[];
  dilation: readonly number[];
  groups: number;
  bias: boolean;
}

export interface MaxPool1dLayer {
  type: "maxpool1d";
  kernel: number;
  stride: number;
  padding: number;
  dilation: number;
  ceilMode: boolean;
  /** Without indices PyTorch 1.13 takes a 1-D fast path that allows an empty output. */
  returnIndices: boolean;
}

export interface AvgPool1dLayer {
  type: "avgpool1d";
  kernel: number;
  stride: number;
  padding: number;
  ceilMode: boolean;
}

export interface Pool3dLayer {
  type: "maxpool3d" | "avgpool3d";
  kernel: readonly number[];
  stride: readonly number[];
  padding: readonly number[];
  /** All ones for avgpool3d. */
  dilation: readonly number[];
  ceilMode: boolean;
}

export interface AdaptivePool1dLayer {
  type: "adaptiveavgpool1d" | "adaptivemaxpool1d";
  outputSize: number;
}

export interface AdaptiveAvgPool3dLayer {
  type: "adaptiveavgpool3d";
  /** null keeps the input's size in that dimension (as PyTorch's None). */
  outputSize: readonly (number | null)[];
}

export interface AdaptiveMaxPool2dLayer {
  type: "adaptivemaxpool2d";
  /** null keeps the input's size in that dimension (as PyTorch's None). */
  outputSize: readonly [number | null, number | null];
}

export interface BatchNorm1dLayer {
  /**
   * batchnorm1d: [C] or [C, L]; batchnorm3d: [C, D, H, W]; instancenormNd: [C, …n sizes] (its
   * defaults differ: no affine, no running statistics).
   */
  type: "batchnorm1d" | "batchnorm3d" | "instancenorm1d" | "instancenorm2d" | "instancenorm3d";
  numFeatures: number;
  affine: boolean;
  trackRunningStats: boolean;
}

export interface GroupNormLayer {
  type: "groupnorm";
  numGroups: number;
  numChannels: number;
  affine: boolean;
}

export interface LayerNormLayer {
  type: "layernorm";
  normalizedShape: readonly number[];
  affine: boolean;
}

export interface EmbeddingLayer {
  type: "embedding";
  numEmbeddings: number;
  embeddingDim: number;
}

export interface SoftmaxLayer {
  type: "softmax" | "logsoftmax" | "softmin";
  /** A dimension of the batched tensor (0 is the batch); null is PyTorch's implicit choice. */
  dim: number | null;
}

/**
 * Layers that return their input's shape, accept any rank and have no parameters: activations
 * and dropouts whose options matter neither to shapes nor to parameters. The one list both the
 * spec reader (layer-from-spec-more.ts) and the shape rules (layer-shapes-more.ts) dispatch on.
 */
export const SHAPE_PRESERVING_TYPES = [
  "identity",
  "sigmoid",
  "tanh",
  "gelu",
  "leakyrelu",
  "silu",
  "dropout2d",
  "relu6",
  "elu",
  "hardswish",
  "mish",
  "softplus",
  "selu",
  "celu",
  "hardsigmoid",
  "logsigmoid",
  "softsign",
  "tanhshrink",
  "threshold",
  "hardtanh",
  "dropout3d",
  "alphadropout",
  "featurealphadropout",
] as const;

export type ShapePreservingType = (typeof SHAPE_PRESERVING_TYPES)[number];

const SHAPE_PRESERVING: ReadonlySet<string> = new Set(SHAPE_PRESERVING_TYPES);

export function isShapePreserving(type: string): type is ShapePreservingType {
  return SHAPE_PRESERVING.has(type);
}

export interface ElementwiseLayer {
  type: ShapePreservingType;
}

/** The same test on a typed layer, so that the other layer types are narrowed out. */
export function isElementwiseLayer(l: MoreLayer): l is ElementwiseLayer {
  return isShapePreserving(l.type);
}

/** Channel-wise dropout on [C] or [C, L] only. */
export interface Dropout1dLayer {
  type: "dropout1d";
}

/** Gated linear unit: halves dimension `dim` of the batched tensor (which must be even). */
export interface GluLayer {
  type: "glu";
  dim: number;
}

/** Softmax over the channels at every position: a [C, H, W] or [C, L] input only. */
export interface Softmax2dLayer {
  type: "softmax2d";
}

/** One learnable slope, or one per channel (the input's first dimension). */
export interface PReluLayer {
  type: "prelu";
  numParameters: number;
}

export const UPSAMPLE_MODES = [
  "nearest",
  "linear",
  "bilinear",
  "bicubic",
  "trilinear",
  "area",
  "nearest-exact",
] as const;
export type UpsampleMode = (typeof UPSAMPLE_MODES)[number];

/** torch.nn.Upsample (and UpsamplingNearest2d/UpsamplingBilinear2d): exactly one of size and scale. */
export interface UpsampleLayer {
  type: "upsample" | "upsamplingnearest2d" | "upsamplingbilinear2d";
  size: number | readonly number[] | null;
  scaleFactor: number | readonly number[] | null;
  mode: UpsampleMode;
}

export type PadType =
  | "zeropad2d"
  | "constantpad1d"
  | "constantpad2d"
  | "constantpad3d"
  | "reflectionpad1d"
  | "reflectionpad2d"
  | "reflectionpad3d"
  | "replicationpad1d"
  | "replicationpad2d"
  | "replicationpad3d";

/** Explicit padding layers; negative amounts crop. */
export interface PadLayer {
  type: PadType;
  /** PyTorch's order: (left, right) of the last dimension, then (top, bottom), then (front, back). */
  pads: readonly number[];
}

/** torch.nn.PixelShuffle (C·r², H, W → C, H·r, W·r) and PixelUnshuffle (the inverse). */
export interface PixelShuffleLayer {
  type: "pixelshuffle" | "pixelunshuffle";
  factor: number;
}

export interface UnflattenLayer {
  type: "unflatten";
  /** A dimension of the batched tensor (0, the batch, is refused). */
  dim: number;
  /** One entry may be -1 (inferred). */
  sizes: readonly number[];
}

/** Self-attention (query = key = value = the input, [L, embed_dim]); kdim/vdim must then be embed_dim. */
export interface MultiheadAttentionLayer {
  type: "multiheadattention";
  embedDim: number;
  numHeads: number;
  bias: boolean;
  addBiasKv: boolean;
  kdim: number;
  vdim: number;
  /** Accepted; they change neither the shapes nor the parameters. */
  addZeroAttn: boolean;
  dropout: number;
  batchFirst: boolean;
}

/** torch.nn.TransformerEncoderLayer on [L, d_model]: self-attention, two linears, two layer norms. */
export interface TransformerEncoderLayerLayer {
  type: "transformerencoderlayer";
  dModel: number;
  nhead: number;
  dimFeedforward: number;
}

export interface RecurrentLayer {
  type: "rnn" | "lstm" | "gru";
  inputSize: number;
  hiddenSize: number;
  numLayers: number;
  bias: boolean;
  /** Only where the batch sits in PyTorch's tensors; the per-sample shape is [L, features] either way. */
  batchFirst: boolean;
  bidirectional: boolean;
  /** LSTM only: the hidden state is projected to this size (0: no projection). */
  projSize: number;
}

export type MoreLayer =
  | ConvNdLayer
  | ConvTransposeNdLayer
  | MaxPool1dLayer
  | AvgPool1dLayer
  | Pool3dLayer
  | AdaptivePool1dLayer
  | AdaptiveAvgPool3dLayer
  | AdaptiveMaxPool2dLayer
  | BatchNorm1dLayer
  | GroupNormLayer
  | LayerNormLayer
  | EmbeddingLayer
  | SoftmaxLayer
  | ElementwiseLayer
  | Softmax2dLayer
  | Dropout1dLayer
  | GluLayer
  | PReluLayer
  | UpsampleLayer
  | PadLayer
  | PixelShuffleLayer
  | UnflattenLayer
  | MultiheadAttentionLayer
  | TransformerEncoderLayerLayer
  | RecurrentLayer;

export const MORE_LAYER_TYPES: readonly MoreLayer["type"][] = [
  "conv1d",
  "conv3d",
  "convtranspose1d",
  "convtranspose3d",
  "maxpool1d",
  "avgpool1d",
  "adaptiveavgpool1d",
  "adaptivemaxpool2d",
  "batchnorm1d",
  "maxpool3d",
  "avgpool3d",
  "adaptivemaxpool1d",
  "adaptiveavgpool3d",
  "batchnorm3d",
  "groupnorm",
  "layernorm",
  "embedding",
  ...SHAPE_PRESERVING_TYPES,
  "softmax",
  "prelu",
  "logsoftmax",
  "softmax2d",
  "instancenorm1d",
  "instancenorm2d",
  "instancenorm3d",
  "softmin",
  "glu",
  "dropout1d",
  "upsample",
  "upsamplingnearest2d",
  "upsamplingbilinear2d",
  "zeropad2d",
  "constantpad1d",
  "constantpad2d",
  "constantpad3d",
  "reflectionpad1d",
  "reflectionpad2d",
  "reflectionpad3d",
  "replicationpad1d",
  "replicationpad2d",
  "replicationpad3d",
  "pixelshuffle",
  "pixelunshuffle",
  "unflatten",
  "multiheadattention",
  "transformerencoderlayer",
  "rnn",
  "lstm",
  "gru",
];

/** Gate blocks per recurrent cell: the weight matrices are gates × hidden rows. */
export const RECURRENT_GATES = { rnn: 1, lstm: 4, gru: 3 } as const;
