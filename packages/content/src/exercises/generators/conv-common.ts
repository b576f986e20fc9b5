// Shared by the single-layer exercise generators (conv-shape, conv-params, pool-shape, receptive).
import { applyLayer } from "../../cnn/layer-shapes.ts";
import type { ReceptiveFieldStep } from "../../cnn/receptive-field.ts";
import type { TLang } from "../contract.ts";
import { t } from "../generator.ts";

export const SIDES = [7, 13, 14, 27, 28, 31, 32, 55, 56, 63, 64, 100, 112, 128, 224, 227] as const;
export const CHANNELS = [3, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512] as const;

export const CONV_FORMULA = String.raw`H_{\text{out}} = \left\lfloor \frac{H_{\text{in}} + 2p - d\,(k-1) - 1}{s} \right\rfloor + 1`;

export function convSideTex(
  n: number,
  k: number,
  s: number,
  p: number,
  d: number,
  out: number,
  sym = "H",
): string {
  const num = n + 2 * p - d * (k - 1) - 1;
  return String.raw`${sym}_{\text{out}} = \left\lfloor \frac{${n} + 2\cdot ${p} - ${d}\cdot(${k}-1) - 1}{${s}} \right\rfloor + 1 = \left\lfloor \frac{${num}}{${s}} \right\rfloor + 1 = ${out}`;
}

export function layoutOf(lang: TLang, layout: string): string {
  return layout === "C×H×W"
    ? t(lang, "C×H×W, channel 먼저인 PyTorch 순서", "C×H×W, channels first as in PyTorch")
    : t(lang, "H×W×C, channel 마지막", "H×W×C, channels last");
}

export function inLayout(layout: string, c: number, h: number, w: number): number[] {
  return layout === "C×H×W" ? [c, h, w] : [h, w, c];
}

export function applyLayerSafe(layer: Parameters<typeof applyLayer>[0], input: number[]) {
  try {
    return applyLayer(layer, input);
  } catch {
    return null;
  }
}

export type StackLayer = ReceptiveFieldStep & { kind: "conv" | "pool" };

export function describeStack(lang: TLang, layers: StackLayer[]): string {
  return layers
    .map((l, i) => {
      const base =
        l.kind === "conv"
          ? t(lang, `convolution ${l.kernel}×${l.kernel}`, `conv ${l.kernel}×${l.kernel}`)
          : t(lang, `max pooling ${l.kernel}×${l.kernel}`, `max-pool ${l.kernel}×${l.kernel}`);
      const extra = [
        t(lang, `stride ${l.stride}`, `stride ${l.stride}`),
        ...(l.dilation > 1 ? [t(lang, `dilation ${l.dilation}`, `dilation ${l.dilation}`)] : []),
      ];
      return `${i + 1}. ${base}, ${extra.join(", ")}`;
    })
    .join("\n");
}
