/**
 * Sequence-layer computations: parameters of an RNN / LSTM / GRU layer, and the head size and
 * parameters of multi-head attention. A section states one when it writes the formula (in symbols)
 * or a worked example whose result checks out against the calculator; the note's numbers become
 * one variant.
 */
import type { TParamRanges } from "../../exercises/contract.ts";
import {
  attentionParams,
  RECURRENT_CELLS,
  recurrentParams,
} from "../../exercises/generators/sequence-layers.ts";
import { choices, halvesAndDoubles, put } from "./choice-ranges.ts";
import { unique } from "./note-text.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import { PARAMETER_WORDS, type SectionFacts } from "./section-facts.ts";

type Cell = (typeof RECURRENT_CELLS)[number];

const CELL_WORDS: Record<Cell, RegExp> = {
  lstm: /lstm|장단기 ?메모리|long short-term/,
  gru: /\bgrus?\b|gated recurrent|게이트 ?순환/,
  rnn: /\b(?:vanilla |elman )?rnns?\b(?!\s*(?:계열|family))|순환 ?신경망|recurrent (?:neural )?net|simple ?rnn/,
};
const RNN_WORDS = /lstm|\bgrus?\b|\brnns?\b|recurrent|순환|장단기 ?메모리/;

/** A hidden size and an input size written as symbols, in a sum with a product. */
const HIDDEN_SYMBOL =
  /(?<![a-z])(?:h|n|d_?\{*h\}*|hidden(?:_size| size)?|units?|은닉(?: ?상태)?(?: 크기| 차원)?)(?![a-ln-wyz])/;
/** x or m, also right after h or n ("hx", "nm": a product written by juxtaposition). */
const INPUT_SYMBOL =
  /(?<![a-gi-mo-z])(?:x|m|d_?\{*(?:x|in)\}*|input(?:_size| size)?|입력(?: 크기| 차원)?)(?![a-z])/;
/** h_t, x_t, h_{t-1}: a forward equation, not a count. */
const TIME_INDEX = /[hxc]_\{*t\b|\(t\s*-\s*1\)|\[t\]/;
/** A product: ×, ·, *, a square (NFKC reads ² as 2: "h2"), or juxtaposition before "(". */
const PRODUCT = /[×·*]|\^\s*\{?2|(?<=[a-z}])2\b|[a-z0-9})]\s*\(/;
/** Gate equations (σ(W[h, x] + b)) combine the same symbols but count nothing. */
const ACTIVATION = /σ|\\sigma|sigmoid|tanh|relu|softmax|odot|⊙|∘/;

/** The gate multiplier in front of a formula: 4(…) for an LSTM, 3(…) for a GRU. */
function gateCell(sentence: string): Cell | undefined {
  const m = /(?<![\w.])([34])\s*[×·*]?\s*[([]?\s*(?:h|n|d_|hidden|units?|은닉|\(|\[)/.exec(
    sentence,
  );
  return m ? (m[1] === "4" ? "lstm" : "gru") : undefined;
}

function recurrentFormula(sentence: string): boolean {
  return (
    HIDDEN_SYMBOL.test(sentence) &&
    INPUT_SYMBOL.test(sentence) &&
    sentence.includes("+") &&
    PRODUCT.test(sentence) &&
    !TIME_INDEX.test(sentence) &&
    !ACTIVATION.test(sentence)
  );
}

interface RecurrentExample {
  cells: Cell[];
  input: number;
  hidden: number;
  layers: number;
  bidirectional: boolean;
}

const CALL =
  /nn\.(rnn|lstm|gru)\(\s*(?:input_size\s*=\s*)?(\d+)\s*,\s*(?:hidden_size\s*=\s*)?(\d+)(?:\s*,\s*(?:num_layers\s*=\s*)?(\d+))?/;

/** The sizes the section gives: a PyTorch call, or "hidden size 128" and "input size 64". */
function recurrentSizes(f: SectionFacts, cells: Cell[]): RecurrentExample[] {
  const call = CALL.exec(f.text);
  const layersStated = f
    .after("num_layers|layers?|층 수|층")
    .concat(f.before("layers?|층|-layer|stacked"))
    .filter((n) => n >= 1 && n <= 8);
  const bidirectional = /bidirectional\s*=\s*true|bidirectional|양방향|bi-?lstm|bi-?gru/.test(
    f.text,
  );
  if (call) {
    return [
      {
        cells: [call[1] as Cell],
        input: Number(call[2]),
        hidden: Number(call[3]),
        layers: call[4] === undefined ? 1 : Number(call[4]),
        bidirectional,
      },
    ];
  }
  const hidden = f
    .after(
      "hidden(?:_size| size| units?| state(?: size)?| dim(?:ension)?)?|은닉(?: ?상태)?(?: 크기| 차원| 유닛| 노드)?(?: 수)?|\\bh(?=\\s*=)|d_?\\{*h\\}*(?=\\s*=)",
    )
    .concat(f.before("hidden units?|hidden|은닉 ?(?:유닛|노드|차원)|units?"));
  const input = f.after(
    "input(?:_size| size| dim(?:ension)?| features?)?|입력(?: ?벡터)?(?: 크기| 차원)?|\\bx(?=\\s*=)|d_?\\{*(?:x|in)\\}*(?=\\s*=)|embedding(?: dim(?:ension)?| size)?|임베딩(?: 차원| 크기)?",
  );
  const out: RecurrentExample[] = [];
  for (const h of unique(hidden).filter((n) => n >= 1 && n <= 4096))
    for (const x of unique(input).filter((n) => n >= 1 && n <= 4096))
      for (const layers of layersStated.length > 0 ? unique(layersStated) : [1])
        out.push({ cells, input: x, hidden: h, layers, bidirectional });
  return out;
}

/** The counts a note may state: PyTorch's (two biases), one bias (Keras, textbooks), no bias. */
function recurrentCounts(cell: Cell, e: RecurrentExample): number[] {
  const o = {
    input: e.input,
    hidden: e.hidden,
    layers: e.layers,
    bidirectional: e.bidirectional,
  };
  const noBias = recurrentParams(cell, { ...o, bias: false });
  const pytorch = recurrentParams(cell, { ...o, bias: true });
  return [pytorch, (noBias + pytorch) / 2, noBias];
}

function mentionedCells(f: SectionFacts): Cell[] {
  return RECURRENT_CELLS.filter((c) => f.has(CELL_WORDS[c]));
}

export const rnnParams: ExerciseRecogniser = {
  generator: "rnn-params",
  propose(f) {
    if (!f.has(RNN_WORDS) || !f.has(PARAMETER_WORDS)) return undefined;
    const formula = f.sentences.find(recurrentFormula);
    const mentioned = mentionedCells(f);
    const fromFormula = formula === undefined ? undefined : gateCell(formula);
    const cells: Cell[] = fromFormula ? [fromFormula] : mentioned.length > 0 ? mentioned : ["rnn"];
    const stated = new Set(f.ints);
    const sizes = recurrentSizes(f, cells);
    const worked = sizes.filter((e) =>
      e.cells.some((c) => recurrentCounts(c, e).some((n) => stated.has(n))),
    );
    if (formula === undefined && worked.length === 0) return undefined;
    // The worked example, else the sizes written next to the formula.
    const example = worked[0] ?? sizes[0];
    const ranges: TParamRanges = {
      cell: example ? example.cells : cells,
      bias: /bias\s*=\s*false/.test(f.text) ? "false" : "true",
    };
    if (example) {
      const x = [example.input];
      const h = [example.hidden];
      put(ranges, "input_size", choices(x, halvesAndDoubles(x), { min: 1, max: 4096 }, 3));
      put(ranges, "hidden_size", choices(h, halvesAndDoubles(h), { min: 1, max: 4096 }, 3));
      put(ranges, "num_layers", choices([example.layers], [1, 2], { min: 1, max: 8 }, 2));
      ranges.bidirectional = example.bidirectional ? ["true", "false"] : "false";
    } else {
      ranges.num_layers = 1;
      ranges.bidirectional = "false";
    }
    return ranges;
  },
};

const ATTENTION_WORDS = /attention|attends?\b|\bmha\b|어텐션|transformer|트랜스포머/;
const HEAD_WORDS = /multi-?head|멀티 ?헤드|다중 ?헤드|heads?\b|헤드|num_heads|nhead/;
const DK_SYMBOL =
  /(?<![a-z])d_?\{*\s*[kv]\s*\}*(?![a-z])|head_?dim|헤드(?: ?당| ?별|의)? ?차원|dimension (?:of each|per) head|per-head dim/;
const MODEL_TERM = String.raw`(?:d_?\{*\s*model\s*\}*|embed_?dim|\bd\b|\be\b)`;
const HEADS_TERM = String.raw`(?:\bh\b|num_heads|n_?heads?|heads?\b|헤드(?: ?수| 개수)?)`;
/**
 * d_model divided by the number of heads: "d_model / h", "\frac{d_{model}}{h}",
 * "d_model 을 head 수로 나눈", "embed_dim divided by num_heads". (√d_k's division is not it.)
 */
const MODEL_OVER_HEADS = new RegExp(
  [
    String.raw`${MODEL_TERM}\s*(?:\/\/?|÷)\s*${HEADS_TERM}`,
    String.raw`\\frac\s*\{\s*${MODEL_TERM}\s*\}\s*\{\s*${HEADS_TERM}\s*\}`,
    String.raw`${MODEL_TERM}[^.\n]{0,30}(?:divided by|split (?:across|among|into))[^.\n]{0,20}${HEADS_TERM}`,
    String.raw`${MODEL_TERM}[^.\n]{0,30}${HEADS_TERM}[^.\n]{0,10}(?:로|으로) ?나`,
  ].join("|"),
);

const MODEL_KEYWORD =
  "d_?\\{*\\s*model\\s*\\}*|embed_?dim|embedding dim(?:ension)?|임베딩 차원|모델 차원";
/** "num_heads=8", "h = 8", "heads: 8", "헤드 수 8" (not "heads of 64 dimensions"). */
const HEADS_AFTER = "num_heads|nhead|\\bh(?=\\s*=)|heads?(?=\\s*[=:])|헤드(?: ?수| 개수)?";
const HEADS_BEFORE = "heads?|개의 헤드|헤드|개 헤드";
const DK_KEYWORD = "d_?\\{*\\s*[kv]\\s*\\}*|head_?dim|헤드(?: ?당| ?별|의)? ?차원";
const MHA_CALL =
  /nn\.multiheadattention\(\s*(?:embed_dim\s*=\s*)?(\d+)\s*,\s*(?:num_heads\s*=\s*)?(\d+)/;
/** 4d², 4·d_model^2, 4 × 512²: the four d×d projections. */
const FOUR_SQUARES =
  /(?<![\w.])4\s*[×·*]?\s*(?:d_?\{*\s*model\s*\}*|d|e|embed_?dim|\d+)\s*(?:\^\s*\{?2|(?<=[a-z}])2\b)/;

/** Embedding sizes the generator draws when the note gives none. */
const DEFAULT_MODELS = [256, 384, 512, 768, 1024];

function divisors(e: number, heads: readonly number[]): number[] {
  return heads.filter((h) => e % h === 0);
}

export const multiheadAttention: ExerciseRecogniser = {
  generator: "multihead-attention",
  propose(f) {
    if (!f.has(ATTENTION_WORDS) || !f.has(HEAD_WORDS)) return undefined;
    const call = MHA_CALL.exec(f.text);
    const models = unique([...(call ? [Number(call[1])] : []), ...f.after(MODEL_KEYWORD)]).filter(
      (n) => Number.isInteger(n) && n >= 1 && n <= 8192,
    );
    const heads = unique([
      ...(call ? [Number(call[2])] : []),
      ...f.after(HEADS_AFTER),
      ...f.before(HEADS_BEFORE),
    ]).filter((n) => Number.isInteger(n) && n >= 1 && n <= 128);
    const dks = f.after(DK_KEYWORD);

    // "512 / 8 = 64" in a section about heads.
    const divisions = [...f.text.matchAll(/(?<![\d.])(\d+)\s*(?:\/|÷)\s*(\d+)\s*=\s*(\d+)/g)]
      .map((m) => [Number(m[1]), Number(m[2]), Number(m[3])] as const)
      .filter(([e, h, d]) => h >= 1 && h <= 128 && e <= 8192 && e === h * d);
    const dkFormula = f.sentences.some((s) => DK_SYMBOL.test(s) && MODEL_OVER_HEADS.test(s));
    const dkWorked = models.flatMap((e) =>
      heads.filter((h) => e % h === 0 && dks.includes(e / h)).map((h) => [e, h] as const),
    );
    const headDim = dkFormula || dkWorked.length > 0 || divisions.length > 0;
    const stated = new Set(f.ints);
    const paramWorked = f.has(PARAMETER_WORDS)
      ? models.filter((e) => [true, false].some((b) => stated.has(attentionParams(e, 1, b))))
      : [];
    const params =
      paramWorked.length > 0 ||
      (f.has(PARAMETER_WORDS) && f.sentences.some((s) => FOUR_SQUARES.test(s)));
    if (!headDim && !params) return undefined;
    const noteModels = unique([
      ...dkWorked.map(([e]) => e),
      ...divisions.map(([e]) => e),
      ...paramWorked,
      ...models,
      // "d_k = d_model / h = 64" with h = 8 but no d_model written: the size the heads share.
      ...(models.length > 0 ? [] : heads.flatMap((h) => dks.map((d) => h * d))).filter(
        (e) => e <= 8192,
      ),
    ]);
    const noteHeads = unique([
      ...dkWorked.map(([, h]) => h),
      ...divisions.map(([, h]) => h),
      ...heads,
    ]);
    const ranges: TParamRanges = {
      ask: headDim && params ? ["head_dim", "params"] : headDim ? "head_dim" : "params",
      bias: /bias\s*=\s*false/.test(f.text) ? "false" : "true",
    };
    const e = choices(noteModels, [], { min: 1, max: 8192 }, 2);
    const firstModel = e?.[0];
    // Heads that divide the note's embedding size (PyTorch refuses the others), then neighbours.
    const h = choices(
      firstModel === undefined
        ? noteHeads.filter((n) => DEFAULT_MODELS.some((v) => v % n === 0))
        : divisors(firstModel, noteHeads),
      firstModel === undefined
        ? []
        : divisors(firstModel, halvesAndDoubles(noteHeads).concat(8, 4, 1)),
      { min: 1, max: 128 },
      3,
    );
    put(ranges, "num_heads", h);
    if (e !== undefined) {
      // More embedding sizes that every head count divides.
      const extras = halvesAndDoubles(e).filter((v) => (h ?? [1]).every((n) => v % n === 0));
      put(ranges, "embed_dim", choices(e, extras, { min: 1, max: 8192 }, 3));
    }
    return ranges;
  },
};

export const SEQUENCE_RECOGNISERS = [rnnParams, multiheadAttention];
