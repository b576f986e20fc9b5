/** Exercises on named architectures: VGG, GoogLeNet, ResNet, DenseNet, FCN and whole models. */
import { analyzeModel } from "../../cnn/analyze.ts";
import { batchNorm2d, conv2d, linear } from "../../cnn/layer.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { denseBlock, layerNode, sequential } from "../../cnn/model.ts";
import { GOOGLENET_INCEPTIONS, inceptionModule } from "../../cnn/models/googlenet.ts";
import { analyzeBuiltinModel } from "../../cnn/models/index.ts";
import { resnetBlock } from "../../cnn/models/resnet.ts";
import { receptiveField } from "../../cnn/receptive-field.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";

const ints = (values: number[]) => ({ kind: "integers" as const, values });
const int = (value: number) => ({ kind: "integer" as const, value });
const listFormat = (lang: "ko" | "en", n: number, example: string) =>
  t(
    lang,
    `정수 ${n}개를 세미콜론으로 구분 (예: ${example})`,
    `${n} integers separated by semicolons (e.g. ${example})`,
  );

export const vggStack: GeneratorDef = {
  info: {
    name: "vgg-stack-vs-7x7",
    topic: "VGG",
    title: {
      ko: "3×3 합성곱 쌓기 vs 큰 커널 하나",
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
        `VGG는 큰 커널 대신 3×3 합성곱을 쌓습니다. 채널이 ${c}개로 유지되는 (입력·출력 모두 ${c}채널) 3×3 합성곱 ${n}층(스트라이드 1)과 ${big}×${big} 합성곱 1층을 비교합니다. 편향은 무시합니다. (1) 3×3 ${n}층의 파라미터 수, (2) ${big}×${big} 1층의 파라미터 수, (3) 3×3 ${n}층의 수용 영역 한 변의 길이는?`,
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
          `같은 수용 영역을 ${((1 - stackParams / bigParams) * 100).toFixed(0)}% 적은 파라미터로 얻고, 사이에 ReLU가 ${n - 1}번 더 들어갑니다.`,
          `The same receptive field with ${((1 - stackParams / bigParams) * 100).toFixed(0)}% fewer parameters, and ${n - 1} extra ReLUs in between.`,
        ),
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "bias_counted",
          message: t(lang, "편향은 무시하라고 했습니다.", "Biases were to be ignored."),
          expected: ints([stackParams + n * c, bigParams + c, rf]),
        },
        {
          code: "receptive_field_summed",
          message: t(
            lang,
            "수용 영역은 커널 크기의 합이 아니라 1 + Σ(k−1)입니다.",
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
      ko: "인셉션 가지의 1×1 병목 절감량",
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
        ? t(lang, "곱-누산(MAC) 연산", "multiply-accumulates (MACs)")
        : t(lang, "파라미터", "parameters");
    const expected = int(saved);
    return {
      params: { in_channels: cin, size: h, reduce: red, out_channels: cout, kernel: k, measure },
      question: t(
        lang,
        `인셉션 모듈의 한 가지가 $${texShape(x)}$ 입력에 ${k}×${k} 합성곱(출력 ${cout}채널, 패딩으로 크기 유지)을 적용합니다. 앞에 ${red}채널로 줄이는 1×1 합성곱을 넣으면 ${what}가 얼마나 줄어듭니까? 편향은 무시합니다.`,
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
            "1×1 합성곱 자체의 비용도 빼야 합니다.",
            "The 1×1 convolution has a cost of its own.",
          ),
          expected: int(direct - r2),
        },
        {
          code: "cost_not_saving",
          message: t(
            lang,
            "병목 구조의 비용이 아니라 절감량을 묻습니다.",
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
    title: { ko: "인셉션 모듈의 출력 채널", en: "Inception module output channels" },
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
        `입력이 $${texShape([cin, h, h])}$인 인셉션 모듈${jitter ? "" : ` (GoogLeNet ${name})`}의 가지는 다음과 같습니다: 1×1 합성곱 ${a1}채널; 1×1 ${a3r}채널 → 3×3 ${a3}채널; 1×1 ${a5r}채널 → 5×5 ${a5}채널; 3×3 최대 풀링 → 1×1 ${ap}채널. 모든 가지는 크기를 유지합니다. 출력 채널 수는?`,
        `An Inception module${jitter ? "" : ` (GoogLeNet ${name})`} with a $${texShape([cin, h, h])}$ input has these branches: 1×1 conv, ${a1} channels; 1×1 to ${a3r} then 3×3 to ${a3}; 1×1 to ${a5r} then 5×5 to ${a5}; 3×3 max-pool then 1×1 to ${ap}. All branches keep the spatial size. How many output channels does it have?`,
      ),
      answerFormat: t(lang, "정수 하나 (예: 256)", "One integer (e.g. 256)"),
      answer: String(out),
      solution: [
        t(
          lang,
          "가지의 출력을 채널 방향으로 이어 붙이므로, 각 가지의 마지막 층 채널 수를 더합니다 (축소용 1×1 채널은 중간값).",
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
            "1×1 축소 채널은 출력에 들어가지 않습니다.",
            "The 1×1 reduce channels are not part of the output.",
          ),
          expected: int(a1 + a3r + a3 + a5r + a5 + ap),
        },
        {
          code: "pool_branch_unprojected",
          message: t(
            lang,
            "풀링 가지는 1×1 투영 후의 채널 수를 냅니다.",
            "The pool branch outputs the 1×1 projection's channels.",
          ),
          expected: int(a1 + a3 + a5 + cin),
        },
      ]),
    };
  },
};

export const resnetBlockParams: GeneratorDef = {
  info: {
    name: "resnet-block-params",
    topic: "ResNet",
    title: {
      ko: "기본 블록 vs 병목 블록의 파라미터",
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
        `ResNet 블록의 입력은 ${inC}채널, 출력은 ${w}채널이고 스트라이드는 ${s}입니다${s === 2 ? " (단축 경로는 1×1 합성곱 + 배치 정규화 투영)" : " (항등 단축 경로)"}. 합성곱에는 편향이 없고 각 합성곱 뒤에 배치 정규화(γ, β)가 있습니다. (1) 기본 블록(3×3, 3×3; ${w}채널)과 (2) 병목 블록(1×1 ${q}, 3×3 ${q}, 1×1 ${w})의 학습 가능한 파라미터 수는?`,
        `A ResNet block takes ${inC} channels to ${w} channels with stride ${s}${s === 2 ? " (projection shortcut: 1×1 conv + batch norm)" : " (identity shortcut)"}. Convolutions have no bias; each is followed by batch norm (γ, β). Give the trainable parameters of (1) a basic block (3×3, 3×3 at ${w} channels) and (2) a bottleneck block (1×1 to ${q}, 3×3 at ${q}, 1×1 to ${w}).`,
      ),
      answerFormat: listFormat(lang, 2, "2,365,440; 280,064"),
      answer: `${fmtInt(basic)}; ${fmtInt(bottle)}`,
      solution: [
        t(
          lang,
          "배치 정규화는 채널당 2개(γ, β)이며, 이동 평균·분산은 버퍼라서 세지 않습니다.",
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
            "배치 정규화의 γ, β도 파라미터입니다.",
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
                  "투영 단축 경로(1×1 합성곱 + BN)를 빠뜨렸습니다.",
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
      ko: "덴스 블록과 전이 층 뒤의 채널 수",
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
        `${k0}채널 특징 맵이 성장률 $k=${k}$, 층 ${L}개인 덴스 블록에 들어갑니다. 이어서 압축률 $\\theta=${theta}$인 전이 층(1×1 합성곱 + 2×2 평균 풀링)을 지납니다. (1) 덴스 블록 출력 채널 수, (2) 전이 층 출력 채널 수는? (채널 수는 내림)`,
        `A ${k0}-channel feature map enters a dense block with growth rate $k=${k}$ and ${L} layers, then a transition layer (1×1 conv + 2×2 average pool) with compression $\\theta=${theta}$. Give (1) the channels after the dense block and (2) after the transition (rounded down).`,
      ),
      answerFormat: listFormat(lang, 2, "256; 128"),
      answer: `${block}; ${check}`,
      solution: [
        t(
          lang,
          "각 층은 이전 모든 출력을 이어 붙인 것을 입력으로 받고 $k$채널을 추가합니다.",
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
            "블록 입력 채널 $k_0$도 이어 붙여집니다.",
            "The block's input channels $k_0$ are concatenated too.",
          ),
          expected: ints([L * k, Math.floor((L * k * pct) / 100)]),
        },
        {
          code: "compression_not_applied",
          message: t(
            lang,
            "전이 층이 채널을 θ배로 줄입니다.",
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
      ko: "완전 연결 층과 같은 합성곱 (합성곱화)",
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
        `완전 연결 층이 $${texShape([c, k, k])}$ 특징 맵을 펼친 ${fmtInt(c * k * k)}개 입력을 받아 ${n}개 출력을 냅니다 (편향 있음). 이를 같은 연산의 합성곱 층으로 바꾸고 $${texShape([c, h, w])}$ 특징 맵에 적용합니다 (스트라이드 1, 패딩 0). (1) 합성곱 층의 파라미터 수, (2) 출력 높이, (3) 출력 너비는?`,
        `A fully connected layer takes the ${fmtInt(c * k * k)} flattened values of a $${texShape([c, k, k])}$ feature map to ${n} outputs (with bias). It is converted into the equivalent convolution and applied to a $${texShape([c, h, w])}$ feature map (stride 1, padding 0). Give (1) the convolution's parameters, (2) the output height, (3) the output width.`,
      ),
      answerFormat: listFormat(lang, 3, "102,764,544; 6; 6"),
      answer: `${fmtInt(conv.params)}; ${oh}; ${ow}`,
      solution: [
        t(
          lang,
          `완전 연결 층은 ${k}×${k} 커널, ${n}개 필터의 합성곱과 같습니다. 파라미터는 그대로입니다.`,
          `The FC layer is a convolution with ${n} filters of ${k}×${k}; the parameters are the same:`,
        ),
        `$$P = ${n}\\cdot ${c}\\cdot ${k}^2 + ${n} = ${texInt(conv.params)}$$`,
        t(
          lang,
          "더 큰 입력에서는 공간 출력이 남습니다 (클래스 점수 맵).",
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
            "편향(필터당 1개)을 빠뜨렸습니다.",
            "You forgot the biases (one per filter).",
          ),
          expected: ints([conv.params - n, oh, ow]),
        },
        {
          code: "fc_has_no_spatial_output",
          message: t(
            lang,
            "합성곱화하면 공간 출력이 1×1로 고정되지 않습니다.",
            "Once convolutionalized, the output is no longer fixed at 1×1.",
          ),
          expected: ints([conv.params, 1, 1]),
        },
      ]),
    };
  },
};

const PARAM_MODELS = [
  "alexnet",
  "alexnet-original",
  "vgg11",
  "vgg16",
  "vgg19",
  "vgg16_bn",
  "googlenet",
  "resnet18",
  "resnet34",
  "resnet50",
  "resnet101",
  "resnet152",
  "densenet121",
  "densenet169",
  "densenet201",
  "densenet161",
] as const;

export const modelParams: GeneratorDef = {
  info: {
    name: "model-params",
    topic: "Architectures",
    title: {
      ko: "이름 있는 모델의 전체 파라미터 수",
      en: "Whole-model parameters of a named architecture",
    },
    params: ["model", "approx"],
  },
  generate(d, lang) {
    const name = d.choice("model", PARAM_MODELS);
    const approx = d.choice("approx", ["yes", "no"]) === "yes";
    const a = analyzeBuiltinModel(name);
    const groups = new Map<string, number>();
    let bnChannels = 0;
    let bnLayers = 0;
    for (const l of a.layers) {
      const key =
        /^(layer\d|features\.denseblock\d|features\.transition\d|inception\d|features|classifier)/.exec(
          l.name,
        )?.[1] ?? l.name.split(".")[0]!;
      if (l.params > 0) groups.set(key, (groups.get(key) ?? 0) + l.params);
      if (l.type === "batchnorm2d") {
        bnChannels += l.output[0]!;
        bnLayers += 1;
      }
    }
    const terms = [...groups].map(
      ([k, v]) => `\\underbrace{${texInt(v)}}_{\\text{${k.replace(/_/g, "\\_")}}}`,
    );
    const expected = { kind: "integer" as const, value: a.params, allowApprox: approx };
    const millions = (a.params / 1e6).toFixed(1);
    return {
      params: { model: name, approx: approx ? "yes" : "no" },
      question: t(
        lang,
        `입력 $${texShape(a.input)}$의 ${name} (torchvision 0.14와 같은 구성${name === "googlenet" ? ", 보조 분류기 없음" : ""})의 학습 가능한 파라미터 수는? ${approx ? "백만 단위 근삿값으로 답하세요." : "정확한 값으로 답하세요."}`,
        `How many trainable parameters does ${name} have for a $${texShape(a.input)}$ input (built as torchvision 0.14 does${name === "googlenet" ? ", without auxiliary heads" : ""})? ${approx ? "Answer approximately, in millions." : "Give the exact number."}`,
      ),
      answerFormat: approx
        ? t(lang, "백만 단위 근삿값 (예: 61.1M)", "An approximation in millions (e.g. 61.1M)")
        : t(lang, "정확한 정수 (예: 61,100,840)", "An exact integer (e.g. 61,100,840)"),
      answer: approx ? `${millions}M` : fmtInt(a.params),
      solution: [
        t(
          lang,
          "합성곱은 $C_{\\text{out}} C_{\\text{in}} k^2$ (+편향), 완전 연결은 $n_{\\text{in}} n_{\\text{out}} + n_{\\text{out}}$, 배치 정규화는 채널당 2개입니다. 부분별 합:",
          "Convolutions have $C_{\\text{out}} C_{\\text{in}} k^2$ (+ bias), linear layers $n_{\\text{in}} n_{\\text{out}} + n_{\\text{out}}$, batch norm 2 per channel. Summed by part:",
        ),
        `$$P = ${terms.join(" + ")} = ${texInt(a.params)}${approx ? ` \\approx ${millions}\\,\\text{M}` : ""}$$`,
      ].join("\n\n"),
      expected,
      mistakes:
        bnLayers > 0
          ? distinctMistakes(expected, [
              {
                code: "buffers_counted",
                message: t(
                  lang,
                  "배치 정규화의 이동 평균·분산(버퍼)은 파라미터가 아닙니다.",
                  "Batch norm running statistics are buffers, not parameters.",
                ),
                expected: { kind: "integer", value: a.params + 2 * bnChannels + bnLayers },
              },
            ])
          : [],
    };
  },
};
