/** Typed layers from validated specs of the later layers (schemas in layer-spec-more.ts). */
import { AppError } from "../errors.ts";
import { isShapePreserving, type MoreLayer } from "./layer-more.ts";
import type { TMoreLayerSpec } from "./layer-spec-more.ts";

function toN(v: number | readonly number[], n: number): number[] {
  return typeof v === "number" ? Array.from({ length: n }, () => v) : [...v];
}

function checkHardtanhRange(lo: number, hi: number): void {
  if (!(hi > lo)) {
    throw new AppError("BAD_INPUT", `max_val: must be greater than min_val (${lo}) (hardtanh)`, {
      field: "max_val",
    });
  }
}

/** Turns a validated spec into the typed layer, applying PyTorch's defaults. */
export function moreLayerFromSpec(spec: TMoreLayerSpec): MoreLayer {
  if (spec.type === "hardtanh") checkHardtanhRange(spec.min_val ?? -1, spec.max_val ?? 1);
  if (isShapePreserving(spec.type)) return { type: spec.type };
  switch (spec.type) {
    case "conv1d":
    case "conv3d": {
      const n = spec.type === "conv1d" ? 1 : 3;
      const p = spec.padding ?? 0;
      return {
        type: spec.type,
        inChannels: spec.in_channels,
        outChannels: spec.out_channels,
        kernel: toN(spec.kernel_size, n),
        stride: toN(spec.stride ?? 1, n),
        padding: p === "same" ? "same" : toN(p === "valid" ? 0 : p, n),
        dilation: toN(spec.dilation ?? 1, n),
        groups: spec.groups ?? 1,
        bias: spec.bias ?? true,
        paddingMode: spec.padding_mode ?? "zeros",
      };
    }
    case "convtranspose1d":
    case "convtranspose3d": {
      const n = spec.type === "convtranspose1d" ? 1 : 3;
      return {
        type: spec.type,
        inChannels: spec.in_channels,
        outChannels: spec.out_channels,
        kernel: toN(spec.kernel_size, n),
        stride: toN(spec.stride ?? 1, n),
        padding: toN(spec.padding ?? 0, n),
        outputPadding: toN(spec.output_padding ?? 0, n),
        dilation: toN(spec.dilation ?? 1, n),
        groups: spec.groups ?? 1,
        bias: spec.bias ?? true,
      };
    }
    case "maxpool1d":
    case "avgpool1d": {
      const one = (v: number | readonly number[]) => toN(v, 1)[0]!;
      const common = {
        kernel: one(spec.kernel_size),
        stride: one(spec.stride ?? spec.kernel_size),
        padding: one(spec.padding ?? 0),
        ceilMode: spec.ceil_mode ?? false,
      };
      return spec.type === "maxpool1d"
        ? {
            type: spec.type,
            ...common,
            dilation: one(spec.dilation ?? 1),
            returnIndices: spec.return_indices ?? false,
          }
        : { type: spec.type, ...common };
    }
    case "maxpool3d":
    case "avgpool3d":
      return {
        type: spec.type,
        kernel: toN(spec.kernel_size, 3),
        stride: toN(spec.stride ?? spec.kernel_size, 3),
        padding: toN(spec.padding ?? 0, 3),
        dilation: toN(spec.type === "maxpool3d" ? (spec.dilation ?? 1) : 1, 3),
        ceilMode: spec.ceil_mode ?? false,
      };
    case "adaptiveavgpool1d":
    case "adaptivemaxpool1d":
      return { type: spec.type, outputSize: toN(spec.output_size, 1)[0]! };
    case "adaptiveavgpool3d": {
      const o = spec.output_size;
      return { type: spec.type, outputSize: typeof o === "number" ? [o, o, o] : [...o] };
    }
    case "adaptivemaxpool2d": {
      const o = spec.output_size;
      return { type: spec.type, outputSize: typeof o === "number" ? [o, o] : [o[0], o[1]] };
    }
    case "batchnorm1d":
    case "batchnorm3d":
    case "instancenorm1d":
    case "instancenorm2d":
    case "instancenorm3d": {
      const batch = spec.type.startsWith("batch");
      return {
        type: spec.type,
        numFeatures: spec.num_features,
        affine: spec.affine ?? batch,
        trackRunningStats: spec.track_running_stats ?? batch,
      };
    }
    case "glu":
      return { type: spec.type, dim: spec.dim ?? -1 };
    case "dropout1d":
    case "softmax2d":
      return { type: spec.type };
    case "groupnorm":
      return {
        type: spec.type,
        numGroups: spec.num_groups,
        numChannels: spec.num_channels,
        affine: spec.affine ?? true,
      };
    case "layernorm":
      return {
        type: spec.type,
        normalizedShape: toN(spec.normalized_shape, 1),
        affine: spec.elementwise_affine ?? true,
      };
    case "embedding": {
      const idx = spec.padding_idx ?? null;
      if (idx !== null && (idx < -spec.num_embeddings || idx >= spec.num_embeddings)) {
        throw new AppError(
          "BAD_INPUT",
          `padding_idx: must be within num_embeddings (${-spec.num_embeddings} to ${spec.num_embeddings - 1}), got ${idx} (embedding)`,
          { field: "padding_idx" },
        );
      }
      return {
        type: spec.type,
        numEmbeddings: spec.num_embeddings,
        embeddingDim: spec.embedding_dim,
      };
    }
    case "softmax":
    case "logsoftmax":
    case "softmin":
      return { type: spec.type, dim: spec.dim ?? null };
    case "prelu":
      return { type: spec.type, numParameters: spec.num_parameters ?? 1 };
    case "upsample":
    case "upsamplingnearest2d":
    case "upsamplingbilinear2d": {
      const size = spec.size ?? null;
      const scaleFactor = spec.scale_factor ?? null;
      if ((size === null) === (scaleFactor === null)) {
        throw new AppError(
          "BAD_INPUT",
          `size: give exactly one of size and scale_factor (${spec.type})`,
          { field: size === null ? "size" : "scale_factor" },
        );
      }
      const mode =
        spec.type === "upsample"
          ? (spec.mode ?? "nearest")
          : spec.type === "upsamplingnearest2d"
            ? "nearest"
            : "bilinear";
      if (size !== null && spec.type === "upsample" && spec.recompute_scale_factor === true) {
        throw new AppError(
          "BAD_INPUT",
          "recompute_scale_factor: not meaningful with an explicit size (upsample)",
          { field: "recompute_scale_factor" },
        );
      }
      const corners = spec.type === "upsample" ? (spec.align_corners ?? null) : null;
      if (corners !== null && (mode === "nearest" || mode === "area" || mode === "nearest-exact")) {
        throw new AppError(
          "BAD_INPUT",
          `align_corners: only with the interpolating modes linear, bilinear, bicubic, trilinear (${spec.type})`,
          { field: "align_corners" },
        );
      }
      return { type: spec.type, size, scaleFactor, mode };
    }
    case "zeropad2d":
    case "constantpad1d":
    case "constantpad2d":
    case "constantpad3d":
    case "reflectionpad1d":
    case "reflectionpad2d":
    case "reflectionpad3d":
    case "replicationpad1d":
    case "replicationpad2d":
    case "replicationpad3d": {
      const n = spec.type === "zeropad2d" ? 2 : Number(spec.type.at(-2));
      return { type: spec.type, pads: toN(spec.padding, 2 * n) };
    }
    case "pixelshuffle":
      return { type: spec.type, factor: spec.upscale_factor };
    case "pixelunshuffle":
      return { type: spec.type, factor: spec.downscale_factor };
    case "unflatten":
      if (spec.unflattened_size.filter((v) => v === -1).length > 1) {
        throw new AppError("BAD_INPUT", "unflattened_size: only one size may be -1 (unflatten)", {
          field: "unflattened_size",
        });
      }
      return { type: spec.type, dim: spec.dim, sizes: spec.unflattened_size };
    case "multiheadattention":
      return {
        type: spec.type,
        embedDim: spec.embed_dim,
        numHeads: spec.num_heads,
        bias: spec.bias ?? true,
        addBiasKv: spec.add_bias_kv ?? false,
        kdim: spec.kdim ?? spec.embed_dim,
        vdim: spec.vdim ?? spec.embed_dim,
        addZeroAttn: spec.add_zero_attn ?? false,
        dropout: spec.dropout ?? 0,
        batchFirst: spec.batch_first ?? false,
      };
    case "transformerencoderlayer":
      return {
        type: spec.type,
        dModel: spec.d_model,
        nhead: spec.nhead,
        dimFeedforward: spec.dim_feedforward ?? 2048,
      };
    case "rnn":
    case "lstm":
    case "gru": {
      const projSize = spec.type === "lstm" ? (spec.proj_size ?? 0) : 0;
      if (projSize >= spec.hidden_size) {
        throw new AppError(
          "BAD_INPUT",
          `proj_size: must be smaller than hidden_size (${spec.hidden_size}), got ${projSize} (lstm)`,
          { field: "proj_size" },
        );
      }
      return {
        type: spec.type,
        inputSize: spec.input_size,
        hiddenSize: spec.hidden_size,
        numLayers: spec.num_layers ?? 1,
        bias: spec.bias ?? true,
        batchFirst: spec.batch_first ?? false,
        bidirectional: spec.bidirectional ?? false,
        projSize,
      };
    }
  }
}
