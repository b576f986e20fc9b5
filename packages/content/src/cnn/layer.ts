/**
 * The typed layer model: one normalized record per torch.nn layer, every option explicit
 * (PyTorch's defaults already applied). Built-in models construct these directly; JSON specs are
 * validated into them by `parseLayerSpec`.
 */
import { MORE_LAYER_TYPES, type MoreLayer, type PaddingMode } from "./layer-more.ts";

export type Pair = readonly [number, number];
/**
 * A per-sample tensor shape, without the batch dimension: [C, H, W], [C, L], [C, D, H, W] or [F]
 * (recurrent layers: [L, features]; embeddings: the shape of the index tensor).
 */
export type Shape = readonly number[];

export interface Conv2dLayer {
  type: "conv2d";
  inChannels: number;
  outChannels: number;
  kernel: Pair;
  stride: Pair;
  /** "same" keeps the spatial size (stride 1 only); "valid" is normalized to [0, 0]. */
  padding: Pair | "same";
  dilation: Pair;
  groups: number;
  bias: boolean;
  /** Absent means "zeros". */
  paddingMode?: PaddingMode;
}

export interface ConvTranspose2dLayer {
  type: "convtranspose2d";
  inChannels: number;
  outChannels: number;
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  outputPadding: Pair;
  dilation: Pair;
  groups: number;
  bias: boolean;
}

export interface MaxPool2dLayer {
  type: "maxpool2d";
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  dilation: Pair;
  ceilMode: boolean;
}

export interface AvgPool2dLayer {
  type: "avgpool2d";
  kernel: Pair;
  stride: Pair;
  padding: Pair;
  ceilMode: boolean;
}

export interface AdaptiveAvgPool2dLayer {
  type: "adaptiveavgpool2d";
  /** null keeps the input's size in that dimension (as PyTorch's None). */
  outputSize: readonly [number | null, number | null];
}

export interface LinearLayer {
  type: "linear";
  inFeatures: number;
  outFeatures: number;
  bias: boolean;
}

export interface BatchNorm2dLayer {
  type: "batchnorm2d";
  numFeatures: number;
  affine: boolean;
  /** Absent means true; without running statistics even eval mode normalizes with the batch's. */
  trackRunningStats?: boolean;
}

export interface LocalResponseNormLayer {
  type: "localresponsenorm";
  size: number;
}

export interface ReluLayer {
  type: "relu";
}
export interface DropoutLayer {
  type: "dropout";
}
export interface FlattenLayer {
  type: "flatten";
  /** Dimensions of the batched tensor, as torch.nn.Flatten's; absent means 1 and -1. */
  startDim?: number;
  endDim?: number;
}

export type Layer =
  | Conv2dLayer
  | ConvTranspose2dLayer
  | MaxPool2dLayer
  | AvgPool2dLayer
  | AdaptiveAvgPool2dLayer
  | LinearLayer
  | BatchNorm2dLayer
  | LocalResponseNormLayer
  | ReluLayer
  | DropoutLayer
  | FlattenLayer
  | MoreLayer;

export type LayerType = Layer["type"];

export const LAYER_TYPES: readonly LayerType[] = [
  "conv2d",
  "convtranspose2d",
  "maxpool2d",
  "avgpool2d",
  "adaptiveavgpool2d",
  "linear",
  "batchnorm2d",
  "localresponsenorm",
  "relu",
  "dropout",
  "flatten",
  ...MORE_LAYER_TYPES,
];

/** What one layer does to one input. */
export interface LayerResult {
  output: number[];
  params: number;
  macs: number;
}

export function pair(v: number | Pair): Pair {
  return typeof v === "number" ? [v, v] : v;
}

// Constructors with PyTorch's defaults, used by the built-in models (no validation: trusted input).

export interface Conv2dOptions {
  stride?: number | Pair;
  padding?: number | Pair | "same" | "valid";
  dilation?: number | Pair;
  groups?: number;
  bias?: boolean;
}

export function conv2d(
  inChannels: number,
  outChannels: number,
  kernel: number | Pair,
  o: Conv2dOptions = {},
): Conv2dLayer {
  const p = o.padding ?? 0;
  return {
    type: "conv2d",
    inChannels,
    outChannels,
    kernel: pair(kernel),
    stride: pair(o.stride ?? 1),
    padding: p === "same" ? "same" : p === "valid" ? [0, 0] : pair(p),
    dilation: pair(o.dilation ?? 1),
    groups: o.groups ?? 1,
    bias: o.bias ?? true,
  };
}

export interface ConvTranspose2dOptions {
  stride?: number | Pair;
  padding?: number | Pair;
  outputPadding?: number | Pair;
  dilation?: number | Pair;
  groups?: number;
  bias?: boolean;
}

export function convTranspose2d(
  inChannels: number,
  outChannels: number,
  kernel: number | Pair,
  o: ConvTranspose2dOptions = {},
): ConvTranspose2dLayer {
  return {
    type: "convtranspose2d",
    inChannels,
    outChannels,
    kernel: pair(kernel),
    stride: pair(o.stride ?? 1),
    padding: pair(o.padding ?? 0),
    outputPadding: pair(o.outputPadding ?? 0),
    dilation: pair(o.dilation ?? 1),
    groups: o.groups ?? 1,
    bias: o.bias ?? true,
  };
}

export interface PoolOptions {
  stride?: number | Pair;
  padding?: number | Pair;
  dilation?: number | Pair;
  ceilMode?: boolean;
}

export function maxPool2d(kernel: number | Pair, o: PoolOptions = {}): MaxPool2dLayer {
  return {
    type: "maxpool2d",
    kernel: pair(kernel),
    stride: pair(o.stride ?? kernel),
    padding: pair(o.padding ?? 0),
    dilation: pair(o.dilation ?? 1),
    ceilMode: o.ceilMode ?? false,
  };
}

export function avgPool2d(
  kernel: number | Pair,
  o: Omit<PoolOptions, "dilation"> = {},
): AvgPool2dLayer {
  return {
    type: "avgpool2d",
    kernel: pair(kernel),
    stride: pair(o.stride ?? kernel),
    padding: pair(o.padding ?? 0),
    ceilMode: o.ceilMode ?? false,
  };
}

export function adaptiveAvgPool2d(size: number | Pair): AdaptiveAvgPool2dLayer {
  return { type: "adaptiveavgpool2d", outputSize: pair(size) };
}

export function linear(inFeatures: number, outFeatures: number, bias = true): LinearLayer {
  return { type: "linear", inFeatures, outFeatures, bias };
}

export function batchNorm2d(numFeatures: number): BatchNorm2dLayer {
  return { type: "batchnorm2d", numFeatures, affine: true };
}

export function localResponseNorm(size: number): LocalResponseNormLayer {
  return { type: "localresponsenorm", size };
}

export const relu = (): ReluLayer => ({ type: "relu" });
export const dropout = (): DropoutLayer => ({ type: "dropout" });
export const flatten = (): FlattenLayer => ({ type: "flatten" });
