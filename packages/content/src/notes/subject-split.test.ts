import { describe, expect, it } from "vitest";
import { parseNote } from "./parse-note.ts";
import { statementSubject } from "./subject-split.ts";

const basics = (text: string) =>
  parseNote({ text, file: "t.md", resolveImage: () => false }).cards.flatMap((c) =>
    c.kind === "basic" ? [[c.front, c.back]] : [],
  );

describe("the subject a statement names", () => {
  it("is a term before 은/는, or an acronym or inner-capital name before an English verb", () => {
    expect(statementSubject("Adam은 momentum과 RMSProp을 합친 방법이다.")).toBe("Adam");
    expect(statementSubject("**Weight decay**는 loss에 $\\lambda$를 곱한 L2 항을 더한다.")).toBe(
      "Weight decay",
    );
    expect(statementSubject("ResNet uses identity shortcuts.")).toBe("ResNet");
    expect(statementSubject("BN is applied before the activation.")).toBe("BN");
  });

  it("is none for a property, a pronoun, a Korean noun or a plain capitalised word", () => {
    for (const line of [
      "Memory가 많이 든다.",
      "파라미터 수는 $3 \\times 3 \\times C^2$이다.",
      "It is cheap to add.",
      "The learning rate is 0.1.",
      "Training is slow.",
      "$x$는 입력이다.",
      "CNN에서는 pooling을 쓴다.",
    ]) {
      expect(statementSubject(line), line).toBeUndefined();
    }
  });
});

describe("a generic label whose statements are about something the front does not name", () => {
  it("asks 'Adam: Pros', not 'Optimizers: Pros' with Adam only on the back", () => {
    const text = [
      "* Optimizers",
      "",
      "    * Pros",
      "",
      "        * Adam은 learning rate를 parameter마다 조절해서 tuning이 덜 필요하다.",
      "",
      "        * Adam은 sparse gradient에도 잘 동작한다.",
      "",
      "    * 단점",
      "",
      "        * SGD는 saddle point에서 오래 머문다.",
      "",
      "        * Adam은 SGD보다 generalization이 나쁠 수 있다.",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      [
        "Adam: Pros",
        "- Adam은 learning rate를 parameter마다 조절해서 tuning이 덜 필요하다.\n- Adam은 sparse gradient에도 잘 동작한다.",
      ],
      ["SGD: 단점", "SGD는 saddle point에서 오래 머문다."],
      ["Adam: 단점", "Adam은 SGD보다 generalization이 나쁠 수 있다."],
    ]);
  });

  it("keeps the front when it already names the subject, or a statement names none", () => {
    const text = [
      "## Adam",
      "",
      "**장점**",
      "",
      "- Adam은 hyperparameter에 덜 민감하다.",
      "",
      "## RMSProp",
      "",
      "**단점**",
      "",
      "- RMSProp은 learning rate를 여전히 정해야 한다.",
      "- 수렴이 보장되지 않는다.",
      "",
    ].join("\n");
    expect(basics(text).map(([front]) => front)).toEqual(["Adam: 장점", "RMSProp: 단점"]);
  });
});

describe("an Explain card over facts about different subjects", () => {
  it("becomes one card per subject under a heading or a label", () => {
    const text = [
      "## Regularization",
      "",
      "- Dropout은 학습 때 뉴런을 확률 $p$로 끈다.",
      "- Weight decay는 loss에 $\\frac{\\lambda}{2}\\|w\\|^2$를 더한다.",
      "- Dropout은 test 때 끄고 출력에 $1-p$를 곱한다.",
      "",
      "* Architectures",
      "    * ResNet uses identity shortcuts, so a block learns $F(x) = H(x) - x$.",
      "    * DenseNet은 앞의 모든 feature map을 concat한다.",
      "",
    ].join("\n");
    expect(basics(text)).toEqual([
      [
        "Regularization: Dropout",
        "- Dropout은 학습 때 뉴런을 확률 $p$로 끈다.\n- Dropout은 test 때 끄고 출력에 $1-p$를 곱한다.",
      ],
      [
        "Regularization: Weight decay",
        "Weight decay는 loss에 $\\frac{\\lambda}{2}\\|w\\|^2$를 더한다.",
      ],
      [
        "Architectures: ResNet",
        "ResNet uses identity shortcuts, so a block learns $F(x) = H(x) - x$.",
      ],
      ["Architectures: DenseNet", "DenseNet은 앞의 모든 feature map을 concat한다."],
    ]);
  });

  it("stays whole for one subject, the label's own subject, a question, or an unnamed line", () => {
    const text = [
      "## AlexNet",
      "",
      "- AlexNet은 ReLU를 사용했다.",
      "- VGG는 $3 \\times 3$ filter만 쓴다.",
      "",
      "## Why is deep training hard",
      "",
      "- ResNet uses shortcuts.",
      "- BN is not enough.",
      "",
      "## 왜 deep network는 학습이 어려울까",
      "",
      "- ResNet은 shortcut으로 해결했다.",
      "- BN은 scale을 유지한다.",
      "",
      "## SGD vs Adam",
      "",
      "- SGD는 단순하다.",
      "- Adam은 빠르다.",
      "",
      "## Normalization",
      "",
      "- Batch norm은 mini-batch 단위로 정규화한다.",
      "- Group norm works well with small batches.",
      "",
    ].join("\n");
    expect(basics(text).map(([front]) => front)).toEqual([
      "Explain: AlexNet",
      "Explain: Why is deep training hard",
      "Explain: 왜 deep network는 학습이 어려울까",
      "Explain: SGD vs Adam",
      "Explain: Normalization",
    ]);
  });
});
