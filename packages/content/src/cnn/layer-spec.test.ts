import { describe, expect, it } from "vitest";
import { AppError } from "../errors.ts";
import { parseLayerSpec, parseShape } from "./layer-spec.ts";

function fieldOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e.field;
    throw e;
  }
  return undefined;
}

describe("parseLayerSpec", () => {
  it("applies PyTorch's defaults", () => {
    expect(
      parseLayerSpec({ type: "conv2d", in_channels: 3, out_channels: 8, kernel_size: 3 }),
    ).toEqual({
      type: "conv2d",
      inChannels: 3,
      outChannels: 8,
      kernel: [3, 3],
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      groups: 1,
      bias: true,
      paddingMode: "zeros",
    });
    expect(parseLayerSpec({ type: "maxpool2d", kernel_size: [3, 2] })).toMatchObject({
      stride: [3, 2],
      ceilMode: false,
    });
  });

  it.each([
    [{ type: "conv4d" }, "type"],
    [{ type: "conv3d", in_channels: 1, out_channels: 1, kernel_size: [3, 3] }, "kernel_size"],
    [
      { type: "conv1d", in_channels: 1, out_channels: 1, kernel_size: 3, padding_mode: "x" },
      "padding_mode",
    ],
    [
      {
        type: "convtranspose2d",
        in_channels: 1,
        out_channels: 1,
        kernel_size: 2,
        padding_mode: "reflect",
      },
      "padding_mode",
    ],
    [{ type: "embedding", num_embeddings: 10, embedding_dim: 3, padding_idx: -11 }, "padding_idx"],
    [{ type: "lstm", input_size: 10, hidden_size: 20, proj_size: 20 }, "proj_size"],
    [{ type: "gelu", approximate: "erf" }, "approximate"],
    [{ type: "sigmoid", inplace: true }, "inplace"],
    [{ type: "layernorm", normalized_shape: [] }, "normalized_shape"],
    [{ type: "dropout2d", p: 1.5 }, "p"],
    [{ type: "unflatten", dim: 1, unflattened_size: [-1, -1] }, "unflattened_size"],
    [{ type: "upsample", size: 8, scale_factor: 2 }, "scale_factor"],
    [{ type: "upsample" }, "size"],
    [{ type: "upsample", size: 8, recompute_scale_factor: true }, "recompute_scale_factor"],
    [{ type: "reflectionpad2d", padding: [1, 1, 1] }, "padding"],
    [{ type: "pixelshuffle", upscale_factor: 0 }, "upscale_factor"],
    [{ in_channels: 3 }, "type"],
    [{ type: "conv2d", in_channels: 3, out_channels: 8, kernel_size: 3, kernal: 1 }, "kernal"],
    [{ type: "conv2d", in_channels: 3, out_channels: 8, kernel_size: 2.5 }, "kernel_size"],
    [{ type: "conv2d", in_channels: 3, out_channels: 8, kernel_size: 3, padding: -1 }, "padding"],
    [{ type: "conv2d", in_channels: 3, out_channels: 8 }, "kernel_size"],
    [{ type: "conv2d", in_channels: 3, out_channels: 8, kernel_size: [3, 3, 3] }, "kernel_size"],
    [{ type: "linear", in_features: "9216", out_features: 10 }, "in_features"],
    [{ type: "maxpool2d", kernel_size: 0 }, "kernel_size"],
    [
      { type: "convtranspose2d", in_channels: 1, out_channels: 1, kernel_size: 2, padding: "same" },
      "padding",
    ],
  ])("rejects %j naming %s", (spec, field) => {
    expect(fieldOf(() => parseLayerSpec(spec))).toBe(field);
  });

  it("accepts any argument for identity, as torch.nn.Identity ignores them", () => {
    expect(parseLayerSpec({ type: "identity", whatever: [1, 2] })).toEqual({ type: "identity" });
  });

  it("parses shapes in several notations", () => {
    expect(parseShape("3,224,224")).toEqual([3, 224, 224]);
    expect(parseShape("9216")).toEqual([9216]);
    expect(parseShape("3,16,112,112")).toEqual([3, 16, 112, 112]);
    expect(fieldOf(() => parseShape("1,2,3,4,5"))).toBe("input");
    expect(parseShape([3, 32, 32])).toEqual([3, 32, 32]);
    expect(fieldOf(() => parseShape("3,0,2"))).toBe("input");
    expect(fieldOf(() => parseShape("3,a"))).toBe("input");
  });

  it("names the field for any value that is not a size, never a TypeError (fuzz counterexamples)", () => {
    expect(fieldOf(() => parseShape([{ toString: null }]))).toBe("input");
    expect(fieldOf(() => parseShape([{ size: 3n }]))).toBe("input");
    expect(fieldOf(() => parseShape([Symbol("x")]))).toBe("input");
    expect(parseShape(["3", 4])).toEqual([3, 4]);
  });
});
