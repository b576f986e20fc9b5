import { describe, expect, it } from "vitest";
import { AppError } from "../../errors.ts";
import { MODEL_FIXTURES } from "../fixtures.ts";
import { analyzeBuiltinModel, listModels } from "./index.ts";

const TORCHVISION = [
  "alexnet",
  ...[11, 13, 16, 19].flatMap((d) => [`vgg${d}`, `vgg${d}_bn`]),
  "googlenet",
  ...[18, 34, 50, 101, 152].map((d) => `resnet${d}`),
  ...[121, 161, 169, 201].map((d) => `densenet${d}`),
];

describe("built-in models against PyTorch", () => {
  it("covers every torchvision model and every built-in", () => {
    const names = new Set(MODEL_FIXTURES.map((m) => m.name));
    for (const n of TORCHVISION) expect(names.has(n), n).toBe(true);
    for (const m of listModels()) expect(names.has(m.name), m.name).toBe(true);
  });

  it.each(MODEL_FIXTURES.map((m) => [`${m.name} ${m.input.join("×")}`, m] as const))(
    "%s",
    (_label, fx) => {
      if (fx.error !== undefined) {
        let err: unknown;
        try {
          analyzeBuiltinModel(fx.name, fx.input);
        } catch (e) {
          err = e;
        }
        expect(err, `PyTorch: ${fx.error}`).toBeInstanceOf(AppError);
        const message = (err as AppError).message;
        // The error names the layer PyTorch failed in (or, for a skip connection, the fusion).
        if (fx.error_layer) expect(message).toContain(fx.error_layer);
        else expect(message).toMatch(/residual|concat/);
        return;
      }
      const a = analyzeBuiltinModel(fx.name, fx.input);
      expect(a.output).toEqual(fx.output);
      expect(a.params).toBe(fx.params);
      expect(a.macs).toBe(fx.macs);
      const modules = a.layers
        .filter((l) => !l.functional)
        .map((l) => [l.name, l.type, l.output, l.params, l.macs]);
      expect(modules).toEqual(fx.layers);
    },
  );

  it("reports the anchor count of the RPN head", () => {
    const fx = MODEL_FIXTURES.find((m) => m.name === "rpn-head")!;
    const a = analyzeBuiltinModel("rpn-head", fx.input);
    // The head's objectness output has one channel per anchor at each position.
    const perPosition = a.layers.find((l) => l.name === "cls_logits")!.output[0]!;
    expect(a.anchors).toBe(perPosition * fx.input[1]! * fx.input[2]!);
  });
});
