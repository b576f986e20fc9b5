/**
 * Exercises on sequence layers: parameters of nn.RNN / nn.LSTM / nn.GRU, and the head size and
 * parameters of nn.MultiheadAttention. Every count comes from the layer calculator (checked against
 * PyTorch); the worked solutions break it down with the calculator too.
 */
import { RECURRENT_GATES, type RecurrentLayer } from "../../cnn/layer-more.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import type { ExerciseMistake } from "../contract.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt } from "../number-format.ts";

export const RECURRENT_CELLS = ["rnn", "lstm", "gru"] as const;
type Cell = (typeof RECURRENT_CELLS)[number];

const CELL_CLASS: Record<Cell, string> = { rnn: "RNN", lstm: "LSTM", gru: "GRU" };

/** Parameters of a recurrent layer, by the calculator (one sequence step is enough). */
export function recurrentParams(
  cell: Cell,
  o: { input: number; hidden: number; layers: number; bias: boolean; bidirectional: boolean },
): number {
  const layer: RecurrentLayer = {
    type: cell,
    inputSize: o.input,
    hiddenSize: o.hidden,
    numLayers: o.layers,
    bias: o.bias,
    batchFirst: false,
    bidirectional: o.bidirectional,
    projSize: 0,
  };
  return applyLayer(layer, [1, o.input]).params;
}

/** The PyTorch call as a learner would write it (defaults left out). */
function recurrentCall(
  cell: Cell,
  x: number,
  h: number,
  layers: number,
  bias: boolean,
  bidirectional: boolean,
): string {
  const args = [
    `input_size=${x}`,
    `hidden_size=${h}`,
    ...(layers > 1 ? [`num_layers=${layers}`] : []),
    ...(bias ? [] : ["bias=False"]),
    ...(bidirectional ? ["bidirectional=True"] : []),
  ];
  return `nn.${CELL_CLASS[cell]}(${args.join(", ")})`;
}

export const rnnParams: GeneratorDef = {
  info: {
    name: "rnn-params",
    topic: "RNN",
    title: {
      ko: "RNN·LSTM·GRU layer의 parameter 수",
      en: "Parameters of an RNN, LSTM or GRU layer",
    },
    params: ["cell", "input_size", "hidden_size", "num_layers", "bias", "bidirectional"],
  },
  generate(d, lang) {
    const cell = d.choice("cell", RECURRENT_CELLS, ["rnn", "lstm", "lstm", "gru"]);
    const x = d.int("input_size", {
      min: 1,
      max: 4096,
      choices: [10, 28, 32, 64, 100, 128, 256, 300, 512],
    });
    const h = d.int("hidden_size", {
      min: 1,
      max: 4096,
      choices: [16, 20, 32, 50, 64, 128, 256, 512],
    });
    const layers = d.int("num_layers", { min: 1, max: 8, choices: [1, 1, 2, 2, 3] });
    const bias = d.choice("bias", ["true", "false"], ["true", "true", "true", "false"]) === "true";
    const bidirectional =
      d.choice("bidirectional", ["true", "false"], ["false", "false", "true"]) === "true";
    const dirs = bidirectional ? 2 : 1;
    const gates = RECURRENT_GATES[cell];
    const total = recurrentParams(cell, { input: x, hidden: h, layers, bias, bidirectional });
    // One direction of the first layer, and of a layer above it (fed the previous layer's output).
    const one = { hidden: h, layers: 1, bias, bidirectional: false };
    const first = recurrentParams(cell, { ...one, input: x });
    const upperInput = dirs * h;
    const upper = layers > 1 ? recurrentParams(cell, { ...one, input: upperInput }) : 0;
    const biasPerLayer = bias ? 2 * gates * h : 0;
    const call = recurrentCall(cell, x, h, layers, bias, bidirectional);
    const name = CELL_CLASS[cell];
    const gateNames = {
      rnn: t(lang, "gate 없이 하나", "one, no gates"),
      lstm: t(lang, "input·forget·cell·output", "input, forget, cell, output"),
      gru: t(lang, "reset·update·new", "reset, update, new"),
    }[cell];
    const layerLine = (label: string, input: number, p: number) =>
      `$$${label} = ${gates} \\cdot ${h} \\cdot (${input} + ${h})${bias ? ` + 2 \\cdot ${gates} \\cdot ${h} = ${texInt(p - biasPerLayer)} + ${texInt(biasPerLayer)}` : ""} = ${texInt(p)}$$`;
    const totalTex =
      layers === 1
        ? dirs === 1
          ? `P = P_1 = ${texInt(total)}`
          : `P = 2 \\cdot P_1 = 2 \\cdot ${texInt(first)} = ${texInt(total)}`
        : `P = ${dirs === 2 ? "2 \\cdot " : ""}(P_1 + ${layers - 1 > 1 ? `${layers - 1} \\cdot ` : ""}P_2) = ${dirs === 2 ? "2 \\cdot " : ""}(${texInt(first)} + ${layers - 1 > 1 ? `${layers - 1} \\cdot ` : ""}${texInt(upper)}) = ${texInt(total)}`;
    const expected = { kind: "integer" as const, value: total };
    const mistakes: ExerciseMistake[] = [
      bias
        ? {
            code: "bias_once",
            message: t(
              lang,
              "PyTorch는 gate 묶음마다 bias를 두 개(b_ih, b_hh) 둡니다. 하나만 세면 Keras·교과서식 개수입니다.",
              "PyTorch keeps two bias vectors (b_ih and b_hh) per gate block; counting one gives the Keras / textbook count.",
            ),
            expected: { kind: "integer", value: total - (dirs * layers * biasPerLayer) / 2 },
          }
        : {
            code: "bias_counted",
            message: t(lang, "이 layer는 bias=False입니다.", "This layer has bias=False."),
            expected: { kind: "integer", value: total + dirs * layers * 2 * gates * h },
          },
      ...(gates > 1
        ? [
            {
              code: "gates_forgotten",
              message: t(
                lang,
                `${name}에는 gate 묶음이 ${gates}개 있고, 묶음마다 가중치가 따로 있습니다.`,
                `nn.${name} has ${gates} gate blocks, each with its own weights.`,
              ),
              expected: { kind: "integer" as const, value: total / gates },
            },
          ]
        : []),
      ...(bidirectional
        ? [
            {
              code: "direction_forgotten",
              message: t(
                lang,
                "양방향(bidirectional)이면 방향마다 가중치가 따로 있습니다: 2배입니다.",
                "A bidirectional layer has separate weights for each direction: twice as many.",
              ),
              expected: {
                kind: "integer" as const,
                value: recurrentParams(cell, { ...one, input: x, layers }),
              },
            },
          ]
        : []),
      ...(layers > 1
        ? [
            {
              code: "upper_input_size",
              message: t(
                lang,
                `두 번째 layer부터는 input_size가 아니라 아래 layer의 출력(${upperInput}개 feature)을 받습니다.`,
                `Layers above the first take the previous layer's output (${upperInput} features), not input_size.`,
              ),
              expected: { kind: "integer" as const, value: dirs * layers * first },
            },
          ]
        : []),
      ...(layers > 1 && bidirectional
        ? [
            {
              code: "bidirectional_output_halved",
              message: t(
                lang,
                `양방향 layer의 출력은 두 방향을 이어 붙인 ${upperInput}개 feature입니다.`,
                `A bidirectional layer outputs both directions concatenated: ${upperInput} features.`,
              ),
              expected: {
                kind: "integer" as const,
                value: 2 * (first + (layers - 1) * recurrentParams(cell, { ...one, input: h })),
              },
            },
          ]
        : []),
    ];
    return {
      params: {
        cell,
        input_size: x,
        hidden_size: h,
        num_layers: layers,
        bias: String(bias),
        bidirectional: String(bidirectional),
      },
      question: t(
        lang,
        `PyTorch \`${call}\`의 학습 가능한 parameter 수는? (입력 크기 ${x}, hidden 크기 ${h}, ${layers}층${bidirectional ? ", 양방향" : ""}, ${bias ? "bias 있음" : "bias 없음"})`,
        `How many trainable parameters does PyTorch's \`${call}\` have? (Input size ${x}, hidden size ${h}, ${layers} layer${layers > 1 ? "s" : ""}${bidirectional ? ", bidirectional" : ""}, ${bias ? "with biases" : "without biases"}.)`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 99,328)", "An exact integer (e.g. 99,328)"),
      answer: fmtInt(total),
      solution: [
        t(
          lang,
          `nn.${name}의 layer·방향마다 gate 묶음이 $G = ${gates}$개(${gateNames})입니다. 묶음마다 입력 가중치 $W_{ih}$ ($h \\times x_\\ell$)와 순환 가중치 $W_{hh}$ ($h \\times h$)가 있고, ${bias ? "PyTorch는 bias를 두 개($b_{ih}$, $b_{hh}$) 둡니다" : "bias=False라 bias는 없습니다"}:`,
          `Each layer and direction of nn.${name} has $G = ${gates}$ gate block${gates > 1 ? "s" : ""} (${gateNames}). Each block has input weights $W_{ih}$ ($h \\times x_\\ell$) and recurrent weights $W_{hh}$ ($h \\times h$)${bias ? ", and PyTorch keeps two biases ($b_{ih}$ and $b_{hh}$)" : "; with bias=False there are no biases"}:`,
        ),
        `$$P_\\ell = G\\,h\\,(x_\\ell + h)${bias ? " + 2\\,G\\,h" : ""}$$`,
        t(
          lang,
          `첫 layer는 $x_1 = ${x}$ (input_size):`,
          `The first layer has $x_1 = ${x}$ (input_size):`,
        ),
        layerLine("P_1", x, first),
        ...(layers > 1
          ? [
              t(
                lang,
                `그 위 layer들은 아래 layer의 출력을 받습니다: $x_\\ell = ${bidirectional ? `2h = ${upperInput}` : `h = ${h}`}$${bidirectional ? " (두 방향을 이어 붙임)" : ""}:`,
                `The layers above take the previous layer's output: $x_\\ell = ${bidirectional ? `2h = ${upperInput}` : `h = ${h}`}$${bidirectional ? " (both directions concatenated)" : ""}:`,
              ),
              layerLine("P_2", upperInput, upper),
            ]
          : []),
        t(
          lang,
          `합계${bidirectional ? " (방향 2개)" : ""}:`,
          `In total${bidirectional ? " (two directions)" : ""}:`,
        ),
        `$$${totalTex}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, mistakes),
    };
  },
};

/** Parameters of self-attention nn.MultiheadAttention(e, heads, bias), by the calculator. */
export function attentionParams(e: number, heads: number, bias: boolean): number {
  return applyLayer(
    {
      type: "multiheadattention",
      embedDim: e,
      numHeads: heads,
      bias,
      addBiasKv: false,
      kdim: e,
      vdim: e,
      addZeroAttn: false,
      dropout: 0,
      batchFirst: false,
    },
    [1, e],
  ).params;
}

export const ATTENTION_QUESTIONS = ["head_dim", "params"] as const;

export const multiheadAttention: GeneratorDef = {
  info: {
    name: "multihead-attention",
    topic: "Transformer",
    title: {
      ko: "Multi-head attention의 head 차원과 parameter 수",
      en: "Head size and parameters of multi-head attention",
    },
    params: ["embed_dim", "num_heads", "bias", "ask"],
  },
  generate(d, lang) {
    const e = d.int("embed_dim", {
      min: 1,
      max: 8192,
      choices: [64, 128, 256, 384, 512, 768, 1024],
    });
    const heads = d.int("num_heads", { min: 1, max: 128, choices: [2, 4, 6, 8, 8, 12, 16] });
    const bias = d.choice("bias", ["true", "false"], ["true", "true", "true", "false"]) === "true";
    const ask = d.choice("ask", ATTENTION_QUESTIONS);
    // PyTorch refuses an embed_dim its heads do not divide.
    if (e % heads !== 0) return null;
    const dk = e / heads;
    const call = `nn.MultiheadAttention(embed_dim=${e}, num_heads=${heads}${bias || ask === "head_dim" ? "" : ", bias=False"})`;
    const params = { embed_dim: e, num_heads: heads, bias: String(bias), ask };
    if (ask === "head_dim") {
      const expected = { kind: "integer" as const, value: dk };
      return {
        params,
        question: t(
          lang,
          `$d_{\\text{model}} = ${e}$, head ${heads}개인 multi-head attention (PyTorch \`${call}\`)에서 head 하나의 query·key 차원 $d_k$는?`,
          `In multi-head attention with $d_{\\text{model}} = ${e}$ and ${heads} heads (PyTorch \`${call}\`), what is the query/key dimension $d_k$ of one head?`,
        ),
        answerFormat: t(lang, "정수 (예: 64)", "An integer (e.g. 64)"),
        answer: String(dk),
        solution: [
          t(
            lang,
            "Q, K, V 투영의 출력 $d_{\\text{model}}$개 feature를 head들이 똑같이 나눠 가집니다 (PyTorch의 `head_dim`; 나누어떨어지지 않으면 오류):",
            "The heads split the $d_{\\text{model}}$ features of the Q, K and V projections evenly (PyTorch's `head_dim`; it refuses sizes that do not divide):",
          ),
          `$$d_k = d_v = \\frac{d_{\\text{model}}}{h} = \\frac{${e}}{${heads}} = ${dk}$$`,
        ].join("\n\n"),
        expected,
        mistakes: distinctMistakes(expected, [
          {
            code: "not_split",
            message: t(
              lang,
              "Head마다 전체 $d_{\\text{model}}$을 쓰지 않습니다: head 수로 나눕니다.",
              "Heads do not each get all of $d_{\\text{model}}$: it is divided by the number of heads.",
            ),
            expected: { kind: "integer", value: e },
          },
        ]),
      };
    }
    const total = attentionParams(e, heads, bias);
    const weights = attentionParams(e, heads, false);
    const biases = total - weights;
    const expected = { kind: "integer" as const, value: total };
    return {
      params,
      question: t(
        lang,
        `PyTorch \`${call}\` (self-attention, $d_{\\text{model}} = ${e}$, head ${heads}개, ${bias ? "bias 있음" : "bias 없음"})의 학습 가능한 parameter 수는?`,
        `How many trainable parameters does PyTorch's \`${call}\` have (self-attention, $d_{\\text{model}} = ${e}$, ${heads} heads, ${bias ? "with biases" : "without biases"})?`,
      ),
      answerFormat: t(lang, "정확한 정수 (예: 1,050,624)", "An exact integer (e.g. 1,050,624)"),
      answer: fmtInt(total),
      solution: [
        t(
          lang,
          `Q, K, V 투영(\`in_proj_weight\` $3E \\times E$)과 출력 투영(\`out_proj\` $E \\times E$)이 있습니다${bias ? ", 각 출력 feature마다 bias 하나씩" : ""}. Head 수는 개수를 바꾸지 않습니다: head마다 $d_k = E/h = ${dk}$ 차원의 조각을 씁니다.`,
          `There are the Q, K and V projections (\`in_proj_weight\`, $3E \\times E$) and the output projection (\`out_proj\`, $E \\times E$)${bias ? ", with one bias per output feature" : ""}. The number of heads does not change the count: each head uses a $d_k = E/h = ${dk}$ slice.`,
        ),
        `$$P = 4E^2${bias ? " + 4E" : ""} = 4 \\cdot ${e}^2${bias ? ` + 4 \\cdot ${e}` : ""} = ${texInt(weights)}${bias ? ` + ${texInt(biases)}` : ""}${bias ? ` = ${texInt(total)}` : ""}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        bias
          ? {
              code: "bias_forgotten",
              message: t(
                lang,
                "Bias(투영 4개의 출력 feature마다 1개)를 빠뜨렸습니다.",
                "You forgot the biases (one per output feature of the four projections).",
              ),
              expected: { kind: "integer", value: weights },
            }
          : {
              code: "bias_counted",
              message: t(lang, "이 layer는 bias=False입니다.", "This layer has bias=False."),
              expected: { kind: "integer", value: attentionParams(e, heads, true) },
            },
        {
          code: "out_proj_forgotten",
          message: t(
            lang,
            "출력 투영 $W^O$ ($E \\times E$)도 parameter입니다.",
            "The output projection $W^O$ ($E \\times E$) has parameters too.",
          ),
          expected: { kind: "integer", value: (total * 3) / 4 },
        },
        {
          code: "heads_multiplied",
          message: t(
            lang,
            "Head마다 $E \\times E$ 투영이 따로 있는 것이 아닙니다: head는 $E/h$ 차원의 조각을 나눠 씁니다.",
            "Heads do not each have full $E \\times E$ projections: they share them in $E/h$ slices.",
          ),
          expected: { kind: "integer", value: heads * total },
        },
      ]),
    };
  },
};
