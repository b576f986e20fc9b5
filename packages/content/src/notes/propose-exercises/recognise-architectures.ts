/**
 * Architecture computations: VGG's stacked 3×3 vs one large kernel, Inception's 1×1 bottleneck
 * and output channels, residual block parameters, DenseNet growth and transition, FC layers as
 * convolutions, whole-model parameter counts.
 */
import type { TParamRanges } from "../../exercises/contract.ts";
import { choices, halvesAndDoubles, put } from "./choice-ranges.ts";
import { unique } from "./note-text.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import {
  CONV_WORDS,
  chainTails,
  channelNumbers,
  PARAMETER_WORDS,
  spatialSizes,
} from "./section-facts.ts";

const REDUCES =
  /reduc|줄|감소|축소|절감|bottleneck|병목|압축|compress|fewer|\bless\b|적게|적은|save/;

export const vggStack: ExerciseRecogniser = {
  generator: "vgg-stack-vs-7x7",
  propose(f) {
    const large = f.squares.filter((k) => k === 5 || k === 7);
    if (!f.squares.includes(3) || large.length === 0) return undefined;
    // A dilated 3×3 covering 5×5 is about dilation, not stacking.
    if (f.has(/dilat|팽창|atrous/)) return undefined;
    const compares = f.has(
      /쌓|stack|두 ?번|세 ?번|twice|three|two|연속|receptive|수용|param|파라미터|가중치|weights?|대신|instead|보다|than|vs/,
    );
    if (!compares) return undefined;
    const depths = unique(large.map((k) => (k - 1) / 2));
    const ranges: TParamRanges = {};
    put(ranges, "depth", choices(depths, [2, 3], { min: 2, max: 4 }, 3));
    const chans = channelNumbers(f);
    put(ranges, "channels", choices(chans, halvesAndDoubles(chans), { min: 1, max: 1024 }, 3));
    return ranges;
  },
};

export const inceptionBottleneck: ExerciseRecogniser = {
  generator: "inception-bottleneck-savings",
  propose(f) {
    if (!f.squares.includes(1) || !f.has(REDUCES)) return undefined;
    const about = f.has(/incep|인셉션|googlenet|구글넷|bottleneck|병목/);
    if (!about && !f.has(/1×1[^.\n]{0,60}(?:channel|채널|차원|dimension|depth)/)) return undefined;
    const residual = f.has(/resnet|residual|잔차|skip|shortcut/);
    if (residual && !f.has(/incep|인셉션|googlenet|구글넷/)) return undefined;
    const params = f.has(PARAMETER_WORDS);
    const macs = f.has(/연산|계산|computation|\bmacs?\b|flops?|multipl|곱셈/);
    if (!params && !macs && !f.has(/\d+(?:\.\d+)?\s*%|=\s*\d{3,}/)) return undefined;
    const ranges: TParamRanges = {};
    if (params !== macs) ranges.measure = params ? "params" : "macs";
    const chans = unique(channelNumbers(f).concat(chainTails(f).flat()));
    const sorted = [...chans].sort((a, b) => a - b);
    if (sorted.length >= 3) {
      const [reduce, ...rest] = sorted;
      const cin = rest.at(-1)!;
      put(
        ranges,
        "in_channels",
        choices([cin], [192, 256, 480], { min: reduce! + 1, max: 2048 }, 2),
      );
      put(
        ranges,
        "reduce",
        choices([reduce!], [16, 32], { min: 1, max: Math.min(512, cin - 1) }, 2),
      );
      put(ranges, "out_channels", choices(rest.slice(0, -1), [32, 64], { min: 1, max: 1024 }, 3));
    }
    const sizes = spatialSizes(f).filter((n) => n <= 112);
    put(ranges, "size", choices(sizes, [14, 28], { min: 1, max: 112 }, 2));
    const ks = f.squares.filter((k) => k === 3 || k === 5 || k === 7);
    put(ranges, "kernel", choices(ks, [3, 5], { min: 3, max: 7 }, 2));
    return ranges;
  },
};

/** GoogLeNet's modules by their output channels (torchvision). */
const MODULE_OUTPUTS: [string, number][] = [
  ["inception3a", 256],
  ["inception3b", 480],
  ["inception4a", 512],
  ["inception4b", 512],
  ["inception4c", 512],
  ["inception4d", 528],
  ["inception4e", 832],
  ["inception5a", 832],
  ["inception5b", 1024],
];

export const inceptionOutputChannels: ExerciseRecogniser = {
  generator: "inception-output-channels",
  propose(f) {
    if (!f.has(/incep|인셉션/)) return undefined;
    const joins = f.has(/concat|이어 ?붙|연결|합쳐|합치|채널 방향|depth|channel-?wise|쌓/);
    const sum = f.has(/\d+\s*\+\s*\d+\s*\+\s*\d+(?:\s*\+\s*\d+)*\s*=\s*\d+/);
    if (!sum && !(joins && channelNumbers(f).length >= 3)) return undefined;
    const named = MODULE_OUTPUTS.filter(
      ([name, out]) =>
        f.has(new RegExp(name.replace("inception", "(?:inception|인셉션)\\s*\\(?"))) ||
        f.ints.includes(out),
    ).map(([name]) => name);
    const ranges: TParamRanges = {};
    if (named.length > 0) {
      ranges.module = unique([...named.slice(0, 2), "inception3a", "inception4a"]).slice(0, 3);
    }
    return ranges;
  },
};

export const resnetBlockParams: ExerciseRecogniser = {
  generator: "resnet-block-params",
  propose(f) {
    if (
      !f.has(
        /resnet|residual|잔차|skip[- ]?connection|shortcut|identity (?:map|mapping|shortcut)|스킵/,
      )
    )
      return undefined;
    const formula = f.has(/f\s*\(\s*x[^)]*\)\s*\+\s*x\b|x\s*\+\s*f\s*\(\s*x/);
    const bottleneck = f.squares.includes(1) && f.squares.includes(3) && f.has(/bottleneck|병목/);
    const counted = f.has(PARAMETER_WORDS) && (f.squares.length > 0 || f.chains.length > 0);
    if (!formula && !bottleneck && !counted) return undefined;
    const widths = unique(channelNumbers(f).concat(chainTails(f).flat())).filter(
      (w) => w % 8 === 0,
    );
    const ranges: TParamRanges = {};
    put(
      ranges,
      "width",
      choices(widths, halvesAndDoubles(widths).concat(256, 512), { min: 32, max: 2048 }, 3),
    );
    put(ranges, "stride", choices(f.after("stride|스트라이드"), [1, 2], { min: 1, max: 2 }, 2));
    return ranges;
  },
};

export const denseNetChannels: ExerciseRecogniser = {
  generator: "densenet-channels",
  propose(f) {
    if (!f.has(/densenet|dense ?block|dense net|덴스|growth ?rate|성장률/)) return undefined;
    const growth = f.after("growth ?rate|성장률|\\bk").filter((k) => k >= 1 && k <= 64);
    const formula = f.has(
      /k_?\{?0\}?\s*\+\s*(?:\(?\s*l\s*-\s*1\s*\)?\s*[×·*]?\s*k|k\s*[×·*]?\s*\(?\s*l)/,
    );
    const grows = f.has(
      /(?:channel|채널)[^.\n]{0,50}(?:increas|grow|늘|증가|커지|linear|선형|geometric)|(?:concat|이어 ?붙)[^.\n]{0,60}(?:channel|채널)/,
    );
    const transition =
      f.has(/transition|전이|트랜지션/) &&
      (f.squares.includes(1) || f.has(/compression|θ|\\theta|압축|절반|half|reduc|축소/));
    if (growth.length === 0 && !formula && !grows && !transition) return undefined;
    const ranges: TParamRanges = {};
    put(ranges, "growth_rate", choices(growth, [12, 32], { min: 1, max: 64 }, 3));
    put(ranges, "in_channels", choices(f.after("k_?\\{?0\\}?"), [64], { min: 1, max: 2048 }, 2));
    put(
      ranges,
      "layers",
      choices(
        f.after("\\bl\\b|layers|층 수").concat(f.before("layers|개 층|층")),
        [6, 12],
        { min: 1, max: 64 },
        3,
      ),
    );
    const theta = f
      .after("θ|\\\\theta|compression(?: rate| factor)?|압축률")
      .filter((t) => t > 0 && t <= 1);
    put(
      ranges,
      "compression",
      choices(
        theta.map((t) => Math.round(t * 100)),
        [50],
        { min: 10, max: 100 },
        2,
      ),
    );
    return ranges;
  },
};

export const fcVsConv: ExerciseRecogniser = {
  generator: "fc-vs-conv",
  propose(f) {
    const fc =
      /\bfc\b|fc ?(?:층|layer)|fully[- ]?connected|완전 ?연결|전결합|dense layer|덴스 레이어|linear layer/;
    if (!f.has(fc) || !f.has(CONV_WORDS)) return undefined;
    const replaced = f.has(
      /convolutionali[sz]|합성곱화|(?:\d+×\d+)[^.\n]{0,60}(?:fc|fully|완전|dense)|(?:fc|fully|완전|dense)[^.\n]{0,60}(?:\d+×\d+)/,
    );
    if (!replaced || f.squares.length === 0) return undefined;
    const ranges: TParamRanges = {};
    // The first FC layer reads a k×k map (VGG: 7×7×512); 3×3 kernels written nearby are not it.
    const maps = f.squares.filter((k) => k >= 5 && k <= 16);
    put(ranges, "kernel", choices(maps, [7, 6], { min: 1, max: 16 }, 2));
    const chans = channelNumbers(f).concat(chainTails(f).flat());
    put(ranges, "channels", choices(chans, [512, 256], { min: 1, max: 2048 }, 2));
    put(
      ranges,
      "out_features",
      choices(
        f.ints.filter((n) => n === 4096 || n === 1024 || n === 1000),
        [4096],
        { min: 1, max: 8192 },
        2,
      ),
    );
    return ranges;
  },
};

/** Model names as notes write them → the exercise's built-in model. */
const MODELS: [RegExp, string][] = [
  [/alexnet/, "alexnet"],
  [/vgg-?16(?!_)/, "vgg16"],
  [/vgg-?19/, "vgg19"],
  [/vgg-?11/, "vgg11"],
  [/googlenet|inception v1/, "googlenet"],
  [/resnet-?18\b/, "resnet18"],
  [/resnet-?34\b/, "resnet34"],
  [/resnet-?50\b/, "resnet50"],
  [/resnet-?101\b/, "resnet101"],
  [/resnet-?152\b/, "resnet152"],
  [/densenet-?121\b/, "densenet121"],
  [/densenet-?169\b/, "densenet169"],
  [/densenet-?201\b/, "densenet201"],
];

export const modelParams: ExerciseRecogniser = {
  generator: "model-params",
  propose(f) {
    if (!f.has(PARAMETER_WORDS)) return undefined;
    const count = f.has(/\d+(?:\.\d+)?\s*(?:m\b|million|백만|천만|억|만 ?개)|\d{7,}/);
    if (!count) return undefined;
    const named = MODELS.filter(([re]) => f.has(re)).map(([, name]) => name);
    if (named.length === 0) return undefined;
    return { model: unique(named).slice(0, 4), approx: "yes" };
  },
};

export const ARCHITECTURE_RECOGNISERS = [
  vggStack,
  inceptionBottleneck,
  inceptionOutputChannels,
  resnetBlockParams,
  denseNetChannels,
  fcVsConv,
  modelParams,
];
