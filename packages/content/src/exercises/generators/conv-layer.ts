/** Exercises on single convolution and pooling layers: shapes, parameters, MACs, receptive fields. */
import { avgPool2d, conv2d, convTranspose2d, maxPool2d } from "../../cnn/layer.ts";
import {
  applyLayer,
  convOutputSize,
  convTransposeOutputSize,
  poolOutputSize,
} from "../../cnn/layer-shapes.ts";
import { type ReceptiveFieldStep, receptiveFieldTrace } from "../../cnn/receptive-field.ts";
import type { TLang } from "../contract.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, fmtShape, texInt, texShape } from "../number-format.ts";

const SIDES = [7, 13, 14, 27, 28, 31, 32, 55, 56, 63, 64, 100, 112, 128, 224, 227] as const;
const CHANNELS = [3, 16, 32, 48, 64, 96, 128, 192, 256, 384, 512] as const;

const CONV_FORMULA = String.raw`H_{\text{out}} = \left\lfloor \frac{H_{\text{in}} + 2p - d\,(k-1) - 1}{s} \right\rfloor + 1`;

function convSideTex(
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

function layoutOf(lang: TLang, layout: string): string {
  return layout === "C×H×W"
    ? t(lang, "C×H×W, 채널 먼저인 PyTorch 순서", "C×H×W, channels first as in PyTorch")
    : t(lang, "H×W×C, 채널 마지막", "H×W×C, channels last");
}

function inLayout(layout: string, c: number, h: number, w: number): number[] {
  return layout === "C×H×W" ? [c, h, w] : [h, w, c];
}

export const convOutputShape: GeneratorDef = {
  info: {
    name: "conv-output-shape",
    topic: "CNN basics",
    title: { ko: "합성곱 출력 크기", en: "Convolution output shape" },
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
          "나눗셈을 올림했습니다. 합성곱은 내림(floor)입니다.",
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
          "패딩은 양쪽에 붙으므로 2p입니다.",
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
          "팽창(dilation)을 무시했습니다: 유효 커널은 d(k−1)+1입니다.",
          "You ignored the dilation: the effective kernel is d(k−1)+1.",
        ),
        expected: { kind: "shape", dims: alt((n) => convOutputSize(n, k, s, p, 1)), layout },
      },
    ]).filter((m) => m.expected.kind === "shape" && m.expected.dims.every((x) => x >= 1));
    const dilText = dil > 1 ? t(lang, `, 팽창 ${dil}`, `, dilation ${dil}`) : "";
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
        `입력 특징 맵의 크기는 $${texShape(inDims)}$ (${layoutOf(lang, layout)})입니다. 여기에 ${k}×${k} 필터 ${oc}개, 스트라이드 ${s}, 패딩 ${p}${dilText}인 합성곱 층을 적용합니다. 출력의 크기는?`,
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
          `출력 채널 수는 필터 수 ${oc}입니다. 따라서 출력은 $${texShape(dims)}$입니다.`,
          `The output has one channel per filter, ${oc}. So the output is $${texShape(dims)}$.`,
        ),
      ].join("\n\n"),
      expected: { kind: "shape", dims, layout },
      mistakes,
    };
  },
};

function applyLayerSafe(layer: Parameters<typeof applyLayer>[0], input: number[]) {
  try {
    return applyLayer(layer, input);
  } catch {
    return null;
  }
}

export const convParams: GeneratorDef = {
  info: {
    name: "conv-params",
    topic: "CNN basics",
    title: { ko: "합성곱 층의 파라미터 수", en: "Parameters of a convolution layer" },
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
          ? t(lang, `, 그룹 수 ${g} (깊이별 합성곱)`, `, groups = ${g} (depthwise)`)
          : t(lang, `, 그룹 수 ${g}`, `, groups = ${g}`);
    const biasText = bias
      ? t(lang, "편향(bias) 있음", "with bias")
      : t(lang, "편향 없음", "without bias");
    const expected = { kind: "integer" as const, value: params };
    return {
      params: { in_channels: c, out_channels: out, kernel: k, groups: g, bias: String(bias) },
      question: t(
        lang,
        `입력 채널 ${c}개, 출력 채널 ${out}개, 커널 ${k}×${k}${groupText}, ${biasText}인 합성곱 층(Conv2d)의 학습 가능한 파라미터 수는?`,
        `How many trainable parameters does a Conv2d layer with ${c} input channels, ${out} output channels, a ${k}×${k} kernel${groupText}, ${biasText} have?`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 34,944)", "An exact integer (e.g. 34,944)"),
      answer: fmtInt(params),
      solution: [
        t(
          lang,
          "각 출력 채널의 필터는 자기 그룹의 입력 채널만 봅니다.",
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
                  "편향(출력 채널당 1개)을 빠뜨렸습니다.",
                  "You forgot the biases (one per output channel).",
                ),
                expected: { kind: "integer" as const, value: weights },
              },
            ]
          : [
              {
                code: "bias_counted",
                message: t(lang, "이 층에는 편향이 없습니다.", "This layer has no bias."),
                expected: { kind: "integer" as const, value: weights + out },
              },
            ]),
        ...(g > 1
          ? [
              {
                code: "groups_ignored",
                message: t(
                  lang,
                  "그룹을 무시했습니다: 필터는 C_in/g 채널만 봅니다.",
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

export const poolOutputShape: GeneratorDef = {
  info: {
    name: "pool-output-shape",
    topic: "Pooling",
    title: { ko: "풀링 출력 크기", en: "Pooling output shape" },
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
    const s = d.int("stride", { min: 1, max: 4, choices: [1, 2, 2, 2] });
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
              "ceil_mode=True이면 나눗셈을 올림하되, 마지막 창은 입력(또는 왼쪽 패딩) 안에서 시작해야 합니다.",
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
                `마지막 창의 시작 위치 $(${raw}-1)\\cdot ${s} = ${(raw - 1) * s} \\ge H + p = ${h + p}$ 이므로 그 창은 버려집니다: $H_{\\text{out}} = ${o}$.`,
                `The last window would start at $(${raw}-1)\\cdot ${s} = ${(raw - 1) * s} \\ge H + p = ${h + p}$, entirely in the right padding, so it is dropped: $H_{\\text{out}} = ${o}$.`,
              ),
            ]
          : []),
        t(
          lang,
          `풀링은 채널 수를 바꾸지 않으므로 출력은 $${texShape(dims)}$입니다.`,
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
                  "패딩에서만 시작하는 마지막 창은 버려집니다.",
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
                  "패딩은 양쪽에 붙으므로 2p입니다.",
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

export const convMacs: GeneratorDef = {
  info: {
    name: "conv-macs",
    topic: "CNN basics",
    title: { ko: "합성곱 층의 MAC 연산 수", en: "MACs of a convolution layer" },
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
        `입력 $${texShape([c, h, h])}$ (C×H×W)에 ${k}×${k} 합성곱(출력 채널 ${oc}, 스트라이드 ${s}, 패딩 ${p}${g > 1 ? `, 그룹 ${g}` : ""})을 적용합니다. 곱-누산(MAC) 연산은 몇 번입니까? (편향 덧셈은 제외)`,
        `A ${k}×${k} convolution (${oc} output channels, stride ${s}, padding ${p}${g > 1 ? `, groups ${g}` : ""}) is applied to an input of shape $${texShape([c, h, h])}$ (C×H×W). How many multiply-accumulate operations (MACs) does it perform? (Bias additions excluded.)`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 105,415,200)", "An exact integer (e.g. 105,415,200)"),
      answer: fmtInt(r.macs),
      solution: [
        t(lang, "먼저 출력 크기를 구합니다.", "First the output size:"),
        `$$${convSideTex(h, k, s, p, 1, o)}$$`,
        t(
          lang,
          "출력 원소마다 $\\frac{C_{\\text{in}}}{g} k^2$번의 곱-누산이 필요합니다.",
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
            "편향 덧셈은 MAC에 포함하지 않습니다.",
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
                message: t(lang, "그룹을 무시했습니다.", "You ignored the groups."),
                expected: { kind: "integer" as const, value: r.macs * g },
              },
            ]
          : []),
      ]),
    };
  },
};

export const convTransposeOutputSizeGen: GeneratorDef = {
  info: {
    name: "convtranspose-output-size",
    topic: "FCN",
    title: {
      ko: "전치 합성곱 출력 크기 (FCN 업샘플링)",
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
        `FCN의 점수 맵(${classes}개 클래스)이 ${n}×${n}입니다. \`nn.ConvTranspose2d(${classes}, ${classes}, kernel_size=${k}, stride=${s}, padding=${p}${op ? `, output_padding=${op}` : ""})\`로 업샘플링하면 출력의 한 변의 길이는?`,
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
          "전치 합성곱은 합성곱 크기 공식의 역입니다.",
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
                  "일반 합성곱 공식을 썼습니다. 전치 합성곱은 크기를 키웁니다.",
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
            "패딩은 양쪽에서 빠지므로 2p입니다.",
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

type StackLayer = ReceptiveFieldStep & { kind: "conv" | "pool" };

function describeStack(lang: TLang, layers: StackLayer[]): string {
  return layers
    .map((l, i) => {
      const base =
        l.kind === "conv"
          ? t(lang, `합성곱 ${l.kernel}×${l.kernel}`, `conv ${l.kernel}×${l.kernel}`)
          : t(lang, `최대 풀링 ${l.kernel}×${l.kernel}`, `max-pool ${l.kernel}×${l.kernel}`);
      const extra = [
        t(lang, `스트라이드 ${l.stride}`, `stride ${l.stride}`),
        ...(l.dilation > 1 ? [t(lang, `팽창 ${l.dilation}`, `dilation ${l.dilation}`)] : []),
      ];
      return `${i + 1}. ${base}, ${extra.join(", ")}`;
    })
    .join("\n");
}

export const receptiveFieldGen: GeneratorDef = {
  info: {
    name: "receptive-field",
    topic: "Receptive field",
    title: { ko: "층을 쌓았을 때의 수용 영역", en: "Receptive field of a stack" },
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
        `다음 층들을 순서대로 쌓았습니다 (패딩은 크기만 유지하며 수용 영역에는 영향이 없습니다):\n\n${describeStack(lang, layers)}\n\n마지막 층 출력의 한 픽셀이 보는 입력 영역(수용 영역)의 한 변의 길이는?`,
        `These layers are stacked in order (padding only keeps sizes and does not change the receptive field):\n\n${describeStack(lang, layers)}\n\nWhat is the side length of the receptive field, in input pixels, of one output pixel of the last layer?`,
      ),
      answerFormat: t(lang, "정수 하나 (예: 7)", "One integer (e.g. 7)"),
      answer: String(rf),
      solution: [
        t(
          lang,
          "층 $i$는 이전 스트라이드의 곱 $J_i$만큼 떨어진 입력 픽셀들을 봅니다.",
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
            "앞 층들의 스트라이드 곱(점프)을 곱하지 않았습니다.",
            "You did not multiply by the jump (the product of the earlier strides).",
          ),
          expected: {
            kind: "integer",
            value: 1 + layers.reduce((a, l) => a + (l.kernel - 1) * l.dilation, 0),
          },
        },
        {
          code: "dilation_ignored",
          message: t(lang, "팽창을 무시했습니다.", "You ignored the dilation."),
          expected: {
            kind: "integer",
            value: 1 + layers.reduce((a, l, i) => a + (l.kernel - 1) * jumps[i]!, 0),
          },
        },
      ]),
    };
  },
};
