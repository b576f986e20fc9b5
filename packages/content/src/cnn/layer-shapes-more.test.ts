import { describe, expect, it } from "vitest";
import { disagreement } from "../../scripts/torch-oracle.ts";
import {
  EMPTY_INPUT_FIXTURES,
  LAYER_FIXTURES,
  MORE_EDGE_FIXTURES,
  MORE_LAYER_FIXTURES,
} from "./fixtures.ts";
import { LAYER_TYPES } from "./layer.ts";
import { isShapePreserving, MORE_LAYER_TYPES, SHAPE_PRESERVING_TYPES } from "./layer-more.ts";
import { applyLayer } from "./layer-shapes.ts";
import { parseLayerSpec } from "./layer-spec.ts";

describe("later layers and arguments against PyTorch", () => {
  it("covers every later layer type, each accepted and rejected where PyTorch can reject", () => {
    expect(MORE_LAYER_FIXTURES.length).toBeGreaterThanOrEqual(1500);
    const types = new Set(MORE_LAYER_FIXTURES.map((c) => c.layer.type as string));
    for (const t of MORE_LAYER_TYPES) expect(types, t).toContain(t);
    for (const c of LAYER_FIXTURES) types.add(c.layer.type as string);
    expect([...types].sort()).toEqual([...LAYER_TYPES].sort());
    for (const t of ["conv1d", "conv3d", "maxpool1d", "flatten", "layernorm", "softmax", "lstm"]) {
      expect(
        MORE_LAYER_FIXTURES.some((c) => c.layer.type === t && c.error !== undefined),
        t,
      ).toBe(true);
    }
  });

  it("matches every random configuration (shape, params, MACs, or rejection)", () => {
    const wrong = MORE_LAYER_FIXTURES.flatMap((c) => {
      const d = disagreement(c);
      return d === null ? [] : [`${JSON.stringify({ layer: c.layer, input: c.input })}: ${d}`];
    });
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it.each(MORE_EDGE_FIXTURES.map((c) => [c.note ?? "", c] as const))("edge case: %s", (_n, c) => {
    expect(disagreement(c)).toBeNull();
  });
});

describe("inputs with an empty dimension against PyTorch", () => {
  it.each(EMPTY_INPUT_FIXTURES.map((c) => [c.note ?? "", c] as const))("%s", (_n, c) => {
    expect(disagreement(c)).toBeNull();
  });

  it("names the input when it refuses one", () => {
    const c = EMPTY_INPUT_FIXTURES.find((f) => f.note === "lstm, empty sequence")!;
    expect(() => applyLayer(parseLayerSpec(c.layer), c.input)).toThrow(
      expect.objectContaining({ field: "input" }),
    );
  });
});

describe("the shape-preserving list", () => {
  it("holds only layer types whose every PyTorch case keeps the shape, without parameters", () => {
    for (const t of SHAPE_PRESERVING_TYPES) {
      expect(isShapePreserving(t)).toBe(true);
      const cases = MORE_LAYER_FIXTURES.filter((c) => c.layer.type === t && c.error === undefined);
      expect(cases.length, t).toBeGreaterThan(0);
      for (const c of cases) expect([c.output, c.params], t).toEqual([c.input, 0]);
    }
    for (const t of ["softmax", "softmax2d", "dropout1d", "prelu", "glu", "conv2d", "x"]) {
      expect(isShapePreserving(t), t).toBe(false);
    }
  });
});
