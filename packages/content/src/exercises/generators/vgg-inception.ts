/** Exercises on VGG stacks and Inception modules. */
import { analyzeModel } from "../../cnn/analyze.ts";
import { conv2d } from "../../cnn/layer.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { layerNode, sequential } from "../../cnn/model.ts";
import { GOOGLENET_INCEPTIONS, inceptionModule } from "../../cnn/models/googlenet.ts";
import { receptiveField } from "../../cnn/receptive-field.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";

import { int, ints, listFormat } from "./architecture-common.ts";

export const vggStack: GeneratorDef = {
  info: {
    name: "vgg-stack-vs-7x7",
    topic: "VGG",
    title: {
      ko: "3×3 convolution 쌓기 vs 큰 kernel 하나",
      en: "Stacked 3×3 convolutions vs one large kernel",
    },
    params: ["channels", "depth"],
  },
  generate(d, lang) {
    const c = d.int("channels", {
      min: 1,
      max: 1024,
      choices: [16, 24, 32, 48, 64, 96, 128, 160, 192, 256, 320, 384, 512],
    });
    const n = d.int("depth", { min: 2, max: 4, choices: [2, 3, 3, 4] });
    const big = 2 * n + 1;
    const stack = sequential(
      "stack",
      Array.from({ length: n }, (_, i) =>
        layerNode(`conv${i + 1}`, conv2d(c, c, 3, { padding: 1, bias: false })),
      ),
    );
    const stackParams = analyzeModel(stack, [c, 14, 14]).params;
    const bigParams = applyLayer(conv2d(c, c, big, { padding: n, bias: false }), [
      c,
      14,
      14,
    ]).params;
    const rf = receptiveField(
      Array.from({ length: n }, () => ({ kernel: 3, stride: 1, dilation: 1 })),
    );
    const expected = ints([stackParams, bigParams, rf]);
    return {
      params: { channels: c, depth: n },
      question: t(
        lang,
        `VGG는 큰 kernel 대신 3×3 convolution을 쌓습니다. Channel이 ${c}개로 유지되는 (입력·출력 모두 ${c} channel) 3×3 convolution layer ${n}개(stride 1)와 ${big}×${big} convolution layer 1개를 비교합니다. bias는 무시합니다. (1) 3×3 layer ${n}개의 parameter 수, (2) ${big}×${big} layer 1개의 parameter 수, (3) 3×3 layer ${n}개의 receptive field 한 변의 길이는?`,
        `VGG stacks 3×3 convolutions instead of using large kernels. Compare ${n} stacked 3×3 conv layers (stride 1) with one ${big}×${big} conv layer, all with ${c} input and ${c} output channels, ignoring biases. Give (1) the parameters of the ${n}-layer 3×3 stack, (2) the parameters of the single ${big}×${big} layer, (3) the receptive field side of the stack.`,
      ),
      answerFormat: listFormat(lang, 3, "294,912; 802,816; 7"),
      answer: `${fmtInt(stackParams)}; ${fmtInt(bigParams)}; ${rf}`,
      solution: [
        String.raw`$$P_{3\times3} = ${n}\cdot (3^2 C^2) = ${n}\cdot 9\cdot ${c}^2 = ${texInt(stackParams)}$$`,
        String.raw`$$P_{${big}\times${big}} = ${big}^2 C^2 = ${big * big}\cdot ${c}^2 = ${texInt(bigParams)}$$`,
        String.raw`$$r = 1 + ${n}\cdot(3-1) = ${rf}$$`,
        t(
          lang,
          `같은 receptive field를 ${((1 - stackParams / bigParams) * 100).toFixed(0)}% 적은 parameter로 얻고, 사이에 ReLU가 ${n - 1}번 더 들어갑니다.`,
          `The same receptive field with ${((1 - stackParams / bigParams) * 100).toFixed(0)}% fewer parameters, and ${n - 1} extra ReLUs in between.`,
        ),
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "bias_counted",
          message: t(lang, "Bias는 무시하라고 했습니다.", "Biases were to be ignored."),
          expected: ints([stackParams + n * c, bigParams + c, rf]),
        },
        {
          code: "receptive_field_summed",
          message: t(
            lang,
            "Receptive field는 kernel 크기의 합이 아니라 1 + Σ(k−1)입니다.",
            "The receptive field is 1 + Σ(k−1), not the sum of kernel sizes.",
          ),
          expected: ints([stackParams, bigParams, 3 * n]),
        },
      ]),
    };
  },
};

export const inceptionBottleneck: GeneratorDef = {
  info: {
    name: "inception-bottleneck-savings",
    topic: "GoogLeNet",
    title: {
      ko: "Inception branch의 1×1 bottleneck 절감량",
      en: "1×1 bottleneck savings in an Inception branch",
    },
    params: ["in_channels", "size", "reduce", "out_channels", "kernel", "measure"],
  },
  generate(d, lang) {
    const cin = d.int("in_channels", {
      min: 1,
      max: 2048,
      choices: [192, 256, 480, 512, 528, 832],
    });
    const h = d.int("size", { min: 1, max: 112, choices: [7, 14, 28] });
    const red = d.int("reduce", { min: 1, max: 512, choices: [16, 24, 32, 48, 64, 96, 128] });
    const cout = d.int("out_channels", { min: 1, max: 1024, choices: [32, 48, 64, 96, 128] });
    const k = d.int("kernel", { min: 3, max: 7, choices: [3, 5, 5] });
    const measure = d.choice("measure", ["macs", "params"]);
    if (red >= cin) return null;
    const x = [cin, h, h];
    const p = (k - 1) / 2;
    if (!Number.isInteger(p)) return null;
    const key = measure === "macs" ? "macs" : "params";
    const direct = applyLayer(conv2d(cin, cout, k, { padding: p, bias: false }), x)[key];
    const r1 = applyLayer(conv2d(cin, red, 1, { bias: false }), x)[key];
    const r2 = applyLayer(conv2d(red, cout, k, { padding: p, bias: false }), [red, h, h])[key];
    const saved = direct - r1 - r2;
    if (saved <= 0) return null;
    const hw = measure === "macs" ? `\\cdot ${h}^2` : "";
    const what =
      measure === "macs"
        ? t(lang, "MAC 연산 수", "multiply-accumulates (MACs)")
        : t(lang, "parameter 수", "parameters");
    const expected = int(saved);
    return {
      params: { in_channels: cin, size: h, reduce: red, out_channels: cout, kernel: k, measure },
      question: t(
        lang,
        `Inception module의 한 가지가 $${texShape(x)}$ 입력에 ${k}×${k} convolution(출력 ${cout} channel, padding으로 크기 유지)을 적용합니다. 앞에 ${red} channel로 줄이는 1×1 convolution을 넣으면 ${what}가 얼마나 줄어듭니까? bias는 무시합니다.`,
        `One branch of an Inception module applies a ${k}×${k} convolution (${cout} output channels, padded to keep the size) to a $${texShape(x)}$ input. How many ${what} does a 1×1 convolution reducing to ${red} channels in front of it save? Ignore biases.`,
      ),
      answerFormat: t(lang, "정확한 정수 (절감량)", "An exact integer (the saving)"),
      answer: fmtInt(saved),
      solution: [
        `$$\\text{direct} = ${cout}\\cdot ${cin}\\cdot ${k}^2 ${hw} = ${texInt(direct)}$$`,
        `$$\\text{bottleneck} = \\underbrace{${red}\\cdot ${cin} ${hw}}_{1\\times1} + \\underbrace{${cout}\\cdot ${red}\\cdot ${k}^2 ${hw}}_{${k}\\times${k}} = ${texInt(r1)} + ${texInt(r2)} = ${texInt(r1 + r2)}$$`,
        `$$\\text{saving} = ${texInt(direct)} - ${texInt(r1 + r2)} = ${texInt(saved)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "reduce_cost_forgotten",
          message: t(
            lang,
            "1×1 convolution 자체의 비용도 빼야 합니다.",
            "The 1×1 convolution has a cost of its own.",
          ),
          expected: int(direct - r2),
        },
        {
          code: "cost_not_saving",
          message: t(
            lang,
            "Bottleneck의 비용이 아니라 절감량을 묻습니다.",
            "The question asks for the saving, not the bottleneck's cost.",
          ),
          expected: int(r1 + r2),
        },
      ]),
    };
  },
};

export const inceptionOutputChannels: GeneratorDef = {
  info: {
    name: "inception-output-channels",
    topic: "GoogLeNet",
    title: { ko: "Inception module의 출력 channel", en: "Inception module output channels" },
    params: ["module"],
  },
  generate(d, lang) {
    const names = GOOGLENET_INCEPTIONS.map(([n]) => n);
    const name = d.choice("module", names);
    const [, cin, ch] = GOOGLENET_INCEPTIONS.find(([n]) => n === name)!;
    const [c1, c3r, c3, c5r, c5, pp] = ch as [number, number, number, number, number, number];
    const jitter = d.rng.bool(0.5);
    const v = jitter
      ? ([c1, c3r, c3, c5r, c5, pp].map((x) => Math.max(8, x + 8 * d.rng.int(-2, 2))) as typeof ch)
      : ch;
    const [a1, a3r, a3, a5r, a5, ap] = v as [number, number, number, number, number, number];
    const h = name.startsWith("inception3") ? 28 : name.startsWith("inception4") ? 14 : 7;
    const out = analyzeModel(
      inceptionModule(name, cin, {
        ch1x1: a1,
        ch3x3red: a3r,
        ch3x3: a3,
        ch5x5red: a5r,
        ch5x5: a5,
        poolProj: ap,
      }),
      [cin, h, h],
    ).output[0]!;
    const expected = int(out);
    return {
      params: { module: name, in_channels: cin, channels: [a1, a3r, a3, a5r, a5, ap] },
      question: t(
        lang,
        `입력이 $${texShape([cin, h, h])}$인 inception module${jitter ? "" : ` (GoogLeNet ${name})`}의 가지는 다음과 같습니다: 1×1 convolution ${a1} channel; 1×1 ${a3r} channel → 3×3 ${a3} channel; 1×1 ${a5r} channel → 5×5 ${a5} channel; 3×3 max pooling → 1×1 ${ap} channel. 모든 가지는 크기를 유지합니다. 출력 channel 수는?`,
        `An Inception module${jitter ? "" : ` (GoogLeNet ${name})`} with a $${texShape([cin, h, h])}$ input has these branches: 1×1 conv, ${a1} channels; 1×1 to ${a3r} then 3×3 to ${a3}; 1×1 to ${a5r} then 5×5 to ${a5}; 3×3 max-pool then 1×1 to ${ap}. All branches keep the spatial size. How many output channels does it have?`,
      ),
      answerFormat: t(lang, "정수 하나 (예: 256)", "One integer (e.g. 256)"),
      answer: String(out),
      solution: [
        t(
          lang,
          "가지의 출력을 channel 방향으로 이어 붙이므로, 각 가지의 마지막 layer channel 수를 더합니다 (축소용 1×1 channel은 중간값).",
          "The branch outputs are concatenated on channels, so add each branch's last layer (the reduce channels are internal):",
        ),
        `$$C_{\\text{out}} = ${a1} + ${a3} + ${a5} + ${ap} = ${out}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "reduce_channels_added",
          message: t(
            lang,
            "1×1 축소 channel은 출력에 들어가지 않습니다.",
            "The 1×1 reduce channels are not part of the output.",
          ),
          expected: int(a1 + a3r + a3 + a5r + a5 + ap),
        },
        {
          code: "pool_branch_unprojected",
          message: t(
            lang,
            "Pooling 가지는 1×1 projection 후의 channel 수를 냅니다.",
            "The pool branch outputs the 1×1 projection's channels.",
          ),
          expected: int(a1 + a3 + a5 + cin),
        },
      ]),
    };
  },
};
