import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note.ts";
import { renderMarkdownToHtml } from "./render-math.ts";

const fronts = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false }).cards.flatMap((c) =>
    "front" in c ? [c.front] : [],
  );

describe("labels, examples and questions on one line", () => {
  it("a formula alone on its line above a list is the section's formula, not the list's label", () => {
    const text = [
      "## AP / mAP",
      "",
      "$$mAP = \\frac{1}{N}\\sum_{i=1}^{N} AP_i$$",
      "",
      "- VOC : IoU 0.5에서의 mAP",
      "- COCO : IoU 0.5 ~ 0.95 평균",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    expect(result.cards.map((c) => ("front" in c ? c.front : c.kind))).toEqual([
      "Formula: AP / mAP",
      "VOC",
      "COCO",
    ]);
    for (const card of result.cards) expect(card.context).toEqual(["AP / mAP"]);
  });

  it("a generic term (핵심, Pros) gets its section: 'Fast R-CNN: 핵심'", () => {
    expect(fronts("### Fast R-CNN\n\n- 핵심: 이미지 전체에 CNN을 한 번만 적용\n")).toEqual([
      "Fast R-CNN: 핵심",
    ]);
    expect(fronts("## YOLO\n\nPros: one pass over the image, 45 fps\n")).toEqual(["YOLO: Pros"]);
    expect(
      fronts(
        "## BatchNorm\n\n- 기본값: momentum=0.1\n- 주의할 점: batch가 작으면 불안정\n- Parameters: gamma, beta\n",
      ),
    ).toEqual(["BatchNorm: 기본값", "BatchNorm: 주의할 점", "BatchNorm: Parameters"]);
    // "종류" and "Types" name no subject either: which kinds?
    expect(
      fronts(
        "## Data augmentation\n\n- 종류: flip, crop, rotate\n\n## Pooling\n\nTypes: max, average\n",
      ),
    ).toEqual(["Data augmentation: 종류", "Pooling: Types"]);
    // A specific term is asked as it is.
    expect(fronts("### Fast R-CNN\n\n- RoI Pooling: RoI를 고정 크기로 pooling\n")).toEqual([
      "RoI Pooling",
    ]);
  });

  it("an 'Explain' card leaves out what other cards ask and keeps the details nothing else asks", () => {
    const text = [
      "# Nets",
      "",
      "* ResNet",
      "    * Deeper networks are hard to train.",
      "        * vanishing gradient 때문",
      "    * 참고: ResNet-50 uses bottleneck blocks",
      "    * Why skip connections? ==> the gradient flows through the identity",
      "    * Key ideas",
      "        * Residual block",
      "        * Batch normalization",
      "        * Global average pooling",
      "",
    ].join("\n");
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    const explain = cards.find((c) => c.kind === "basic" && c.front === "Explain: ResNet");
    expect(explain?.kind === "basic" && explain.back).toBe(
      // A remark ("참고: …") is the parent's to say: no card of its own asks it.
      "- Deeper networks are hard to train.\n  - vanishing gradient 때문\n- 참고: ResNet-50 uses bottleneck blocks",
    );
    expect(cards.map((c) => ("front" in c ? c.front : ""))).toEqual([
      "Explain: ResNet",
      "ResNet: Why skip connections?",
      "ResNet: Key ideas — name all 3",
    ]);
  });

  it("under a heading, 'Explain' leaves out the formula and the pipeline asked by their cards", () => {
    const text = [
      "## Transition Block",
      "",
      "- BatchNorm -> $1 \\times 1$ Conv -> AvgPool",
      "- 채널 수를 줄이고 feature map 크기를 절반으로 만든다",
      "- $c_{out} = \\theta \\cdot c_{in}$",
      "- compression factor θ는 보통 0.5를 쓴다",
      "",
    ].join("\n");
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    const backOf = (front: string) => {
      const card = cards.find((c) => c.kind === "basic" && c.front === front);
      return card?.kind === "basic" ? card.back : undefined;
    };
    expect(backOf("Formula: Transition Block")).toContain("\\theta");
    expect(cards.some((c) => "front" in c && c.front === "Transition Block: steps in order")).toBe(
      true,
    );
    expect(backOf("Explain: Transition Block")).toBe(
      "- 채널 수를 줄이고 feature map 크기를 절반으로 만든다\n- compression factor θ는 보통 0.5를 쓴다",
    );
  });

  it("a sentence that only announces the list after it makes no card of its own", () => {
    const text = [
      "## R-CNN",
      "",
      "R-CNN의 동작 과정은 다음과 같다.",
      "",
      "1. Selective search로 region proposal을 추출한다",
      "2. 각 region을 warp 한다",
      "3. CNN으로 feature를 추출한다",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["R-CNN: steps in order"]);
  });

  it("a reflection, to-do or links-only line makes no card, skipped with its reason", () => {
    const text = [
      "## Optimizer",
      "",
      "참고: [CS231n](http://cs231n.stanford.edu/), [Adam](https://arxiv.org/abs/1412.6980)",
      "",
      "- Adam: Momentum과 RMSProp을 합친 optimizer",
      "- 느낀점: 수식이 너무 많다... 내일 복습하기!!",
      "- TODO: 논문 다시 읽기",
      "- 참고: learning rate는 보통 1e-3에서 시작한다",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "link-list"],
      [6, "non-study-section"],
      [7, "todo"],
    ]);
    // A remark that states something stays with its section.
    expect(result.cards.map((c) => (c.kind === "basic" ? [c.front, c.back] : []))).toEqual([
      ["Adam", "Momentum과 RMSProp을 합친 optimizer"],
      ["Explain: Optimizer", "- 참고: learning rate는 보통 1e-3에서 시작한다"],
    ]);
  });

  it("a generic bold label over bullets reads 'R-CNN: 단점', not 'Explain: 단점'", () => {
    const text = [
      "### R-CNN",
      "",
      "**단점**",
      "- region마다 CNN을 돌려서 매우 느리다",
      "- end-to-end 학습이 불가능하다",
      "",
    ].join("\n");
    expect(fronts(text)).toEqual(["R-CNN: 단점"]);
  });

  it("makes no fact card of a worked example: the section gets the exercise that drills it", () => {
    const text = [
      "## GoogLeNet",
      "",
      "Example: input 128 channels, 3x3 conv to 128 channels",
      "- without bottleneck: 3*3*128*128 = 147,456 params",
      "- with 1x1 to 32 first: 1*1*128*32 + 3*3*32*128 = 40,960 params",
      "",
      "## IoU",
      "",
      "- IoU는 교집합 넓이를 합집합 넓이로 나눈 값이다.",
      "- 예시",
      "  - A = (0, 0, 10, 10), B = (5, 5, 15, 15)",
      "  - IoU = 25 / 175",
      "",
      "## Conv",
      "",
      "- 예: 입력 32, 커널 5, stride 1이면 출력은 28",
      "- e.g. 3x3 conv, 64 -> 128 channels: 3*3*64*128 + 128 = 73856 parameters",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    // The 1x1 bottleneck's, the output size's and the parameter count's numbers are drilled by
    // their exercises.
    expect(result.cards.map((c) => (c.kind === "exercise" ? c.generator : c.front))).toEqual([
      "conv-params",
      "inception-bottleneck-savings",
      "Explain: IoU",
      "iou",
      "conv-output-shape",
      "conv-params",
    ]);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "worked-example"],
      [10, "worked-example"],
      [16, "worked-example"],
      [17, "worked-example"],
    ]);
  });

  it("leaves out a statement that walks an example through ('예) …', 'e.g. …', 'X 예시: …')", () => {
    const text = [
      "## LSTM",
      "",
      "LSTM은 cell state로 장기 의존성 문제를 해결한다.",
      "",
      "- 파라미터 수 예시 : 입력 10, hidden 20 이면 4 × (200 + 400 + 20) = 2480",
      "- Adam bias correction",
      "  - 초반 값이 0쪽으로 bias 됨",
      "  - 예) $\\beta_1 = 0.9$, t=1 이면 10배",
      "",
      "## mAP",
      "",
      "mAP는 모든 클래스의 AP 평균이다.",
      "",
      "예) 클래스 3개, AP가 0.8, 0.6, 0.7 이면 mAP = 0.7",
      "",
      "- e.g. with 2 classes at AP 0.5 and 0.7 the mAP is 0.6",
      "- COCO : IoU 0.5 ~ 0.95 평균",
      "- 게이트가 4개라서 파라미터가 RNN의 4배",
      "  - 예) 입력 10, hidden 20 → 2480",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    const backs = result.cards.map((c) => ("back" in c ? c.back : ""));
    for (const back of backs) expect(back).not.toMatch(/예\)|e\.g\.|2480/);
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [5, "worked-example"],
      [8, "worked-example"],
      [14, "worked-example"],
      [16, "worked-example"],
      [18, "label-without-content"],
      [19, "worked-example"],
    ]);
    expect(result.cards.map((c) => ("front" in c ? c.front : c.kind))).toEqual(
      expect.arrayContaining(["Explain: Adam bias correction", "COCO"]),
    );
    expect(result.errors).toEqual([]);
  });

  it("skips a label whose answer is only a link; a link beside text stays on the card", () => {
    const text = [
      "## Transformer",
      "",
      "- Original paper: [arXiv 1706.03762](https://arxiv.org/abs/1706.03762)",
      "- Code : https://github.com/tensorflow/tensor2tensor",
      "- Positional encoding: sin/cos of the position ([blog](https://example.com/pe))",
      "- Diagram: ![encoder](encoder.png)",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([
      [3, "link-list"],
      [4, "link-list"],
    ]);
    expect(result.cards.map((c) => ("front" in c ? c.front : c.kind))).toEqual([
      "Positional encoding",
      "Diagram",
    ]);
  });

  it("keeps an example without numbers: it names things ('예시' over activations)", () => {
    const text = [
      "## 활성화 함수",
      "",
      "Example: smooth functions that squash their input",
      "- sigmoid",
      "- tanh",
      "",
      "### 예시",
      "",
      "- sigmoid, tanh, ReLU 중에서 ReLU가 가장 많이 쓰인다.",
      "",
    ].join("\n");
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    expect(cards.map((c) => ("front" in c ? c.front : c.kind))).toEqual([
      "활성화 함수: Example",
      "활성화 함수: 예시",
    ]);
  });

  it("reads a question and its answer on one line, with the list it introduces", () => {
    const text = [
      "## VGGNet",
      "",
      "Why 3x3? Two stacked 3x3 convs see as far as one 5x5 with fewer params:",
      "- 5x5: 25C^2",
      "- two 3x3: 18C^2",
      "",
      "Why ReLU? 기울기가 사라지지 않는다",
      "",
      "How to reduce parameters? Recall how the number of parameters is computed.",
      "",
      "- 왜 crop? → padding 없는 conv라 크기가 줄어서",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    const basics = result.cards.flatMap((c) => (c.kind === "basic" ? [[c.front, c.back]] : []));
    expect(basics).toEqual([
      [
        "VGGNet: Why 3x3?",
        "Two stacked 3x3 convs see as far as one 5x5 with fewer params:\n\n- 5x5: 25C^2\n- two 3x3: 18C^2",
      ],
      ["VGGNet: Why ReLU?", "기울기가 사라지지 않는다"],
      ["VGGNet: 왜 crop?", "padding 없는 conv라 크기가 줄어서"],
    ]);
    // A prompt to think is not an answer: the question stays unanswered, and says so.
    expect(result.skipped.map((s) => [s.line, s.reason])).toEqual([[9, "question-without-answer"]]);
  });

  it("reads a Korean clause as a statement, not a label: it joins the section's card", () => {
    const text = [
      "## FCN",
      "- FC layer를 1x1 conv로 바꿔서 **임의 크기 입력** 가능",
      "- Upsampling이 필요한 이유?",
      "  - pooling으로 해상도가 1/32로 줄어든다",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    expect(result.skipped).toEqual([]);
    const fronts = result.cards.flatMap((c) => (c.kind === "basic" ? [[c.front, c.back]] : []));
    expect(fronts[0]).toEqual([
      "Explain: FCN",
      "- FC layer를 1x1 conv로 바꿔서 **임의 크기 입력** 가능",
    ]);
  });

  it("drops section numbers from headings and footnote marks from card text", () => {
    const text =
      "## 3) Pooling\n\nMax pooling은 영역에서 가장 큰 값을 고른다[^1].\n\n[^1]: 파라미터는 없다.\n\n## 1x1 Convolution\n\nPadding: 0을 채운다\n";
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    expect(cards.map((c) => [c.context.join(" › "), "back" in c ? c.back : ""])).toEqual([
      ["Pooling", "Max pooling은 영역에서 가장 큰 값을 고른다."],
      ["1x1 Convolution", "0을 채운다"],
    ]);
  });

  it("asks a comparison's items name → fact, not as steps and not in reverse", () => {
    const text = [
      "## Optimizer 비교",
      "SGD vs Momentum vs Adam",
      "1. SGD: 기울기 방향으로 한 걸음",
      "2. Momentum: 이전 gradient 방향을 누적",
      "3. Adam: Momentum + RMSProp",
      "",
    ].join("\n");
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    expect(cards.map((c) => [c.kind, "front" in c ? c.front : ""])).toEqual([
      ["basic", "SGD"],
      ["basic", "Momentum"],
      ["basic", "Adam"],
    ]);
  });

  it("reads an object-particle phrase as a statement but '…를 줄이는 방법' as a label", () => {
    const text = [
      "## Batch Normalization",
      "- 📌 각 layer의 입력을 mini-batch 단위로 정규화",
      "- 효과",
      "  - 학습 속도 향상",
      "  - 약간의 regularization 효과",
      "- 파라미터를 줄이는 방법",
      "  - 1x1 conv로 채널 축소",
      "",
    ].join("\n");
    const result = parseNote({ text, file: "t.md", resolveImage: () => false });
    expect(result.skipped).toEqual([]);
    expect(result.cards.flatMap((c) => (c.kind === "exercise" ? [] : [c.front]))).toEqual([
      "Explain: Batch Normalization",
      "Batch Normalization: 효과",
      "Explain: 파라미터를 줄이는 방법",
    ]);
  });

  it("renders a product written with * as the product, not as italics", () => {
    const text = "## Params\n\n- conv: 3*3*64*128 + 128 = 73,856, H*W*C 크기, *강조*\n";
    const card = parseNote({ text, file: "t.md", resolveImage: () => false }).cards.find(
      (c) => c.kind === "basic",
    );
    const html = renderMarkdownToHtml(card && "back" in card ? card.back : "");
    expect(html).toContain("3*3*64*128 + 128 = 73,856");
    expect(html).toContain("H*W*C");
    expect(html).toContain("<em>강조</em>");
  });

  it("asks one side of a comparison with what is compared: 'Batch Normalization — 학습'", () => {
    const text =
      "## Batch Normalization\n- 학습 vs 추론\n  - 학습: mini-batch의 평균/분산\n  - 추론: running mean/var\n";
    const cards = parseNote({ text, file: "t.md", resolveImage: () => false }).cards;
    expect(cards.flatMap((c) => (c.kind === "basic" ? [c.front] : []))).toEqual([
      "Batch Normalization — 학습",
      "Batch Normalization — 추론",
    ]);
  });
});
