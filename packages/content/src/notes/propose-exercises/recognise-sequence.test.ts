/**
 * RNN / LSTM / GRU parameters and multi-head attention, proposed from what a section states: the
 * note's own numbers are one variant (drawn by some seed), and a statement that does not check out
 * proposes nothing.
 */
import { describe, expect, it } from "vitest";
import type { ExerciseVariant } from "../../exercises/contract.ts";
import { generateExercise } from "../../exercises/index.ts";
import { parseMarkdown } from "../markdown-parser.ts";
import { proposeExercises } from "./propose-exercises.ts";

function proposal(markdown: string, generator: string) {
  const draft = proposeExercises(parseMarkdown(markdown), { source: markdown }).find(
    (d) => d.kind === "exercise" && d.generator === generator,
  );
  return draft?.kind === "exercise" ? draft.params : undefined;
}

/** The variants the proposal's ranges draw over many seeds. */
function variants(markdown: string, generator: string): ExerciseVariant[] {
  const ranges = proposal(markdown, generator);
  expect(ranges, `${generator} proposed`).toBeDefined();
  return Array.from({ length: 300 }, (_, seed) =>
    generateExercise(generator, { seed, lang: "en", ranges: ranges! }),
  );
}

const drawsNoteVariant = (list: ExerciseVariant[], params: Record<string, unknown>) =>
  list.some((v) => Object.entries(params).every(([k, want]) => v.params?.[k] === want));

describe("rnn-params from a note", () => {
  it.each([
    [
      "a Korean worked example with the one-bias count",
      "## LSTM 파라미터\n\n은닉 크기 128, 입력 크기 64 인 LSTM: 4 × (128 × (128 + 64) + 128) = 98,816 개",
      { cell: "lstm", input_size: 64, hidden_size: 128, num_layers: 1, bidirectional: "false" },
    ],
    [
      "PyTorch's count for a stacked call",
      "## Stacked LSTM\n\n`nn.LSTM(10, 20, num_layers=2)` has 5,920 parameters.",
      { cell: "lstm", input_size: 10, hidden_size: 20, num_layers: 2 },
    ],
    [
      "a bidirectional GRU",
      "## BiGRU\n\n`nn.GRU(input_size=300, hidden_size=128, bidirectional=True)`: 330,240 parameters.",
      { cell: "gru", input_size: 300, hidden_size: 128, bidirectional: "true" },
    ],
    [
      "a vanilla RNN with symbols",
      "## RNN\n\n파라미터 수는 h(h + x) + 2h 이다 (PyTorch 는 bias 가 두 개). 예를 들어 hidden size = 50, input size = 10.",
      { cell: "rnn", input_size: 10, hidden_size: 50 },
    ],
  ])("%s: the note's layer is one variant", (_name, markdown, params) => {
    expect(drawsNoteVariant(variants(markdown, "rnn-params"), params)).toBe(true);
  });

  it("takes the cell from the formula's gate count", () => {
    expect(proposal("## GRU\n\nGRU 파라미터: $3(n^2 + nm + n)$", "rnn-params")?.cell).toEqual([
      "gru",
    ]);
    expect(
      proposal("## Recurrent nets\n\nParameters of an LSTM layer: 4h(x + h) + 8h.", "rnn-params")
        ?.cell,
    ).toEqual(["lstm"]);
  });

  it.each([
    [
      "a count that does not check out",
      "## LSTM\n\nhidden size 128, input size 64 인 LSTM 은 파라미터가 1000개 정도다.",
    ],
    ["sizes without a count", "## LSTM\n\n`nn.LSTM(10, 20)` 의 파라미터를 학습한다."],
    [
      "a formula of another topic",
      "## Linear layer\n\nA linear layer has $n_{in} \\times n_{out} + n_{out}$ parameters.",
    ],
  ])("%s: nothing proposed", (_name, markdown) => {
    expect(proposal(markdown, "rnn-params")).toBeUndefined();
  });
});

describe("multihead-attention from a note", () => {
  it.each([
    [
      "d_k from d_model and heads",
      "## Multi-head attention\n\nWith d_model = 512 and 8 heads, d_k = 64.",
      { embed_dim: 512, num_heads: 8, ask: "head_dim" },
    ],
    [
      "a division written out",
      "## 멀티 헤드 어텐션\n\n헤드 차원은 768 / 12 = 64 이다.",
      { embed_dim: 768, num_heads: 12, ask: "head_dim" },
    ],
    [
      "PyTorch's parameter count",
      "## Attention layer\n\n`nn.MultiheadAttention(256, 4)` has 263,168 parameters.",
      { embed_dim: 256, num_heads: 4, ask: "params" },
    ],
    [
      "the 4d² formula with the sizes",
      "## Transformer\n\nMulti-head attention 파라미터 수: $4 d_{model}^2 + 4 d_{model}$. d_model = 1024, 16 heads.",
      { embed_dim: 1024, num_heads: 16, ask: "params" },
    ],
  ])("%s: the note's layer is one variant", (_name, markdown, params) => {
    const list = variants(markdown, "multihead-attention");
    expect(drawsNoteVariant(list, params)).toBe(true);
    expect(list.every((v) => v.params?.ask === params.ask)).toBe(true);
  });

  it("asks for d_k where the note states the division in symbols", () => {
    expect(
      proposal(
        "## MHA\n\nEach head attends in $d_k = d_{model} / h$ dimensions.",
        "multihead-attention",
      )?.ask,
    ).toBe("head_dim");
  });

  it.each([
    ["a d_k that does not check out", "## MHA\n\nd_model = 512, 8 heads, d_k = 32 로 잡았다."],
    ["a division in a convolution section", "## Conv\n\n512 / 8 = 64 channels per group."],
    ["sizes only", "## Transformer\n\nBERT-base: 12 heads, hidden size 768, 12 layers."],
  ])("%s: nothing proposed", (_name, markdown) => {
    expect(proposal(markdown, "multihead-attention")).toBeUndefined();
  });
});

describe("the paper's wording", () => {
  it("d_k = d_v = d_model / h = 64 with h = 8: the note's d_model 512 is one variant", () => {
    const markdown =
      "## Multi-Head Attention\n\nWe employ h = 8 parallel attention layers, or heads. For each of these we use $d_k = d_v = d_{model}/h = 64$.";
    expect(
      drawsNoteVariant(variants(markdown, "multihead-attention"), {
        embed_dim: 512,
        num_heads: 8,
        ask: "head_dim",
      }),
    ).toBe(true);
  });

  it.each([
    "## Multi-head attention\n\nhead 하나의 차원 d_k 는 d_model 을 head 수로 나눈 값이다.",
    "## Multi-head attention\n\n$d_k = \\frac{d_{\\text{model}}}{h}$",
    "## Attention\n\nEach head's head_dim is embed_dim divided by num_heads.",
  ])("the division in other words proposes d_k: %s", (markdown) => {
    expect(proposal(markdown, "multihead-attention")?.ask).toBe("head_dim");
  });

  it("the scaled dot product's √d_k is not the head size", () => {
    expect(
      proposal(
        "## Multi-head attention\n\n$\\text{softmax}(QK^T / \\sqrt{d_k}) V$ with d_model = 512 and d_k = 64.",
        "multihead-attention",
      ),
    ).toBeUndefined();
  });

  it("a chain d_k = d_v = 512 / 8 = 64 does not make 8 × 512 an embedding size", () => {
    const ranges = proposal(
      "## Multi-head attention\n\nd_model = 512, h = 8 이면 d_k = d_v = 512 / 8 = 64",
      "multihead-attention",
    );
    expect(ranges?.embed_dim).toContain(512);
    expect(ranges?.embed_dim).not.toContain(4096);
  });

  it("12 heads of 64 dimensions: 64 is not a head count", () => {
    const ranges = proposal(
      "## MHA\n\n`nn.MultiheadAttention(768, 12)`: 12 heads of 64 dimensions each, 2,362,368 parameters.",
      "multihead-attention",
    );
    expect(ranges?.num_heads).toContain(12);
    expect(ranges?.num_heads).not.toContain(64);
  });

  it("8 heads and d_k = 64 without the division: nothing proposed", () => {
    expect(
      proposal("## Transformer\n\nMulti-head attention: 8 heads, d_k = 64.", "multihead-attention"),
    ).toBeUndefined();
  });

  it.each([
    "4 * (hidden_size * (hidden_size + input_size) + hidden_size)",
    "4 * (units * (units + input_dim) + units)",
    "4 × (은닉 크기 × (은닉 크기 + 입력 크기) + 은닉 크기)",
  ])("the LSTM count written as %s", (formula) => {
    const params = proposal(`## LSTM\n\nLSTM parameters: ${formula}`, "rnn-params");
    expect(params?.cell).toEqual(["lstm"]);
  });
});
