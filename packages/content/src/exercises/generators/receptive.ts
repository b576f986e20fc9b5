/** Exercises: transposed convolution sizes and receptive fields of layer stacks. */
import { convTranspose2d } from "../../cnn/layer.ts";
import { convOutputSize, convTransposeOutputSize } from "../../cnn/layer-shapes.ts";
import { receptiveFieldTrace } from "../../cnn/receptive-field.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { applyLayerSafe, describeStack, type StackLayer } from "./conv-common.ts";

export const convTransposeOutputSizeGen: GeneratorDef = {
  info: {
    name: "convtranspose-output-size",
    topic: "FCN",
    title: {
      ko: "Transposed convolution output size (FCN upsampling)",
      en: "Transposed convolution output size (FCN upsampling)",
    },
    params: ["size", "stride", "kernel", "padding", "output_padding", "classes"],
  },
  generate(d, lang) {
    const n = d.int("size", {
      min: 1,
      max: 256,
      choices: [3, 4, 5, 6, 7, 8, 10, 12, 14, 15, 16, 20, 28],
    });
    const s = d.int("stride", { min: 1, max: 64, choices: [2, 2, 4, 8, 16, 32] });
    const k = d.int("kernel", { min: 1, max: 128, choices: [s, 2 * s, 2 * s, s + 1] });
    const p = d.int("padding", {
      min: 0,
      max: 64,
      choices: [0, Math.floor(s / 2), Math.floor(s / 2), Math.floor((k - s) / 2)],
    });
    const op = d.int("output_padding", { min: 0, max: 63, choices: [0, 0, 0, 1] });
    const classes = d.int("classes", { min: 1, max: 1000, choices: [2, 21, 21, 60, 150] });
    if (op >= s) return null;
    const r = applyLayerSafe(
      convTranspose2d(classes, classes, k, {
        stride: s,
        padding: p,
        outputPadding: op,
        bias: false,
      }),
      [classes, n, n],
    );
    if (!r) return null;
    const o = r.output[1]!;
    const expected = { kind: "integer" as const, value: o };
    const conv = convOutputSize(n, k, s, p);
    return {
      params: { size: n, stride: s, kernel: k, padding: p, output_padding: op, classes },
      question: t(
        lang,
        `FCN의 score map(${classes}개 class)이 ${n}×${n}입니다. \`nn.ConvTranspose2d(${classes}, ${classes}, kernel_size=${k}, stride=${s}, padding=${p}${op ? `, output_padding=${op}` : ""})\`로 upsampling하면 출력의 한 변의 길이는?`,
        `An FCN score map (${classes} classes) is ${n}×${n}. It is upsampled with \`nn.ConvTranspose2d(${classes}, ${classes}, kernel_size=${k}, stride=${s}, padding=${p}${op ? `, output_padding=${op}` : ""})\`. What is the side length of the output?`,
      ),
      answerFormat: t(
        lang,
        "정수 하나 (한 변의 길이, 예: 224)",
        "One integer (the side length, e.g. 224)",
      ),
      answer: String(o),
      solution: [
        t(
          lang,
          "Transposed convolution은 convolution output size 공식을 거꾸로 푼 것입니다.",
          "A transposed convolution inverts the convolution size formula:",
        ),
        String.raw`$$H_{\text{out}} = (H_{\text{in}} - 1)\,s - 2p + d\,(k-1) + \text{output\_padding} + 1$$`,
        String.raw`$$H_{\text{out}} = (${n} - 1)\cdot ${s} - 2\cdot ${p} + 1\cdot(${k}-1) + ${op} + 1 = ${o}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        ...(conv >= 1
          ? [
              {
                code: "conv_formula_used",
                message: t(
                  lang,
                  "보통 convolution의 공식을 썼습니다. Transposed convolution은 크기를 키웁니다.",
                  "You used the convolution formula; a transposed convolution enlarges.",
                ),
                expected: { kind: "integer" as const, value: conv },
              },
            ]
          : []),
        {
          code: "padding_counted_once",
          message: t(
            lang,
            "Padding은 양쪽에서 빠지므로 2p입니다.",
            "Padding is removed on both sides: 2p.",
          ),
          expected: { kind: "integer", value: convTransposeOutputSize(n, k, s, p / 2, 1, op) },
        },
        ...(op > 0
          ? [
              {
                code: "output_padding_forgotten",
                message: t(
                  lang,
                  "output_padding을 더하지 않았습니다.",
                  "You forgot output_padding.",
                ),
                expected: { kind: "integer" as const, value: o - op },
              },
            ]
          : []),
      ]).filter((m) => m.expected.kind === "integer" && Number.isInteger(m.expected.value)),
    };
  },
};

export const receptiveFieldGen: GeneratorDef = {
  info: {
    name: "receptive-field",
    topic: "Receptive field",
    title: { ko: "Layer를 쌓았을 때의 receptive field", en: "Receptive field of a stack" },
    params: ["layers", "max_kernel", "dilation"],
  },
  generate(d, lang) {
    const n = d.int("layers", { min: 1, max: 8, choices: [2, 3, 3, 4, 5] });
    const maxK = d.int("max_kernel", { min: 1, max: 11, choices: [3, 5, 7] });
    const dilated = d.choice("dilation", ["yes", "no"], ["no", "no", "yes"]) === "yes";
    const layers: StackLayer[] = [];
    for (let i = 0; i < n; i++) {
      if (i > 0 && d.rng.bool(0.3)) {
        layers.push({ kind: "pool", kernel: d.rng.pick([2, 3]), stride: 2, dilation: 1 });
      } else {
        const ks = [1, 3, 5, 7, 11].filter((x) => x <= maxK);
        const kernel = d.rng.pick(ks.length > 0 ? ks : [1]);
        layers.push({
          kind: "conv",
          kernel,
          stride: d.rng.pick([1, 1, 2]),
          dilation: dilated && kernel > 1 ? d.rng.pick([1, 2, 3]) : 1,
        });
      }
    }
    const { fields, jumps } = receptiveFieldTrace(layers);
    const rf = fields.at(-1)!;
    const expected = { kind: "integer" as const, value: rf };
    const terms = layers.map((l, i) => `(${l.kernel}-1)\\cdot ${l.dilation}\\cdot ${jumps[i]}`);
    return {
      params: {
        layers: layers.flatMap((l) => [l.kernel, l.stride, l.dilation]),
        kinds: layers.map((l) => l.kind).join(","),
      },
      question: t(
        lang,
        `다음 layer들을 순서대로 쌓았습니다 (padding은 크기만 유지하며 receptive field에는 영향이 없습니다):\n\n${describeStack(lang, layers)}\n\n마지막 layer 출력의 한 pixel이 보는 입력 영역(receptive field)의 한 변의 길이는?`,
        `These layers are stacked in order (padding only keeps sizes and does not change the receptive field):\n\n${describeStack(lang, layers)}\n\nWhat is the side length of the receptive field, in input pixels, of one output pixel of the last layer?`,
      ),
      answerFormat: t(lang, "정수 하나 (예: 7)", "One integer (e.g. 7)"),
      answer: String(rf),
      solution: [
        t(
          lang,
          "Layer $i$는 이전 stride의 곱 $J_i$만큼 떨어진 입력 pixel들을 봅니다.",
          "Layer $i$ sees input pixels spaced by the product of the earlier strides, $J_i$:",
        ),
        String.raw`$$r = 1 + \sum_i (k_i - 1)\, d_i\, J_i, \qquad J_i = \prod_{j<i} s_j$$`,
        `$$r = 1 + ${terms.join(" + ")} = ${rf}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "strides_ignored",
          message: t(
            lang,
            "앞 layer들의 stride 곱(점프)을 곱하지 않았습니다.",
            "You did not multiply by the jump (the product of the earlier strides).",
          ),
          expected: {
            kind: "integer",
            value: 1 + layers.reduce((a, l) => a + (l.kernel - 1) * l.dilation, 0),
          },
        },
        {
          code: "dilation_ignored",
          message: t(lang, "Dilation을 무시했습니다.", "You ignored the dilation."),
          expected: {
            kind: "integer",
            value: 1 + layers.reduce((a, l, i) => a + (l.kernel - 1) * jumps[i]!, 0),
          },
        },
      ]),
    };
  },
};
