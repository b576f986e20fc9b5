/** Exercises: the output shape of a pooling layer. */
import { avgPool2d, maxPool2d } from "../../cnn/layer.ts";
import { poolOutputSize } from "../../cnn/layer-shapes.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtShape, texShape } from "../number-format.ts";
import { applyLayerSafe, CHANNELS } from "./conv-common.ts";

export const poolOutputShape: GeneratorDef = {
  info: {
    name: "pool-output-shape",
    topic: "Pooling",
    title: { ko: "Pooling output shape", en: "Pooling output shape" },
    params: ["channels", "size", "kernel", "stride", "padding", "ceil_mode", "pool"],
  },
  generate(d, lang) {
    const c = d.int("channels", { min: 1, max: 2048, choices: CHANNELS });
    const h = d.int("size", {
      min: 1,
      max: 1024,
      choices: [7, 13, 14, 15, 27, 28, 55, 56, 57, 111, 112, 113],
    });
    const k = d.int("kernel", { min: 1, max: 7, choices: [2, 3, 3] });
    // Up to the largest kernel: a note's 5×5 window pools with stride 5.
    const s = d.int("stride", { min: 1, max: 7, choices: [1, 2, 2, 2] });
    const p = d.int("padding", { min: 0, max: 3, choices: [0, 0, 1] });
    const ceil = d.choice("ceil_mode", ["true", "false"]) === "true";
    const pool = d.choice("pool", ["max", "avg"], ["max", "max", "avg"]);
    if (p > Math.floor(k / 2) || s > k) return null;
    const layer =
      pool === "max"
        ? maxPool2d(k, { stride: s, padding: p, ceilMode: ceil })
        : avgPool2d(k, { stride: s, padding: p, ceilMode: ceil });
    const r = applyLayerSafe(layer, [c, h, h]);
    if (!r) return null;
    const o = r.output[1]!;
    const layout = "C×H×W";
    const dims = [c, o, o];
    const num = h + 2 * p - k;
    const raw = Math.floor((num + (ceil ? s - 1 : 0)) / s) + 1;
    const dropped = ceil && raw !== o;
    const sq = (n: number) => ({ kind: "shape" as const, dims: [c, n, n], layout });
    const name = pool === "max" ? "MaxPool2d" : "AvgPool2d";
    const rounding = ceil
      ? String.raw`\left\lceil \frac{${h} + 2\cdot ${p} - ${k}}{${s}} \right\rceil + 1`
      : String.raw`\left\lfloor \frac{${h} + 2\cdot ${p} - ${k}}{${s}} \right\rfloor + 1`;
    return {
      params: {
        channels: c,
        size: h,
        kernel: k,
        stride: s,
        padding: p,
        ceil_mode: String(ceil),
        pool,
      },
      question: t(
        lang,
        `크기가 $${texShape([c, h, h])}$ (C×H×W)인 입력에 PyTorch \`nn.${name}(kernel_size=${k}, stride=${s}, padding=${p}, ceil_mode=${ceil ? "True" : "False"})\`를 적용합니다. 출력 크기는?`,
        `PyTorch \`nn.${name}(kernel_size=${k}, stride=${s}, padding=${p}, ceil_mode=${ceil ? "True" : "False"})\` is applied to an input of shape $${texShape([c, h, h])}$ (C×H×W). What is the output shape?`,
      ),
      answerFormat: t(
        lang,
        "C×H×W 순서의 크기, 예: 64×56×56",
        "A shape in C×H×W order, e.g. 64×56×56",
      ),
      answer: fmtShape(dims),
      solution: [
        ceil
          ? t(
              lang,
              "ceil_mode=True이면 나눗셈을 올림하되, 마지막 window는 입력(또는 왼쪽 padding) 안에서 시작해야 합니다.",
              "With ceil_mode=True the division rounds up, but the last window must start inside the input (or the left padding).",
            )
          : t(
              lang,
              "ceil_mode=False이면 나눗셈을 내림합니다.",
              "With ceil_mode=False the division rounds down.",
            ),
        `$$H_{\\text{out}} = ${rounding} = ${raw}$$`,
        ...(dropped
          ? [
              t(
                lang,
                `마지막 window의 시작 위치 $(${raw}-1)\\cdot ${s} = ${(raw - 1) * s} \\ge H + p = ${h + p}$이므로 그 window는 버려집니다: $H_{\\text{out}} = ${o}$.`,
                `The last window would start at $(${raw}-1)\\cdot ${s} = ${(raw - 1) * s} \\ge H + p = ${h + p}$, entirely in the right padding, so it is dropped: $H_{\\text{out}} = ${o}$.`,
              ),
            ]
          : []),
        t(
          lang,
          `Pooling은 channel 수를 바꾸지 않으므로 출력은 $${texShape(dims)}$입니다.`,
          `Pooling keeps the channels, so the output is $${texShape(dims)}$.`,
        ),
      ].join("\n\n"),
      expected: { kind: "shape", dims, layout },
      mistakes: distinctMistakes({ kind: "shape", dims, layout }, [
        {
          code: ceil ? "floor_instead_of_ceil" : "ceil_instead_of_floor",
          message: ceil
            ? t(
                lang,
                "ceil_mode=True이므로 올림해야 합니다.",
                "ceil_mode=True: round the division up.",
              )
            : t(
                lang,
                "ceil_mode=False이므로 내림해야 합니다.",
                "ceil_mode=False: round the division down.",
              ),
          expected: sq(ceil ? Math.floor(num / s) + 1 : Math.ceil(num / s) + 1),
        },
        ...(dropped
          ? [
              {
                code: "last_window_rule",
                message: t(
                  lang,
                  "Padding에서만 시작하는 마지막 window는 버려집니다.",
                  "A last window that would start in the right padding is dropped.",
                ),
                expected: sq(raw),
              },
            ]
          : []),
        ...(p > 0
          ? [
              {
                code: "padding_counted_once",
                message: t(
                  lang,
                  "Padding은 양쪽에 붙으므로 2p입니다.",
                  "Padding is added on both sides: use 2p.",
                ),
                expected: sq(poolOutputSize(h - p, k, s, p, 1, ceil)),
              },
            ]
          : []),
      ]).filter((m) => m.expected.kind === "shape" && m.expected.dims.every((x) => x >= 1)),
    };
  },
};
