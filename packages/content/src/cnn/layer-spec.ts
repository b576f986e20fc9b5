/**
 * The JSON layer spec: torch.nn constructor names and keywords, strict keys, PyTorch's defaults for
 * anything omitted. `parseLayerSpec` turns untrusted JSON into a typed `Layer` or throws an
 * `AppError("BAD_INPUT")` naming the field.
 */
import { z } from "zod";
import { AppError } from "../errors.ts";
import { LAYER_TYPES, type Layer, type LayerType, type Pair, pair } from "./layer.ts";
import { moreLayerFromSpec } from "./layer-from-spec-more.ts";
import {
  MORE_SCHEMAS,
  type TMoreLayerSpec,
  ZDivisorOverride,
  ZPaddingMode,
} from "./layer-spec-more.ts";

const posInt = z.int().min(1);
const nonNegInt = z.int().min(0);
const ZPositiveSize = z.union([posInt, z.tuple([posInt, posInt])], {
  error: "expected a positive integer or [h, w] of positive integers",
});
const ZNonNegativeSize = z.union([nonNegInt, z.tuple([nonNegInt, nonNegInt])], {
  error: "expected a non-negative integer or [h, w] of non-negative integers",
});
const ZPositiveInt = z.int({ error: "expected a positive integer" }).min(1, {
  error: "expected a positive integer",
});
const ZBool = z.boolean({ error: "expected true or false" });
const ZNumber = z.number({ error: "expected a number" });
const ZOutputSize = z.union([posInt, z.tuple([posInt.nullable(), posInt.nullable()])], {
  error: "expected a positive integer or [h, w] (null keeps that dimension)",
});

const convCommon = {
  in_channels: ZPositiveInt,
  out_channels: ZPositiveInt,
  kernel_size: ZPositiveSize,
  stride: ZPositiveSize.optional(),
  dilation: ZPositiveSize.optional(),
  groups: ZPositiveInt.optional(),
  bias: ZBool.optional(),
};

export const ZConv2dSpec = z.strictObject({
  type: z.literal("conv2d"),
  ...convCommon,
  padding_mode: ZPaddingMode.optional(),
  padding: z
    .union([nonNegInt, z.tuple([nonNegInt, nonNegInt]), z.enum(["same", "valid"])], {
      error: 'expected a non-negative integer, [h, w], "same" or "valid"',
    })
    .optional(),
});
export const ZConvTranspose2dSpec = z.strictObject({
  type: z.literal("convtranspose2d"),
  ...convCommon,
  padding_mode: z
    .literal("zeros", { error: 'only "zeros" is supported for ConvTranspose2d (as in PyTorch)' })
    .optional(),
  padding: ZNonNegativeSize.optional(),
  output_padding: ZNonNegativeSize.optional(),
});
export const ZMaxPool2dSpec = z.strictObject({
  type: z.literal("maxpool2d"),
  kernel_size: ZPositiveSize,
  stride: ZPositiveSize.nullable().optional(),
  padding: ZNonNegativeSize.optional(),
  dilation: ZPositiveSize.optional(),
  ceil_mode: ZBool.optional(),
  return_indices: ZBool.optional(),
});
export const ZAvgPool2dSpec = z.strictObject({
  type: z.literal("avgpool2d"),
  kernel_size: ZPositiveSize,
  stride: ZPositiveSize.nullable().optional(),
  padding: ZNonNegativeSize.optional(),
  ceil_mode: ZBool.optional(),
  count_include_pad: ZBool.optional(),
  divisor_override: ZDivisorOverride,
});
export const ZAdaptiveAvgPool2dSpec = z.strictObject({
  type: z.literal("adaptiveavgpool2d"),
  output_size: ZOutputSize,
});
export const ZLinearSpec = z.strictObject({
  type: z.literal("linear"),
  in_features: ZPositiveInt,
  out_features: ZPositiveInt,
  bias: ZBool.optional(),
});
export const ZBatchNorm2dSpec = z.strictObject({
  type: z.literal("batchnorm2d"),
  num_features: ZPositiveInt,
  eps: ZNumber.optional(),
  momentum: ZNumber.nullable().optional(),
  affine: ZBool.optional(),
  track_running_stats: ZBool.optional(),
});
export const ZLocalResponseNormSpec = z.strictObject({
  type: z.literal("localresponsenorm"),
  /** Required by torch.nn.LocalResponseNorm; it does not change the shape, so it defaults to 5 here. */
  size: ZPositiveInt.optional(),
  alpha: ZNumber.optional(),
  beta: ZNumber.optional(),
  k: ZNumber.optional(),
});
export const ZReluSpec = z.strictObject({ type: z.literal("relu"), inplace: ZBool.optional() });
export const ZDropoutSpec = z.strictObject({
  type: z.literal("dropout"),
  p: ZNumber.min(0, { error: "expected a probability in [0, 1]" })
    .max(1, { error: "expected a probability in [0, 1]" })
    .optional(),
  inplace: ZBool.optional(),
});
export const ZFlattenSpec = z.strictObject({
  type: z.literal("flatten"),
  /** Dimensions of the batched tensor (0 is the batch, which start_dim may not merge). */
  start_dim: z.int({ error: "expected an integer" }).optional(),
  end_dim: z.int({ error: "expected an integer" }).optional(),
});

const SCHEMAS = {
  conv2d: ZConv2dSpec,
  convtranspose2d: ZConvTranspose2dSpec,
  maxpool2d: ZMaxPool2dSpec,
  avgpool2d: ZAvgPool2dSpec,
  adaptiveavgpool2d: ZAdaptiveAvgPool2dSpec,
  linear: ZLinearSpec,
  batchnorm2d: ZBatchNorm2dSpec,
  localresponsenorm: ZLocalResponseNormSpec,
  relu: ZReluSpec,
  dropout: ZDropoutSpec,
  flatten: ZFlattenSpec,
  ...MORE_SCHEMAS,
} as const satisfies Record<LayerType, z.ZodType>;

export const ZLayerSpec = z.discriminatedUnion("type", [
  ZConv2dSpec,
  ZConvTranspose2dSpec,
  ZMaxPool2dSpec,
  ZAvgPool2dSpec,
  ZAdaptiveAvgPool2dSpec,
  ZLinearSpec,
  ZBatchNorm2dSpec,
  ZLocalResponseNormSpec,
  ZReluSpec,
  ZDropoutSpec,
  ZFlattenSpec,
  ...Object.values(MORE_SCHEMAS),
]);
export type TLayerSpec = z.infer<typeof ZLayerSpec> | TMoreLayerSpec;

function toPair(v: number | readonly number[]): Pair {
  return typeof v === "number" ? pair(v) : [v[0]!, v[1]!];
}

/** Turns a validated spec into the typed layer, applying PyTorch's defaults. */
export function layerFromSpec(spec: TLayerSpec): Layer {
  switch (spec.type) {
    case "conv2d": {
      const p = spec.padding ?? 0;
      return {
        type: "conv2d",
        inChannels: spec.in_channels,
        outChannels: spec.out_channels,
        kernel: toPair(spec.kernel_size),
        stride: toPair(spec.stride ?? 1),
        padding: p === "same" ? "same" : p === "valid" ? [0, 0] : toPair(p),
        dilation: toPair(spec.dilation ?? 1),
        groups: spec.groups ?? 1,
        bias: spec.bias ?? true,
        paddingMode: spec.padding_mode ?? "zeros",
      };
    }
    case "convtranspose2d":
      return {
        type: "convtranspose2d",
        inChannels: spec.in_channels,
        outChannels: spec.out_channels,
        kernel: toPair(spec.kernel_size),
        stride: toPair(spec.stride ?? 1),
        padding: toPair(spec.padding ?? 0),
        outputPadding: toPair(spec.output_padding ?? 0),
        dilation: toPair(spec.dilation ?? 1),
        groups: spec.groups ?? 1,
        bias: spec.bias ?? true,
      };
    case "maxpool2d":
      return {
        type: "maxpool2d",
        kernel: toPair(spec.kernel_size),
        stride: toPair(spec.stride ?? spec.kernel_size),
        padding: toPair(spec.padding ?? 0),
        dilation: toPair(spec.dilation ?? 1),
        ceilMode: spec.ceil_mode ?? false,
      };
    case "avgpool2d":
      return {
        type: "avgpool2d",
        kernel: toPair(spec.kernel_size),
        stride: toPair(spec.stride ?? spec.kernel_size),
        padding: toPair(spec.padding ?? 0),
        ceilMode: spec.ceil_mode ?? false,
      };
    case "adaptiveavgpool2d": {
      const o = spec.output_size;
      return {
        type: "adaptiveavgpool2d",
        outputSize: typeof o === "number" ? [o, o] : [o[0], o[1]],
      };
    }
    case "linear":
      return {
        type: "linear",
        inFeatures: spec.in_features,
        outFeatures: spec.out_features,
        bias: spec.bias ?? true,
      };
    case "batchnorm2d":
      return {
        type: "batchnorm2d",
        numFeatures: spec.num_features,
        affine: spec.affine ?? true,
        trackRunningStats: spec.track_running_stats ?? true,
      };
    case "localresponsenorm":
      return { type: "localresponsenorm", size: spec.size ?? 5 };
    case "relu":
    case "dropout":
      return { type: spec.type };
    case "flatten":
      return { type: spec.type, startDim: spec.start_dim ?? 1, endDim: spec.end_dim ?? -1 };
    default:
      return moreLayerFromSpec(spec);
  }
}

/** Validates untrusted JSON (already parsed) into a typed layer; errors name the field. */
export function parseLayerSpec(value: unknown): Layer {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("BAD_INPUT", "layer: expected a JSON object", { field: "layer" });
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string" || !(LAYER_TYPES as readonly string[]).includes(type)) {
    throw new AppError(
      "BAD_INPUT",
      `type: expected one of ${LAYER_TYPES.join(", ")}, got ${JSON.stringify(type ?? null)}`,
      { field: "type" },
    );
  }
  const result = SCHEMAS[type as LayerType].safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    if (issue.code === "unrecognized_keys") {
      const key = issue.keys[0] ?? "";
      throw new AppError("BAD_INPUT", `${key}: unknown key for ${type}`, {
        field: key,
        cause: result.error,
      });
    }
    const field = issue.path.length > 0 ? String(issue.path[0]) : "layer";
    const message =
      issue.code === "invalid_type" && issue.input === undefined ? "is required" : issue.message;
    throw new AppError("BAD_INPUT", `${field}: ${message} (${type})`, {
      field,
      cause: result.error,
    });
  }
  return layerFromSpec(result.data as TLayerSpec);
}

/** Parses "C,H,W", "C,L", "C,D,H,W" or "F" (or a JSON array) into a shape of positive integers. */
export function parseShape(value: unknown, field = "input"): number[] {
  const parts =
    typeof value === "string"
      ? value
          .replace(/^[[(]|[\])]$/g, "")
          .split(/[,x×]/)
          .map((s) => s.trim())
      : value;
  if (!Array.isArray(parts) || parts.length < 1 || parts.length > 4) {
    throw new AppError("BAD_INPUT", `${field}: expected 1 to 4 sizes (C,H,W, C,L, C,D,H,W or F)`, {
      field,
    });
  }
  return parts.map((p) => {
    const digits = (typeof p === "string" || typeof p === "bigint") && /^\d+$/.test(String(p));
    const n = typeof p === "number" ? p : digits ? Number(p) : Number.NaN;
    if (!Number.isSafeInteger(n) || n < 1) {
      throw new AppError(
        "BAD_INPUT",
        `${field}: sizes must be positive integers, got ${shownValue(p)}`,
        { field },
      );
    }
    return n;
  });
}

/** A value as an error message shows it; never throws (a bigint inside, no toString, a cycle). */
function shownValue(v: unknown): string {
  try {
    return JSON.stringify(v) ?? typeof v;
  } catch {
    return typeof v;
  }
}
