/**
 * Every generated answer, over thousands of seeds, against the calculator (via the JSON layer spec,
 * itself checked against PyTorch), the PyTorch model fixtures, or an independent brute force.
 */
import { describe, expect, it } from "vitest";
import { MODEL_FIXTURES } from "../../cnn/fixtures.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { parseLayerSpec } from "../../cnn/layer-spec.ts";
import { analyzeBuiltinModel } from "../../cnn/models/index.ts";
import type { ExerciseVariant, ExpectedAnswer } from "../contract.ts";
import { generateExercise } from "../registry.ts";

const SEEDS = 1500;

// biome-ignore lint/suspicious/noExplicitAny: drawn parameters are heterogeneous; each test reads its own
type Params = Record<string, any>;

function each(name: string, check: (p: Params, e: ExpectedAnswer, v: ExerciseVariant) => void) {
  for (let seed = 0; seed < SEEDS; seed++) {
    const v = generateExercise(name, { seed: seed * 7919 + 13, lang: "en" });
    try {
      check(v.params as Params, v.expected, v);
    } catch (e) {
      throw new Error(
        `${name} seed ${v.seed} ${JSON.stringify(v.params)}: ${(e as Error).message}`,
      );
    }
  }
}

const layer = (spec: object, input: number[]) => applyLayer(parseLayerSpec(spec), input);
const value = (e: ExpectedAnswer) => (e.kind === "integer" ? e.value : Number.NaN);
const values = (e: ExpectedAnswer) => (e.kind === "integers" ? e.values : []);
const dims = (e: ExpectedAnswer) => (e.kind === "shape" ? e.dims : []);

describe("generated answers against the calculator", () => {
  it("conv-output-shape", () =>
    each("conv-output-shape", (p, e) => {
      const r = layer(
        {
          type: "conv2d",
          in_channels: p.in_channels,
          out_channels: p.out_channels,
          kernel_size: p.kernel,
          stride: p.stride,
          padding: p.padding,
          dilation: p.dilation,
        },
        [p.in_channels, p.height, p.width],
      );
      const [c, h, w] = r.output as [number, number, number];
      expect(dims(e)).toEqual(p.layout === "C×H×W" ? [c, h, w] : [h, w, c]);
      expect(Math.min(h, w)).toBeGreaterThanOrEqual(1);
    }));

  it("conv-params", () =>
    each("conv-params", (p, e) => {
      const r = layer(
        {
          type: "conv2d",
          in_channels: p.in_channels,
          out_channels: p.out_channels,
          kernel_size: p.kernel,
          groups: p.groups,
          bias: p.bias === "true",
        },
        [p.in_channels, p.kernel, p.kernel],
      );
      expect(value(e)).toBe(r.params);
    }));

  it("pool-output-shape", () =>
    each("pool-output-shape", (p, e) => {
      const r = layer(
        {
          type: `${p.pool}pool2d`,
          kernel_size: p.kernel,
          stride: p.stride,
          padding: p.padding,
          ceil_mode: p.ceil_mode === "true",
        },
        [p.channels, p.size, p.size],
      );
      expect(dims(e)).toEqual(r.output);
    }));

  it("conv-macs", () =>
    each("conv-macs", (p, e) => {
      const r = layer(
        {
          type: "conv2d",
          in_channels: p.in_channels,
          out_channels: p.out_channels,
          kernel_size: p.kernel,
          stride: p.stride,
          padding: p.padding,
          groups: p.groups,
        },
        [p.in_channels, p.size, p.size],
      );
      expect(value(e)).toBe(r.macs);
    }));

  it("convtranspose-output-size", () =>
    each("convtranspose-output-size", (p, e) => {
      const r = layer(
        {
          type: "convtranspose2d",
          in_channels: p.classes,
          out_channels: p.classes,
          kernel_size: p.kernel,
          stride: p.stride,
          padding: p.padding,
          output_padding: p.output_padding,
        },
        [p.classes, p.size, p.size],
      );
      expect(value(e)).toBe(r.output[1]);
    }));

  it("receptive-field (brute force: input span of one output pixel)", () =>
    each("receptive-field", (p, e) => {
      const flat = p.layers as number[];
      // Walk back from output pixel 0: a window [lo, hi] maps to [lo*s, hi*s + d(k-1)].
      let lo = 0;
      let hi = 0;
      for (let i = flat.length / 3 - 1; i >= 0; i--) {
        const [k, s, d] = flat.slice(3 * i, 3 * i + 3) as [number, number, number];
        lo *= s;
        hi = hi * s + d * (k - 1);
      }
      expect(value(e)).toBe(hi - lo + 1);
    }));

  it("vgg-stack-vs-7x7", () =>
    each("vgg-stack-vs-7x7", (p, e) => {
      const c = p.channels;
      const conv = (k: number) =>
        layer(
          {
            type: "conv2d",
            in_channels: c,
            out_channels: c,
            kernel_size: k,
            padding: (k - 1) / 2,
            bias: false,
          },
          [c, 14, 14],
        ).params;
      expect(values(e)).toEqual([p.depth * conv(3), conv(2 * p.depth + 1), 2 * p.depth + 1]);
    }));

  it("inception-bottleneck-savings", () =>
    each("inception-bottleneck-savings", (p, e) => {
      const key = p.measure as "macs" | "params";
      const x = [p.in_channels, p.size, p.size];
      const conv = (cin: number, cout: number, k: number) =>
        layer(
          {
            type: "conv2d",
            in_channels: cin,
            out_channels: cout,
            kernel_size: k,
            padding: (k - 1) / 2,
            bias: false,
          },
          [cin, ...x.slice(1)],
        )[key];
      expect(value(e)).toBe(
        conv(p.in_channels, p.out_channels, p.kernel) -
          conv(p.in_channels, p.reduce, 1) -
          conv(p.reduce, p.out_channels, p.kernel),
      );
      expect(value(e)).toBeGreaterThan(0);
    }));

  it("inception-output-channels (and GoogLeNet's modules against PyTorch)", () => {
    const fx = MODEL_FIXTURES.find((m) => m.name === "googlenet" && m.input[1] === 224)!;
    each("inception-output-channels", (p, e, v) => {
      const [c1, , c3, , c5, pp] = p.channels as number[];
      expect(value(e)).toBe(c1! + c3! + c5! + pp!);
      if (!v.question.includes("GoogLeNet")) return;
      // Unmodified modules: the branch outputs PyTorch recorded add up to the answer.
      const last = ["branch1.bn", "branch2.1.bn", "branch3.1.bn", "branch4.1.bn"].map(
        (b) => fx.layers!.find(([n]) => n === `${p.module}.${b}`)![2][0]!,
      );
      expect(value(e)).toBe(last.reduce((a, b) => a + b, 0));
    });
  });

  it("resnet-block-params (and torchvision's blocks against PyTorch)", () => {
    each("resnet-block-params", (p, e) => {
      const { width: w, stride: s, in_channels: i } = p;
      const q = w / 4;
      const proj = s === 2 ? i * w + 2 * w : 0;
      expect(values(e)).toEqual([
        9 * i * w + 9 * w * w + 4 * w + proj,
        i * q + 9 * q * q + q * w + 2 * (2 * q + w) + proj,
      ]);
    });
    // ResNet-50 layer2.0 is a width-512 bottleneck with stride 2 from 256 channels.
    const fx = MODEL_FIXTURES.find((m) => m.name === "resnet50" && m.input[1] === 224)!;
    const fromTorch = fx
      .layers!.filter(([n]) => n.startsWith("layer2.0."))
      .reduce((a, l) => a + l[3], 0);
    const v = generateExercise("resnet-block-params", {
      seed: 1,
      lang: "en",
      ranges: { width: 512, stride: 2 },
    });
    expect(values(v.expected)[1]).toBe(fromTorch);
  });

  it("densenet-channels (and DenseNet-121's first block against PyTorch)", () => {
    each("densenet-channels", (p, e) => {
      const block = p.in_channels + p.layers * p.growth_rate;
      expect(values(e)).toEqual([block, Math.floor((block * p.compression) / 100)]);
    });
    const fx = MODEL_FIXTURES.find((m) => m.name === "densenet121" && m.input[1] === 224)!;
    const v = generateExercise("densenet-channels", {
      seed: 1,
      lang: "en",
      ranges: { in_channels: 64, growth_rate: 32, layers: 6, compression: 50 },
    });
    const norm = fx.layers!.find(([n]) => n === "features.transition1.norm")!;
    const conv = fx.layers!.find(([n]) => n === "features.transition1.conv")!;
    expect(values(v.expected)).toEqual([norm[2][0], conv[2][0]]);
  });

  it("fc-vs-conv", () =>
    each("fc-vs-conv", (p, e) => {
      const fc = layer(
        {
          type: "linear",
          in_features: p.channels * p.kernel * p.kernel,
          out_features: p.out_features,
        },
        [p.channels * p.kernel * p.kernel],
      );
      const conv = layer(
        {
          type: "conv2d",
          in_channels: p.channels,
          out_channels: p.out_features,
          kernel_size: p.kernel,
        },
        [p.channels, p.height, p.width],
      );
      expect(values(e)).toEqual([fc.params, conv.output[1], conv.output[2]]);
      expect(conv.params).toBe(fc.params);
    }));

  it("conv1d-value (brute force: polynomial product coefficient)", () =>
    each("conv1d-value", (p, e) => {
      const f = p.f as number[];
      const g = p.g as number[];
      const prod = new Array(f.length + g.length - 1).fill(0);
      for (const [i, a] of f.entries()) {
        for (const [j, b] of g.entries()) prod[i + j] += a * b;
      }
      expect(value(e)).toBe(prod[p.t]);
    }));

  it("conv-vs-correlation (brute force: flipped kernel)", () =>
    each("conv-vs-correlation", (p, e) => {
      const n = Math.sqrt((p.image as number[]).length);
      const I = (r: number, c: number) => (p.image as number[])[r * n + c]!;
      const K = (r: number, c: number) => (p.kernel as number[])[r * 3 + c]!;
      let corr = 0;
      let conv = 0;
      for (let r = 0; r < 3; r++) {
        for (let c = 0; c < 3; c++) {
          corr += I(p.row - 1 + r, p.col - 1 + c) * K(r, c);
          conv += I(p.row - 1 + r, p.col - 1 + c) * K(2 - r, 2 - c);
        }
      }
      expect(values(e)).toEqual([conv, corr]);
    }));

  it("iou (brute force: unit cells)", () =>
    each("iou", (p, e) => {
      const [a, b] = [p.a, p.b] as [number[], number[]];
      let inter = 0;
      let union = 0;
      for (let x = 0; x < 1000; x++) {
        if (x >= Math.max(a[2]!, b[2]!)) break;
        for (let y = 0; y < Math.max(a[3]!, b[3]!); y++) {
          const inA = x >= a[0]! && x < a[2]! && y >= a[1]! && y < a[3]!;
          const inB = x >= b[0]! && x < b[2]! && y >= b[1]! && y < b[3]!;
          if (inA && inB) inter++;
          if (inA || inB) union++;
        }
      }
      expect(e.kind === "float" && Math.abs(e.value - inter / union)).toBeLessThan(1e-12);
    }));

  it("rpn-anchor-count (feature map from VGG-16, anchors from the RPN head)", () =>
    each("rpn-anchor-count", (p, e) => {
      const a = analyzeBuiltinModel("rpn-head", [512, p.feature_height, p.feature_width]);
      expect(p.feature_height).toBe(Math.floor(p.height / 16));
      expect(p.feature_width).toBe(Math.floor(p.width / 16));
      expect(value(e)).toBe((a.anchors! / 9) * p.scales * p.ratios);
    }));

  it("spp-output-length", () =>
    each("spp-output-length", (p, e) => {
      let total = 0;
      for (const n of p.levels as number[]) {
        const pooled = layer({ type: "adaptiveavgpool2d", output_size: n }, [
          p.channels,
          p.height,
          p.width,
        ]);
        total += layer({ type: "flatten" }, pooled.output).output[0]!;
      }
      expect(value(e)).toBe(total);
    }));

  it("roi-pool-output-shape", () =>
    each("roi-pool-output-shape", (p, e) => {
      const [x1, y1, x2, y2] = p.roi as number[];
      const r = layer({ type: "adaptiveavgpool2d", output_size: p.pooled }, [
        p.channels,
        y2! - y1!,
        x2! - x1!,
      ]);
      expect(dims(e)).toEqual([p.rois, ...r.output]);
    }));

  it("rnn-params (and the worked solution adds up to the answer)", () =>
    each("rnn-params", (p, e, v) => {
      const r = layer(
        {
          type: p.cell,
          input_size: p.input_size,
          hidden_size: p.hidden_size,
          num_layers: p.num_layers,
          bias: p.bias === "true",
          bidirectional: p.bidirectional === "true",
        },
        [5, p.input_size],
      );
      expect(value(e)).toBe(r.params);
      expect(v.solution.trimEnd()).toMatch(
        new RegExp(`= ${v.answer.replace(/,/g, "\\{,\\}")}\\$\\$$`),
      );
    }));

  it("multihead-attention (head_dim by brute force: equal slices of embed_dim)", () =>
    each("multihead-attention", (p, e) => {
      if (p.ask === "head_dim") {
        const slices = Array.from({ length: p.num_heads }, () => value(e));
        expect(slices.reduce((a, b) => a + b, 0)).toBe(p.embed_dim);
        return;
      }
      const r = layer(
        {
          type: "multiheadattention",
          embed_dim: p.embed_dim,
          num_heads: p.num_heads,
          bias: p.bias === "true",
        },
        [5, p.embed_dim],
      );
      expect(value(e)).toBe(r.params);
    }));

  it("adam-bias-correction (closed form: m_t = (1 − β1) Σ β1^(t−i) g_i)", () =>
    each("adam-bias-correction", (p, e) => {
      const b = Number(p.beta1);
      const g = p.g as number[];
      const t = g.length;
      const m = (1 - b) * g.reduce((sum, gi, i) => sum + b ** (t - 1 - i) * gi, 0);
      expect(t).toBe(p.step);
      expect(e.kind === "float" ? e.value : Number.NaN).toBeCloseTo(m / (1 - b ** t), 9);
    }));

  it("precision-recall (in counts: F1 = 2TP / (2TP + FP + FN))", () =>
    each("precision-recall", (p, e) => {
      const { tp, fp, fn, tn } = p as { tp: number; fp: number; fn: number; tn?: number };
      const want: Record<string, number> = {
        precision: tp / (tp + fp),
        recall: tp / (tp + fn),
        f1: (2 * tp) / (2 * tp + fp + fn),
        accuracy: tn === undefined ? Number.NaN : (tp + tn) / (tp + tn + fp + fn),
      };
      expect(e.kind === "float" ? e.value : Number.NaN).toBeCloseTo(want[p.metric]!, 12);
    }));

  it("model-params against the PyTorch fixtures", () =>
    each("model-params", (p, e) => {
      const fx = MODEL_FIXTURES.find((m) => m.name === p.model && m.layers !== undefined)!;
      expect(value(e)).toBe(fx.params);
    }));
});
