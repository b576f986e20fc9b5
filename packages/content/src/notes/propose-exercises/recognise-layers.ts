/**
 * Single-layer computations: convolution output size, parameters and MACs, pooling output size,
 * receptive field, transposed convolution output size.
 */
import type { TParamRanges } from "../../exercises/contract.ts";
import { choices, halvesAndDoubles, kernelNeighbours, put } from "./choice-ranges.ts";
import { integersIn, unique } from "./note-text.ts";
import { inceptionBottleneck, resnetBlockParams, vggStack } from "./recognise-architectures.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import {
  CONV_WORDS,
  chainTails,
  channelNumbers,
  PARAMETER_WORDS,
  type SectionFacts,
  spatialSizes,
} from "./section-facts.ts";

const STRIDE = "stride|스트라이드|보폭|\\bs(?=\\s*=)";
const PADDING = "padding|패딩|\\bp(?=\\s*=)";
/** The size formula: (N − F + 2P)/S + 1, \frac{…}{s} + 1, ⌊…/stride⌋ + 1. */
const SIZE_FORMULA =
  /\/\s*\(?\s*(?:s|stride|스트라이드|\d)\s*\)?\s*(?:\\rfloor|⌋|\])?\s*\+\s*1|\\frac\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}\{\s*(?:s|stride)\s*\}\s*(?:\\rfloor|⌋)?\s*\+\s*1/;
const TRANSPOSED =
  /transpos|deconv|디컨볼루션|디콘볼루션|업샘플링|up-?sampl|전치 ?합성곱|역합성곱|fractionally/;
const SHAPE_ARROW = /\d+×\d+(?:×\d+)?\s*(?:→|에서|->|becomes|to|이 되|가 되)\s*\d+×\d+/;

function kernels(f: SectionFacts): number[] {
  return f.squares.filter((k) => k <= 11);
}

const INPUT_WORD = "input(?: size| image)?|입력(?: 크기| 사이즈| 이미지)?|image size|이미지 크기";
const KERNEL_WORD =
  "kernel(?: size)?|커널(?: 크기| 사이즈)?|filter(?: size)?|필터(?: 크기| 사이즈)?";
/** Symbols as in "W = 32, F = 5, S = 1": read only when the stated result checks out. */
const INPUT_SYMBOL = "\\b[whni](?=\\s*=)";
const KERNEL_SYMBOL = "\\b[fk](?=\\s*=)";

/**
 * The number written after a keyword ("kernel 5", "입력은 32", "stride=2", "kernel 3×3"), unless it
 * counts things ("커널 5개", "filter 64 channels"); with the index where it ends.
 */
function valueAfter(sentence: string, keyword: string): { value: number; end: number } | undefined {
  let re = VALUE_AFTER.get(keyword);
  if (re === undefined) {
    re = valueAfterPattern(keyword);
    VALUE_AFTER.set(keyword, re);
  }
  const m = re.exec(sentence);
  return m ? { value: Number(m[1]), end: m.index + m[0].length } : undefined;
}

const VALUE_AFTER = new Map<string, RegExp>();

function valueAfterPattern(keyword: string): RegExp {
  return new RegExp(
    `(?:${keyword})\\s*(?:[(=:]|은|는|이|가|을|를|of|is)?\\s*(\\d+)(?:×\\d+)*(?![\\d.]|\\s*(?:개|channels?|채널|filters?|필터|장|%|classes|클래스))`,
  );
}

/** "a 32×32 input", "32×32×3 입력", "5×5 kernel", "3×3 필터": the size written before the word. */
const SQUARE_INPUT = /(?<![\d.×])(\d+)×\1(?:×\d+)?\s*(?:크기의\s*)?(?:input|입력)/;
const SQUARE_KERNEL = /(?<![\d.×])(\d+)×\1\s*(?:크기의\s*)?(?:kernel|커널|filter|필터)/;

function squareBefore(sentence: string, re: RegExp): { value: number; end: number } | undefined {
  const m = re.exec(sentence);
  return m ? { value: Number(m[1]), end: m.index + m[0].length } : undefined;
}

/**
 * A convolution worked in one sentence of prose: "입력 32, 커널 5, stride 1이면 출력은 28",
 * "input 224, kernel 7, stride 2, padding 3 → 112", "W = 32, F = 5, S = 1 → 28". It names the
 * input size and the kernel size, and a stride, a padding or a result that the output-size
 * formula gives (written as symbols only the result counts).
 */
export function workedConv(
  sentence: string,
): { size: number; kernel: number; stride?: number; padding?: number } | undefined {
  if (/pool|풀링/.test(sentence) || TRANSPOSED.test(sentence)) return undefined;
  let input = valueAfter(sentence, INPUT_WORD) ?? squareBefore(sentence, SQUARE_INPUT);
  let kernel = valueAfter(sentence, KERNEL_WORD) ?? squareBefore(sentence, SQUARE_KERNEL);
  const words = input !== undefined && kernel !== undefined;
  input ??= valueAfter(sentence, INPUT_SYMBOL);
  kernel ??= valueAfter(sentence, KERNEL_SYMBOL);
  if (input === undefined || kernel === undefined) return undefined;
  const n = input.value;
  const k = kernel.value;
  if (k < 1 || k > 11 || n < 3 || n > 2048) return undefined;
  const stride = valueAfter(sentence, STRIDE)?.value;
  const padding = valueAfter(sentence, PADDING)?.value;
  const s = stride ?? 1;
  const pads = padding !== undefined ? [padding] : /\bsame\b/.test(sentence) ? [(k - 1) / 2] : [0];
  const outs = pads
    .filter((p) => n + 2 * p >= k && s >= 1)
    .map((p) => Math.floor((n - k + 2 * p) / s) + 1);
  const rest = sentence.slice(Math.max(input.end, kernel.end));
  const resultStated = integersIn(rest).some((r) => outs.includes(r));
  const stepsStated = words && (stride !== undefined || padding !== undefined);
  if (!resultStated && !stepsStated) return undefined;
  return {
    size: n,
    kernel: k,
    ...(stride === undefined ? {} : { stride }),
    ...(padding === undefined ? {} : { padding }),
  };
}

export const convOutputShape: ExerciseRecogniser = {
  generator: "conv-output-shape",
  propose(f) {
    const topic = f.has(
      /output (?:size|shape|dimension|volume)|출력(?:의)? ?(?:크기|사이즈|차원|shape)|아웃풋(?:의)? ?(?:크기|사이즈)|feature ?map(?:의)? ?(?:size|크기)|특징 ?맵(?:의)? ?크기/,
    );
    const worked = f.sentences.map(workedConv).filter((w) => w !== undefined);
    const stated =
      worked.length > 0 ||
      f.has(SIZE_FORMULA) ||
      (f.has(CONV_WORDS) && f.has(SHAPE_ARROW)) ||
      (topic && kernels(f).length > 0 && f.after(STRIDE).length > 0);
    if (!stated || !(topic || f.has(CONV_WORDS)) || f.has(TRANSPOSED)) return undefined;
    // The output size of a pooling layer is the pooling exercise's.
    if (f.bodyHas(/pool|풀링/) && !f.bodyHas(CONV_WORDS)) return undefined;
    // "W = 7, F = 3": input size and filter size written as symbols.
    const ks = unique(
      worked
        .map((w) => w.kernel)
        .concat(
          kernels(f),
          f.after("\\b[fk](?=\\s*=)").filter((k) => k <= 11),
        ),
    );
    const sizes = unique(
      worked.map((w) => w.size).concat(spatialSizes(f), f.after("\\b[whni](?=\\s*=)")),
    );
    const strides = f.after(STRIDE).filter((s) => s >= 1 && s <= 8);
    const pads = f.after(PADDING).filter((p) => p <= 10);
    const ranges: TParamRanges = {};
    const kernel = choices(ks, kernelNeighbours(ks).concat(3, 5), { min: 1, max: 11 }, 3);
    put(ranges, "kernel", kernel);
    const size = choices(
      sizes,
      halvesAndDoubles(sizes).concat(32, 28, 64),
      { min: 1, max: 512 },
      4,
    )!;
    // Some size must fit every kernel, whatever the note's sizes.
    if (Math.max(...size) < 11) size.push(32);
    put(ranges, "size", size);
    put(ranges, "stride", choices(strides, [1, 2], { min: 1, max: 4 }, 3));
    put(ranges, "padding", choices(pads, [0, 1], { min: 0, max: 5 }, 3));
    put(
      ranges,
      "out_channels",
      // The channels of the shapes after the first (the input's are not the filters').
      choices(
        chainTails(f).slice(1).flat().concat(channelNumbers(f)),
        [],
        { min: 1, max: 1024 },
        2,
      ),
    );
    ranges.dilation = 1;
    return ranges;
  },
};

/**
 * The note's own layer: "3×3×128×64 = 73,728" (kernel 3, 128 in, 64 out; the stated result tells
 * whether biases count), "(5×5×3+1)×6" (with bias) or "96 filters of 11×11×3".
 */
function convExample(
  f: SectionFacts,
): { k: number; cin: number; cout: number; bias?: boolean } | undefined {
  const withBias = /\(\s*(\d+)×(\d+)×(\d+)\s*\+\s*1\s*\)\s*[×*·]\s*(\d+)/.exec(f.text);
  if (withBias && withBias[1] === withBias[2]) {
    return {
      k: Number(withBias[1]),
      cin: Number(withBias[3]),
      cout: Number(withBias[4]),
      bias: true,
    };
  }
  const four = fourDimExample(f);
  if (four) return four;
  const filter = f.chains.find((c) => c.length === 3 && c[0] === c[1] && c[0]! <= 11);
  const count = f.before("filters?|필터|개의 필터|kernels?|커널").concat(f.after("필터|filters?"));
  if (filter && count.length > 0 && count[0] !== filter[2]) {
    return { k: filter[0]!, cin: filter[2]!, cout: count[0]! };
  }
  return undefined;
}

function fourDimExample(
  f: SectionFacts,
): { k: number; cin: number; cout: number; bias?: boolean } | undefined {
  for (const chain of f.chains) {
    const [a, b, c, d] = chain;
    if (
      chain.length !== 4 ||
      a !== b ||
      a === undefined ||
      c === undefined ||
      d === undefined ||
      a > 11
    )
      continue;
    const weights = a * a * c * d;
    const stated = f.ints;
    const bias = stated.includes(weights + d) ? true : stated.includes(weights) ? false : undefined;
    return bias === undefined ? { k: a, cin: c, cout: d } : { k: a, cin: c, cout: d, bias };
  }
  return undefined;
}

export const convParams: ExerciseRecogniser = {
  generator: "conv-params",
  propose(f) {
    if (!f.has(PARAMETER_WORDS) || !f.has(CONV_WORDS)) return undefined;
    const example = convExample(f);
    const formula = f.has(
      /k\s*[×·*]?\s*k\s*[×·*]\s*c|k\^2\s*[×·*]?\s*c|k_?\{?[hw]\}?\s*[×·*]?\s*k_?\{?[hw]\}?|c_\{?in\}?\s*[×·*]?\s*c_\{?out|\(\s*\d+×\d+×\d+\s*\+\s*1\s*\)\s*[×*·]\s*\d+/,
    );
    const ks = kernels(f);
    if (!example && !formula && ks.length === 0) return undefined;
    // A parameter argument with no example or formula of its own, made about VGG stacks, residual
    // blocks or Inception bottlenecks, is drilled by their exercise rather than this one.
    if (!example && !formula && ARCHITECTURES.some((r) => r.propose(f) !== undefined))
      return undefined;
    const chans = unique(example ? [example.cin, example.cout] : channelNumbers(f));
    const ranges: TParamRanges = {
      groups: f.has(/depthwise|깊이별|채널별 합성곱/) ? ["depthwise", "1"] : "1",
    };
    const kernelValues = example ? [example.k] : ks;
    put(
      ranges,
      "kernel",
      choices(kernelValues, kernelNeighbours(kernelValues).concat(3, 5), { min: 1, max: 11 }, 3),
    );
    const cin = example ? [example.cin] : chans.slice(0, 1);
    const cout = example ? [example.cout] : chans.slice(1, 2);
    put(ranges, "in_channels", choices(cin, halvesAndDoubles(cin), { min: 1, max: 2048 }, 3));
    put(ranges, "out_channels", choices(cout, halvesAndDoubles(cout), { min: 1, max: 4096 }, 3));
    if (example?.bias !== undefined) ranges.bias = String(example.bias);
    else if (f.has(/bias|편향|\+\s*1\b/)) ranges.bias = "true";
    return ranges;
  },
};

const ARCHITECTURES = [vggStack, resnetBlockParams, inceptionBottleneck];

export const convMacs: ExerciseRecogniser = {
  generator: "conv-macs",
  propose(f) {
    const topic = f.has(
      /\bmacs?\b|flops?\b|multiply[- ]?(?:add|accumulate)s?|mult-?adds?|곱셈(?: 횟수| 연산)?|연산량|연산 ?수|계산량|곱-누산/,
    );
    if (!topic || !f.has(CONV_WORDS)) return undefined;
    const stated =
      f.chains.some((c) => c.length >= 3) ||
      f.has(/=\s*\d{4,}/) ||
      f.has(/h_?\{?out\}?|w_?\{?out\}?|k\^2|k×k/);
    if (!stated) return undefined;
    const ks = kernels(f);
    const sizes = spatialSizes(f).filter((s) => s <= 512);
    // Input channels from a shape such as 56×56×64, output channels from "128 channels".
    const shapes = f.chains.filter((c) => c.length === 3 && c[0] === c[1]).map((c) => c[2]!);
    const cin = unique(shapes).slice(0, 1);
    const cout = channelNumbers(f)
      .filter((c) => !cin.includes(c))
      .slice(0, 1);
    const ranges: TParamRanges = { groups: 1 };
    put(ranges, "kernel", choices(ks, [1, 3], { min: 1, max: 11 }, 3));
    put(
      ranges,
      "size",
      choices(sizes, halvesAndDoubles(sizes).concat(28, 56), { min: 1, max: 512 }, 3),
    );
    put(ranges, "in_channels", choices(cin, halvesAndDoubles(cin), { min: 1, max: 2048 }, 3));
    put(ranges, "out_channels", choices(cout, halvesAndDoubles(cout), { min: 1, max: 4096 }, 3));
    put(ranges, "stride", choices(f.after(STRIDE), [1], { min: 1, max: 4 }, 2));
    return ranges;
  },
};

export const poolOutputShape: ExerciseRecogniser = {
  generator: "pool-output-shape",
  propose(f) {
    // RoI and pyramid pooling have exercises of their own.
    if (!f.has(/pool|풀링/) || f.has(/\broi|spp|pyramid|피라미드/)) return undefined;
    const windows = f.squares.filter((k) => k <= 7 && k >= 2);
    const near = /(\d+)×\1[^.\n]{0,25}(?:pool|풀링)|(?:pool|풀링)[^.\n]{0,25}(\d+)×\2/;
    const strides = f.after(STRIDE).filter((s) => s <= 4);
    const stated =
      f.has(near) ||
      f.has(
        /(?:pool|풀링)[^.\n]{0,60}(?:절반|반으로|half|1\/2)|(?:절반|반으로|half|1\/2)[^.\n]{0,60}(?:pool|풀링)/,
      ) ||
      (f.has(SHAPE_ARROW) && windows.length + strides.length > 0);
    if (!stated) return undefined;
    const kernel = choices(windows, [2, 3], { min: 2, max: 7 }, 2)!;
    const maxKernel = Math.max(...kernel);
    const sizes = spatialSizes(f);
    const ranges: TParamRanges = { padding: 0, ceil_mode: "false" };
    put(ranges, "kernel", kernel);
    put(
      ranges,
      "stride",
      choices(
        strides.length > 0 ? strides : kernel.slice(0, 1),
        [2],
        { min: 1, max: maxKernel },
        2,
      ),
    );
    put(
      ranges,
      "size",
      choices(sizes, halvesAndDoubles(sizes).concat(56, 28), { min: 7, max: 512 }, 3),
    );
    const avg = f.has(/avg|average|평균/);
    const max = f.has(/max ?pool|최대 ?풀링|맥스 ?풀링/);
    if (avg !== max) ranges.pool = avg ? "avg" : "max";
    return ranges;
  },
};

export const receptiveField: ExerciseRecogniser = {
  generator: "receptive-field",
  propose(f) {
    const topic = f.has(
      /receptive|수용 ?영역|수용장|수용 필드|(?:볼 수 있는|보는) (?:이미지 )?영역|시야/,
    );
    if (!topic) return undefined;
    const ks = kernels(f);
    const formula = f.has(/\(\s*k_?\{?[il]?\}?\s*-\s*1\s*\)|r_?\{?[l0-9]?\}?\s*=|1\s*\+\s*\\sum/);
    if (ks.length === 0 && !formula) return undefined;
    const counts = [
      ...f.before("layers?|층|번|times|개 층"),
      ...(f.has(/두 ?번|twice|two layers|두 층|2층/) ? [2] : []),
      ...(f.has(/세 ?번|three|세 층|3층/) ? [3] : []),
    ].filter((n) => n >= 2 && n <= 8);
    const ranges: TParamRanges = { dilation: f.has(/dilat|팽창|atrous/) ? ["yes", "no"] : "no" };
    put(ranges, "layers", choices(counts, [2, 3, 4], { min: 1, max: 8 }, 3));
    put(
      ranges,
      "max_kernel",
      choices(
        ks.filter((k) => k >= 3),
        [3, 5],
        { min: 1, max: 11 },
        2,
      ),
    );
    return ranges;
  },
};

export const convTransposeOutputSize: ExerciseRecogniser = {
  generator: "convtranspose-output-size",
  propose(f) {
    if (!f.has(TRANSPOSED)) return undefined;
    const formula = f.has(/\(\s*[a-z_{}]+\s*-\s*1\s*\)\s*[×·*]?\s*(?:s|stride)/);
    const strides = f
      .after(STRIDE)
      .concat(f.before("배|x\\b"))
      .filter((s) => s >= 2 && s <= 32);
    const grows = f.has(
      /(?:크기|사이즈|차원|해상도|size|resolution|dimension)[^.\n]{0,40}(?:확대|확장|키우|커지|늘|복원|enlarg|increas|expand|restor|upsampl|원본|original)|(?:확대|enlarg|upsampl|키우|복원|restor)[^.\n]{0,40}(?:크기|사이즈|차원|해상도|size|resolution)/,
    );
    if (!formula && strides.length === 0 && !grows) return undefined;
    const sizes = f.squares.filter((s) => s >= 3);
    const ranges: TParamRanges = {};
    put(ranges, "stride", choices(strides, [2, 4], { min: 2, max: 32 }, 3));
    put(ranges, "size", choices(sizes, [7, 14], { min: 1, max: 256 }, 3));
    put(
      ranges,
      "classes",
      choices(f.before("classes|클래스|class"), [21], { min: 1, max: 1000 }, 2),
    );
    return ranges;
  },
};

export const LAYER_RECOGNISERS = [
  convOutputShape,
  convParams,
  convMacs,
  poolOutputShape,
  receptiveField,
  convTransposeOutputSize,
];
