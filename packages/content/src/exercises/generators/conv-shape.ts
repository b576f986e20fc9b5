/** Exercises: the output shape of a convolution layer. */
import { conv2d } from "../../cnn/layer.ts";
import { convOutputSize } from "../../cnn/layer-shapes.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtShape, texShape } from "../number-format.ts";
import {
  applyLayerSafe,
  CHANNELS,
  CONV_FORMULA,
  convSideTex,
  inLayout,
  layoutOf,
  SIDES,
} from "./conv-common.ts";

export const convOutputShape: GeneratorDef = {
  info: {
    name: "conv-output-shape",
    topic: "CNN basics",
    title: { ko: "Convolution output shape", en: "Convolution output shape" },
    params: [
      "in_channels",
      "size",
      "out_channels",
      "kernel",
      "stride",
      "padding",
      "dilation",
      "layout",
    ],
  },
  generate(d, lang) {
    const c = d.int("in_channels", { min: 1, max: 2048, choices: CHANNELS });
    const h = d.int("size", { min: 1, max: 1024, choices: SIDES });
    const w = d.rng.bool(0.8)
      ? h
      : Math.max(1, h + d.rng.int(-Math.floor(h / 4), Math.floor(h / 4)));
    const oc = d.int("out_channels", {
      min: 1,
      max: 4096,
      choices: [16, 32, 64, 96, 128, 256, 512],
    });
    const k = d.int("kernel", { min: 1, max: 15, choices: [1, 3, 3, 5, 7, 11] });
    const s = d.int("stride", { min: 1, max: 8, choices: [1, 1, 2, 2, 4] });
    const p = d.int("padding", { min: 0, max: 10, choices: [0, 0, 1, 2, 3] });
    const dil = d.int("dilation", { min: 1, max: 6, choices: [1, 1, 1, 1, 2, 3] });
    const layout = d.choice("layout", ["C×H×W", "H×W×C"], ["C×H×W", "C×H×W", "H×W×C"]);
    if (s > k && k > 1) return null;
    if (2 * p >= k * dil + 1 && p > 0) return null;
    const r = applyLayerSafe(conv2d(c, oc, k, { stride: s, padding: p, dilation: dil }), [c, h, w]);
    if (!r) return null;
    const [, oh, ow] = r.output as [number, number, number];
    const dims = inLayout(layout, oc, oh, ow);
    const inDims = inLayout(layout, c, h, w);
    const alt = (f: (n: number) => number) => inLayout(layout, oc, f(h), f(w));
    const mistakes = distinctMistakes({ kind: "shape", dims, layout }, [
      {
        code: "ceil_instead_of_floor",
        message: t(
          lang,
          "나눗셈을 올림했습니다. Convolution은 내림(floor)입니다.",
          "You rounded up; convolution rounds the division down (floor).",
        ),
        expected: {
          kind: "shape",
          dims: alt((n) => Math.ceil((n + 2 * p - dil * (k - 1) - 1) / s) + 1),
          layout,
        },
      },
      {
        code: "padding_counted_once",
        message: t(
          lang,
          "Padding은 양쪽에 붙으므로 2p입니다.",
          "Padding is added on both sides: use 2p, not p.",
        ),
        expected: { kind: "shape", dims: alt((n) => convOutputSize(n - p, k, s, p, dil)), layout },
      },
      {
        code: "forgot_plus_one",
        message: t(lang, "마지막에 +1을 빠뜨렸습니다.", "You forgot the final +1."),
        expected: { kind: "shape", dims: alt((n) => convOutputSize(n, k, s, p, dil) - 1), layout },
      },
      {
        code: "dilation_ignored",
        message: t(
          lang,
          "Dilation을 무시했습니다: 유효 kernel은 d(k−1)+1입니다.",
          "You ignored the dilation: the effective kernel is d(k−1)+1.",
        ),
        expected: { kind: "shape", dims: alt((n) => convOutputSize(n, k, s, p, 1)), layout },
      },
    ]).filter((m) => m.expected.kind === "shape" && m.expected.dims.every((x) => x >= 1));
    const dilText = dil > 1 ? t(lang, `, dilation ${dil}`, `, dilation ${dil}`) : "";
    return {
      params: {
        in_channels: c,
        height: h,
        width: w,
        out_channels: oc,
        kernel: k,
        stride: s,
        padding: p,
        dilation: dil,
        layout,
      },
      question: t(
        lang,
        `입력 feature map의 크기는 $${texShape(inDims)}$ (${layoutOf(lang, layout)})입니다. 여기에 ${k}×${k} filter ${oc}개, stride ${s}, padding ${p}${dilText}인 convolution layer를 적용합니다. 출력의 크기는?`,
        `An input feature map has shape $${texShape(inDims)}$ (${layoutOf(lang, layout)}). A convolution layer with ${oc} filters of size ${k}×${k}, stride ${s}, padding ${p}${dilText} is applied. What is the output shape?`,
      ),
      answerFormat: t(
        lang,
        `${layout} 순서의 크기, 예: ${fmtShape(inLayout(layout, 96, 55, 55))}`,
        `A shape in ${layout} order, e.g. ${fmtShape(inLayout(layout, 96, 55, 55))}`,
      ),
      answer: fmtShape(dims),
      solution: [
        t(lang, "출력의 높이와 너비는 각각 다음과 같습니다.", "Each spatial size follows"),
        `$$${CONV_FORMULA}$$`,
        `$$${convSideTex(h, k, s, p, dil, oh)}$$`,
        ...(w === h ? [] : [`$$${convSideTex(w, k, s, p, dil, ow, "W")}$$`]),
        t(
          lang,
          `출력 channel 수는 filter 수 ${oc}입니다. 따라서 출력은 $${texShape(dims)}$입니다.`,
          `The output has one channel per filter, ${oc}. So the output is $${texShape(dims)}$.`,
        ),
      ].join("\n\n"),
      expected: { kind: "shape", dims, layout },
      mistakes,
    };
  },
};
