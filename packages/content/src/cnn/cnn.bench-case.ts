/**
 * Bench rows for `npm run bench`: full ResNet-152 analysis (median ms; baseline: a plain loop over
 * the same number of layers doing only the shape arithmetic, measured in the same run), single-layer
 * calculations per second and exercise variants per second.
 */
import { generateExercise, listGenerators } from "../exercises/registry.ts";
import { conv2d } from "./layer.ts";
import { applyLayer, convOutputSize } from "./layer-shapes.ts";
import { analyzeBuiltinModel } from "./models/index.ts";

export interface CnnBenchRow {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: string;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function timeMs(fn: () => void, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function perSecond(fn: (i: number) => void, minMs = 300): number {
  let n = 0;
  const t0 = performance.now();
  let elapsed = 0;
  while (elapsed < minMs) {
    for (let i = 0; i < 200; i++) fn(n++);
    elapsed = performance.now() - t0;
  }
  return (n / elapsed) * 1000;
}

export async function benchCnn(): Promise<CnnBenchRow[]> {
  const layerCount = analyzeBuiltinModel("resnet152").layers.length;
  for (let i = 0; i < 50; i++) analyzeBuiltinModel("resnet152"); // warm-up (and the one-time build)
  const full = timeMs(() => analyzeBuiltinModel("resnet152"), 200);
  let sink = 0;
  const plain = timeMs(() => {
    let h = 224;
    for (let i = 0; i < layerCount; i++) {
      h = convOutputSize(h, 3, 1, 1, 1);
      sink += h;
    }
  }, 200);
  const layer = conv2d(64, 128, 3, { stride: 2, padding: 1 });
  const input = [64, 56, 56];
  const layersPerSec = perSecond(() => {
    sink += applyLayer(layer, input).macs;
  });
  const names = listGenerators().map((g) => g.name);
  const variantsPerSec = perSecond((i) => {
    sink += generateExercise(names[i % names.length]!, { seed: i, lang: "en" }).answer.length;
  });
  if (sink === -1) console.log(sink);
  return [
    {
      measure: `ResNet-152 full analysis (${layerCount} layers), median`,
      value: full,
      unit: "ms",
      baseline: plain,
      target: "<= 2 ms",
    },
    { measure: "single-layer calculations", value: layersPerSec, unit: "/s" },
    {
      measure: `exercise variants (all ${names.length} generators)`,
      value: variantsPerSec,
      unit: "/s",
    },
  ];
}
