/** Exercises on ResNet blocks, DenseNet channels and fully connected vs convolutional layers. */
import { analyzeModel } from "../../cnn/analyze.ts";
import { batchNorm2d, conv2d, linear } from "../../cnn/layer.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { denseBlock, layerNode, sequential } from "../../cnn/model.ts";
import { resnetBlock } from "../../cnn/models/resnet.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";

import { ints, listFormat } from "./architecture-common.ts";

export const resnetBlockParams: GeneratorDef = {
  info: {
    name: "resnet-block-params",
    topic: "ResNet",
    title: {
      ko: "Basic block vs bottleneck block의 parameter 수",
      en: "Basic vs bottleneck residual block parameters",
    },
    params: ["width", "stride"],
  },
  generate(d, lang) {
    const w = d.int("width", {
      min: 16,
      max: 4096,
      choices: [128, 192, 256, 320, 384, 448, 512, 640, 768, 896, 1024, 1280, 1536, 2048],
    });
    const s = d.int("stride", { min: 1, max: 2, choices: [1, 1, 2] });
    if (w % 8 !== 0) return null;
    const inC = s === 1 ? w : w / 2;
    const x = [inC, 28, 28];
    const basic = analyzeModel(resnetBlock("basic", "basic", inC, w, s), x).params;
    const bottle = analyzeModel(resnetBlock("bottleneck", "bottleneck", inC, w / 4, s), x).params;
    const proj = s === 2 ? inC * w + 2 * w : 0;
    const bnBasic = 2 * (2 * w) + (s === 2 ? 2 * w : 0);
    const bnBottle = 2 * (w / 4 + w / 4 + w) + (s === 2 ? 2 * w : 0);
    const q = w / 4;
    const expected = ints([basic, bottle]);
    return {
      params: { width: w, stride: s, in_channels: inC },
      question: t(
        lang,
        `ResNet block의 입력은 ${inC} channel, 출력은 ${w} channel이고 stride는 ${s}입니다${s === 2 ? " (shortcut은 1×1 convolution + batch norm projection)" : " (identity shortcut)"}. Convolution에는 bias가 없고 각 convolution 뒤에 batch norm(γ, β)이 있습니다. (1) basic block(3×3, 3×3; ${w} channel)과 (2) bottleneck block(1×1 ${q}, 3×3 ${q}, 1×1 ${w})의 학습 가능한 parameter 수는?`,
        `A ResNet block takes ${inC} channels to ${w} channels with stride ${s}${s === 2 ? " (projection shortcut: 1×1 conv + batch norm)" : " (identity shortcut)"}. Convolutions have no bias; each is followed by batch norm (γ, β). Give the trainable parameters of (1) a basic block (3×3, 3×3 at ${w} channels) and (2) a bottleneck block (1×1 to ${q}, 3×3 at ${q}, 1×1 to ${w}).`,
      ),
      answerFormat: listFormat(lang, 2, "2,365,440; 280,064"),
      answer: `${fmtInt(basic)}; ${fmtInt(bottle)}`,
      solution: [
        t(
          lang,
          "Batch norm은 channel당 2개(γ, β)이며, running mean·variance는 buffer라서 세지 않습니다.",
          "Batch norm has 2 parameters per channel (γ, β); running mean and variance are buffers, not parameters.",
        ),
        `$$P_{\\text{basic}} = 3^2\\cdot ${inC}\\cdot ${w} + 3^2\\cdot ${w}\\cdot ${w} + ${texInt(bnBasic)}_{\\text{BN}}${s === 2 ? ` + ${texInt(inC * w)}_{\\text{proj}}` : ""} = ${texInt(basic)}$$`,
        `$$P_{\\text{bottleneck}} = ${inC}\\cdot ${q} + 3^2\\cdot ${q}\\cdot ${q} + ${q}\\cdot ${w} + ${texInt(bnBottle)}_{\\text{BN}}${s === 2 ? ` + ${texInt(inC * w)}_{\\text{proj}}` : ""} = ${texInt(bottle)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "batchnorm_forgotten",
          message: t(
            lang,
            "Batch norm의 γ, β도 parameter입니다.",
            "Batch norm's γ and β are parameters too.",
          ),
          expected: ints([basic - bnBasic, bottle - bnBottle]),
        },
        ...(s === 2
          ? [
              {
                code: "projection_forgotten",
                message: t(
                  lang,
                  "Projection shortcut(1×1 convolution + BN)을 빠뜨렸습니다.",
                  "You forgot the projection shortcut (1×1 conv + BN).",
                ),
                expected: ints([basic - proj, bottle - proj]),
              },
            ]
          : []),
      ]),
    };
  },
};

export const denseNetChannels: GeneratorDef = {
  info: {
    name: "densenet-channels",
    topic: "DenseNet",
    title: {
      ko: "Dense block과 transition layer 뒤의 channel 수",
      en: "DenseNet channels after a dense block and a transition",
    },
    params: ["in_channels", "growth_rate", "layers", "compression"],
  },
  generate(d, lang) {
    const k0 = d.int("in_channels", { min: 1, max: 2048, choices: [64, 96, 128, 256, 512] });
    const k = d.int("growth_rate", { min: 1, max: 64, choices: [12, 24, 32, 32, 48] });
    const L = d.int("layers", { min: 1, max: 64, choices: [4, 6, 12, 16, 24, 32] });
    const pct = d.int("compression", { min: 10, max: 100, choices: [50, 50, 50, 25, 75] });
    const theta = pct / 100;
    const layers = Array.from({ length: L }, (_, i) =>
      sequential(`l${i}`, [
        layerNode(`l${i}.norm1`, batchNorm2d(k0 + i * k)),
        layerNode(`l${i}.conv1`, conv2d(k0 + i * k, 4 * k, 1, { bias: false })),
        layerNode(`l${i}.conv2`, conv2d(4 * k, k, 3, { padding: 1, bias: false })),
      ]),
    );
    const block = analyzeModel(denseBlock("block", layers), [k0, 8, 8]).output[0]!;
    const trans = Math.floor((block * pct) / 100);
    const check = applyLayer(conv2d(block, trans, 1), [block, 8, 8]).output[0]!;
    const expected = ints([block, check]);
    return {
      params: { in_channels: k0, growth_rate: k, layers: L, compression: pct },
      question: t(
        lang,
        `Channel ${k0}개인 feature map이 growth rate $k=${k}$, layer ${L}개인 dense block에 들어갑니다. 이어서 compression $\\theta=${theta}$인 transition layer(1×1 convolution + 2×2 average pooling)를 지납니다. (1) dense block 출력 channel 수, (2) transition layer 출력 channel 수는? (channel 수는 내림)`,
        `A ${k0}-channel feature map enters a dense block with growth rate $k=${k}$ and ${L} layers, then a transition layer (1×1 conv + 2×2 average pool) with compression $\\theta=${theta}$. Give (1) the channels after the dense block and (2) after the transition (rounded down).`,
      ),
      answerFormat: listFormat(lang, 2, "256; 128"),
      answer: `${block}; ${check}`,
      solution: [
        t(
          lang,
          "각 layer는 이전 모든 출력을 이어 붙인 것을 입력으로 받고 channel $k$개를 추가합니다.",
          "Each layer sees the concatenation of everything before it and adds $k$ channels:",
        ),
        `$$C_{\\text{block}} = k_0 + L\\,k = ${k0} + ${L}\\cdot ${k} = ${block}$$`,
        `$$C_{\\text{transition}} = \\lfloor \\theta\\, C_{\\text{block}} \\rfloor = \\lfloor ${theta}\\cdot ${block} \\rfloor = ${check}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "input_channels_forgotten",
          message: t(
            lang,
            "Block 입력 channel $k_0$도 이어 붙여집니다.",
            "The block's input channels $k_0$ are concatenated too.",
          ),
          expected: ints([L * k, Math.floor((L * k * pct) / 100)]),
        },
        {
          code: "compression_not_applied",
          message: t(
            lang,
            "Transition layer가 channel을 θ배로 줄입니다.",
            "The transition multiplies the channels by θ.",
          ),
          expected: ints([block, block]),
        },
      ]),
    };
  },
};

export const fcVsConv: GeneratorDef = {
  info: {
    name: "fc-vs-conv",
    topic: "FCN",
    title: {
      ko: "FC layer와 같은 convolution (convolutionalization)",
      en: "FC layer vs equivalent convolution (convolutionalization)",
    },
    params: ["channels", "kernel", "out_features", "size"],
  },
  generate(d, lang) {
    const c = d.int("channels", { min: 1, max: 2048, choices: [256, 512, 512] });
    const k = d.int("kernel", { min: 1, max: 16, choices: [6, 7, 7] });
    const n = d.int("out_features", { min: 1, max: 8192, choices: [1024, 4096, 4096] });
    const h = d.int("size", { min: 1, max: 64, choices: [k + 1, k + 3, 2 * k, 10, 12, 16] });
    const w = d.rng.bool(0.6) ? h : h + d.rng.int(1, 6);
    if (h < k) return null;
    const fc = applyLayer(linear(c * k * k, n), [c * k * k]).params;
    const conv = applyLayer(conv2d(c, n, k), [c, h, w]);
    if (conv.params !== fc) return null;
    const [, oh, ow] = conv.output as [number, number, number];
    const expected = ints([conv.params, oh, ow]);
    return {
      params: { channels: c, kernel: k, out_features: n, height: h, width: w },
      question: t(
        lang,
        `FC layer가 $${texShape([c, k, k])}$ feature map을 펼친 ${fmtInt(c * k * k)}개 입력을 받아 ${n}개 출력을 냅니다 (bias 있음). 이를 같은 연산의 convolution layer로 바꾸고 $${texShape([c, h, w])}$ feature map에 적용합니다 (stride 1, padding 0). (1) convolution layer의 parameter 수, (2) 출력 높이, (3) 출력 너비는?`,
        `A fully connected layer takes the ${fmtInt(c * k * k)} flattened values of a $${texShape([c, k, k])}$ feature map to ${n} outputs (with bias). It is converted into the equivalent convolution and applied to a $${texShape([c, h, w])}$ feature map (stride 1, padding 0). Give (1) the convolution's parameters, (2) the output height, (3) the output width.`,
      ),
      answerFormat: listFormat(lang, 3, "102,764,544; 6; 6"),
      answer: `${fmtInt(conv.params)}; ${oh}; ${ow}`,
      solution: [
        t(
          lang,
          `FC layer는 ${k}×${k} kernel, ${n}개 filter의 convolution과 같습니다. Parameter는 그대로입니다.`,
          `The FC layer is a convolution with ${n} filters of ${k}×${k}; the parameters are the same:`,
        ),
        `$$P = ${n}\\cdot ${c}\\cdot ${k}^2 + ${n} = ${texInt(conv.params)}$$`,
        t(
          lang,
          "더 큰 입력에서는 공간 출력이 남습니다 (class score map).",
          "On a larger input the spatial output is kept (a map of scores):",
        ),
        `$$H_{\\text{out}} = ${h} - ${k} + 1 = ${oh}, \\quad W_{\\text{out}} = ${w} - ${k} + 1 = ${ow}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "bias_forgotten",
          message: t(
            lang,
            "Bias(filter당 1개)를 빠뜨렸습니다.",
            "You forgot the biases (one per filter).",
          ),
          expected: ints([conv.params - n, oh, ow]),
        },
        {
          code: "fc_has_no_spatial_output",
          message: t(
            lang,
            "Convolutionalization을 하면 공간 출력이 1×1로 고정되지 않습니다.",
            "Once convolutionalized, the output is no longer fixed at 1×1.",
          ),
          expected: ints([conv.params, 1, 1]),
        },
      ]),
    };
  },
};
