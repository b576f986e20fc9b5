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
    });
    expect(parseLayerSpec({ type: "maxpool2d", kernel_size: [3, 2] })).toMatchObject({
      stride: [3, 2],
      ceilMode: false,
    });
  });

  it.each([
    [{ type: "conv3d" }, "type"],
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

  it("parses shapes in several notations", () => {
    expect(parseShape("3,224,224")).toEqual([3, 224, 224]);
    expect(parseShape("9216")).toEqual([9216]);
    expect(parseShape([3, 32, 32])).toEqual([3, 32, 32]);
    expect(fieldOf(() => parseShape("3,0,2"))).toBe("input");
    expect(fieldOf(() => parseShape("3,a"))).toBe("input");
  });
});
