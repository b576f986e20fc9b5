/** Exercises on whole-model parameter counts (the built-in torchvision models). */
import { analyzeBuiltinModel } from "../../cnn/models/index.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";

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
      ko: "이름 있는 model의 전체 parameter 수",
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
    const paper = name === "alexnet-original";
    const buildKo = paper
      ? "2012년 논문 구조: 첫 layer filter 96개, LRN, 두 GPU 분할은 groups=2"
      : `torchvision 0.14와 같은 구성${name === "googlenet" ? ", auxiliary classifier 없음" : ""}`;
    const buildEn = paper
      ? "as in the 2012 paper: 96 first-layer filters, LRN, the two-GPU split as groups=2"
      : `built as torchvision 0.14 does${name === "googlenet" ? ", without auxiliary heads" : ""}`;
    return {
      params: { model: name, approx: approx ? "yes" : "no" },
      question: t(
        lang,
        `입력 $${texShape(a.input)}$의 ${name} (${buildKo})의 학습 가능한 parameter 수는? ${approx ? "백만 단위 근삿값으로 답하세요." : "정확한 값으로 답하세요."}`,
        `How many trainable parameters does ${name} have for a $${texShape(a.input)}$ input (${buildEn})? ${approx ? "Answer approximately, in millions." : "Give the exact number."}`,
      ),
      answerFormat: approx
        ? t(lang, "백만 단위 근삿값 (예: 61.1M)", "An approximation in millions (e.g. 61.1M)")
        : t(lang, "정확한 정수 (예: 61,100,840)", "An exact integer (e.g. 61,100,840)"),
      answer: approx ? `${millions}M` : fmtInt(a.params),
      solution: [
        t(
          lang,
          "Convolution은 $C_{\\text{out}} C_{\\text{in}} k^2$ (+bias), FC layer는 $n_{\\text{in}} n_{\\text{out}} + n_{\\text{out}}$, batch norm은 channel당 2개입니다. 부분별 합:",
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
                  "Batch norm의 running mean·variance(buffer)는 parameter가 아닙니다.",
                  "Batch norm running statistics are buffers, not parameters.",
                ),
                expected: { kind: "integer", value: a.params + 2 * bnChannels + bnLayers },
              },
            ])
          : [],
    };
  },
};
