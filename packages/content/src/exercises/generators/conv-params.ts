/** Exercises: parameters and MACs of a convolution layer. */
import { conv2d } from "../../cnn/layer.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";
import { applyLayerSafe, CHANNELS, convSideTex } from "./conv-common.ts";

export const convParams: GeneratorDef = {
  info: {
    name: "conv-params",
    topic: "CNN basics",
    title: { ko: "Convolution layer의 parameter 수", en: "Parameters of a convolution layer" },
    params: ["in_channels", "out_channels", "kernel", "groups", "bias"],
  },
  generate(d, lang) {
    const c = d.int("in_channels", { min: 1, max: 2048, choices: CHANNELS });
    const oc = d.int("out_channels", {
      min: 1,
      max: 4096,
      choices: [32, 64, 96, 128, 256, 384, 512],
    });
    const k = d.int("kernel", { min: 1, max: 11, choices: [1, 3, 3, 5, 7, 11] });
    const groupsKind = d.choice(
      "groups",
      ["1", "2", "4", "depthwise"],
      ["1", "1", "1", "2", "depthwise"],
    );
    const bias = d.choice("bias", ["true", "false"]) === "true";
    const g = groupsKind === "depthwise" ? c : Number(groupsKind);
    const out = groupsKind === "depthwise" ? c : oc;
    if (c % g !== 0 || out % g !== 0) return null;
    const { params } = applyLayer(conv2d(c, out, k, { groups: g, bias }), [c, k, k]);
    const weights = out * (c / g) * k * k;
    const groupText =
      g === 1
        ? ""
        : groupsKind === "depthwise"
          ? t(lang, `, group 수 ${g} (depthwise convolution)`, `, groups = ${g} (depthwise)`)
          : t(lang, `, group 수 ${g}`, `, groups = ${g}`);
    const biasText = bias
      ? t(lang, "bias 있음", "with bias")
      : t(lang, "bias 없음", "without bias");
    const expected = { kind: "integer" as const, value: params };
    return {
      params: { in_channels: c, out_channels: out, kernel: k, groups: g, bias: String(bias) },
      question: t(
        lang,
        `입력 channel ${c}개, 출력 channel ${out}개, kernel ${k}×${k}${groupText}, ${biasText}인 convolution layer(Conv2d)의 학습 가능한 parameter 수는?`,
        `How many trainable parameters does a Conv2d layer with ${c} input channels, ${out} output channels, a ${k}×${k} kernel${groupText}, ${biasText} have?`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 34,944)", "An exact integer (e.g. 34,944)"),
      answer: fmtInt(params),
      solution: [
        t(
          lang,
          "각 출력 channel의 filter는 자기 group의 입력 channel만 봅니다.",
          "Each output channel's filter sees only the input channels of its group.",
        ),
        String.raw`$$P = C_{\text{out}} \cdot \frac{C_{\text{in}}}{g} \cdot k_h k_w + \underbrace{C_{\text{out}}}_{\text{bias}}$$`,
        String.raw`$$P = ${out} \cdot \frac{${c}}{${g}} \cdot ${k}\cdot ${k}${bias ? ` + ${out}` : ""} = ${texInt(weights)}${bias ? ` + ${out}` : ""} = ${texInt(params)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        ...(bias
          ? [
              {
                code: "bias_forgotten",
                message: t(
                  lang,
                  "Bias(출력 channel당 1개)를 빠뜨렸습니다.",
                  "You forgot the biases (one per output channel).",
                ),
                expected: { kind: "integer" as const, value: weights },
              },
            ]
          : [
              {
                code: "bias_counted",
                message: t(lang, "이 layer에는 bias가 없습니다.", "This layer has no bias."),
                expected: { kind: "integer" as const, value: weights + out },
              },
            ]),
        ...(g > 1
          ? [
              {
                code: "groups_ignored",
                message: t(
                  lang,
                  "Group을 무시했습니다: filter는 C_in/g channel만 봅니다.",
                  "You ignored the groups: each filter sees only C_in/g channels.",
                ),
                expected: { kind: "integer" as const, value: out * c * k * k + (bias ? out : 0) },
              },
            ]
          : []),
      ]),
    };
  },
};

export const convMacs: GeneratorDef = {
  info: {
    name: "conv-macs",
    topic: "CNN basics",
    title: { ko: "Convolution layer의 MAC 연산 수", en: "MACs of a convolution layer" },
    params: ["in_channels", "size", "out_channels", "kernel", "stride", "groups"],
  },
  generate(d, lang) {
    const c = d.int("in_channels", { min: 1, max: 2048, choices: CHANNELS });
    const h = d.int("size", { min: 1, max: 512, choices: [7, 14, 27, 28, 56, 112, 224, 227] });
    const oc = d.int("out_channels", { min: 1, max: 4096, choices: [32, 64, 96, 128, 256, 512] });
    const k = d.int("kernel", { min: 1, max: 11, choices: [1, 3, 3, 5, 7] });
    const s = d.int("stride", { min: 1, max: 4, choices: [1, 1, 2] });
    const g = d.int("groups", { min: 1, max: 64, choices: [1, 1, 1, 2] });
    if (c % g !== 0 || oc % g !== 0) return null;
    const p = Math.floor(k / 2);
    const r = applyLayerSafe(conv2d(c, oc, k, { stride: s, padding: p, groups: g }), [c, h, h]);
    if (!r) return null;
    const o = r.output[1]!;
    const expected = { kind: "integer" as const, value: r.macs };
    const perOut = (c / g) * k * k;
    return {
      params: {
        in_channels: c,
        size: h,
        out_channels: oc,
        kernel: k,
        stride: s,
        padding: p,
        groups: g,
      },
      question: t(
        lang,
        `입력 $${texShape([c, h, h])}$ (C×H×W)에 ${k}×${k} convolution(출력 channel ${oc}, stride ${s}, padding ${p}${g > 1 ? `, group ${g}` : ""})을 적용합니다. MAC(multiply-accumulate) 연산은 몇 번입니까? (bias 덧셈은 제외)`,
        `A ${k}×${k} convolution (${oc} output channels, stride ${s}, padding ${p}${g > 1 ? `, groups ${g}` : ""}) is applied to an input of shape $${texShape([c, h, h])}$ (C×H×W). How many multiply-accumulate operations (MACs) does it perform? (Bias additions excluded.)`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 105,415,200)", "An exact integer (e.g. 105,415,200)"),
      answer: fmtInt(r.macs),
      solution: [
        t(lang, "먼저 출력 크기를 구합니다.", "First the output size:"),
        `$$${convSideTex(h, k, s, p, 1, o)}$$`,
        t(
          lang,
          "출력 원소마다 $\\frac{C_{\\text{in}}}{g} k^2$번의 multiply-accumulate가 필요합니다.",
          "Each output element needs $\\frac{C_{\\text{in}}}{g} k^2$ multiply-accumulates:",
        ),
        String.raw`$$\text{MACs} = C_{\text{out}} H_{\text{out}} W_{\text{out}} \cdot \frac{C_{\text{in}}}{g} k^2 = ${oc}\cdot ${o}\cdot ${o} \cdot \frac{${c}}{${g}}\cdot ${k}^2 = ${texInt(oc * o * o)} \cdot ${texInt(perOut)} = ${texInt(r.macs)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "bias_counted",
          message: t(
            lang,
            "Bias 덧셈은 MAC에 포함하지 않습니다.",
            "Bias additions are not counted as MACs.",
          ),
          expected: { kind: "integer", value: r.macs + oc * o * o },
        },
        {
          code: "input_size_used",
          message: t(
            lang,
            "입력 크기가 아니라 출력 크기를 곱해야 합니다.",
            "Multiply by the output size, not the input size.",
          ),
          expected: { kind: "integer", value: oc * h * h * perOut },
        },
        ...(g > 1
          ? [
              {
                code: "groups_ignored",
                message: t(lang, "Group을 무시했습니다.", "You ignored the groups."),
                expected: { kind: "integer" as const, value: r.macs * g },
              },
            ]
          : []),
      ]),
    };
  },
};
