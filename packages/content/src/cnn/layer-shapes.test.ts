import { describe, expect, it } from "vitest";
import { isAppError } from "../errors.ts";
import { EDGE_FIXTURES, LAYER_FIXTURES, type LayerFixture } from "./fixtures.ts";
import { applyLayer, poolOutputSize } from "./layer-shapes.ts";
import { parseLayerSpec } from "./layer-spec.ts";

function run(c: LayerFixture) {
  return applyLayer(parseLayerSpec(c.layer), c.input);
}

function check(c: LayerFixture) {
  if (c.error !== undefined) {
    let err: unknown;
    try {
      run(c);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err), `PyTorch rejects: ${c.error}`).toBe(true);
    return;
  }
  expect(run(c)).toEqual({ output: c.output, params: c.params, macs: c.macs });
}

describe("single layers against PyTorch", () => {
  it(`has at least 1,000 random configurations (got ${LAYER_FIXTURES.length})`, () => {
    expect(LAYER_FIXTURES.length).toBeGreaterThanOrEqual(1000);
    const types = new Set(LAYER_FIXTURES.map((c) => c.layer.type));
    expect(types.size).toBe(11);
  });

  it("matches every random configuration (shape, params, MACs, or rejection)", () => {
    for (const c of LAYER_FIXTURES) {
      const label = JSON.stringify({ layer: c.layer, input: c.input });
      try {
        check(c);
      } catch (e) {
        throw new Error(`${label}: ${(e as Error).message}`);
      }
    }
  });

  it.each(EDGE_FIXTURES.map((c) => [c.note ?? "", c] as const))("edge case: %s", (_note, c) => {
    check(c);
  });
});

describe("poolOutputSize", () => {
  it("drops a ceil-mode window that would start in the right padding", () => {
    const c = EDGE_FIXTURES.find((e) => e.note?.startsWith("maxpool ceil_mode: last window"))!;
    expect(poolOutputSize(5, 2, 2, 1, 1, true)).toBe(c.output![1]);
    expect(poolOutputSize(5, 2, 2, 1, 1, false)).toBe(3);
  });
});
