/**
 * Each exercise topic, stated in Korean and in English, is recognised; named without a
 * computation, it is not. The snippets are the team's own, one section each.
 */
import { describe, expect, it } from "vitest";
import { parseMarkdown } from "../markdown-parser.ts";
import { proposeExercises } from "./propose-exercises.ts";

const proposed = (markdown: string) =>
  proposeExercises(parseMarkdown(markdown), { source: markdown }).map((d) =>
    d.kind === "exercise" ? d.generator : "",
  );

const STATED: [generator: string, ko: string, en: string][] = [
  [
    "conv-output-shape",
    "## 출력 크기\n\n출력 크기는 $(N - F + 2P)/S + 1$ 로 구한다. 32x32 입력에 5x5 필터면 28x28.",
    "## Output size\n\nThe output size is $\\lfloor (W - K + 2P) / S \\rfloor + 1$: a 227x227 input with an 11x11 kernel and stride 4 gives 55x55.",
  ],
  [
    "conv-params",
    "## 파라미터\n\n- 합성곱 층 파라미터: $3 \\times 3 \\times 64 \\times 128 = 73{,}728$",
    "## Parameters\n\nA conv layer has $K \\cdot K \\cdot C_{in} \\cdot C_{out}$ weights plus one bias per filter.",
  ],
  [
    "conv-macs",
    "## 연산량\n\n합성곱의 곱셈 횟수는 $H_{out} W_{out} C_{out} \\cdot k^2 C_{in}$ 이다.",
    "## Cost\n\nMACs of a 3x3 conv on a 56x56x64 input with 64 filters: 56·56·64·9·64 = 115,605,504.",
  ],
  [
    "pool-output-shape",
    "## 풀링\n\n2x2 max pooling 에 stride 2 를 쓰면 크기가 절반이 된다.",
    "## Pooling\n\nA 3x3 max pool with stride 2 takes 55x55 to 27x27.",
  ],
  [
    "receptive-field",
    "## 수용 영역\n\n3x3 합성곱 세 층을 쌓으면 수용 영역은 7x7 이다.",
    "## Receptive field\n\nEach 3x3 layer adds 2: $r = 1 + \\sum (k_i - 1)$.",
  ],
  [
    "convtranspose-output-size",
    "## 전치 합성곱\n\n출력 크기는 $(H - 1) \\times s - 2p + k$ 이다.",
    "## Transposed convolution\n\nUpsampling with stride 2 doubles the size: $(H - 1) s - 2p + k$.",
  ],
  [
    "vgg-stack-vs-7x7",
    "## VGG\n\n3x3 을 두 번 쌓으면 5x5 하나와 같은 영역을 더 적은 파라미터로 본다.",
    "## VGG\n\nThree stacked 3x3 convs cover a 7x7 field with fewer parameters than one 7x7 conv.",
  ],
  [
    "inception-bottleneck-savings",
    "## 인셉션\n\n1x1 합성곱으로 채널을 192에서 16으로 줄이면 5x5 합성곱의 파라미터가 크게 줄어든다.",
    "## Inception\n\nA 1x1 bottleneck reduces the channels before the 5x5 conv and saves about 70% of the parameters.",
  ],
  [
    "inception-output-channels",
    "## 인셉션 모듈\n\n네 가지의 출력을 채널 방향으로 이어 붙인다: 64 + 128 + 32 + 32 = 256.",
    "## Inception module\n\nThe branches are concatenated: 64 + 128 + 32 + 32 = 256 output channels.",
  ],
  [
    "resnet-block-params",
    "## ResNet\n\n잔차 블록의 출력은 $H(x) = F(x) + x$ 이다.",
    "## Residual block\n\nThe block outputs $y = F(x, W) + x$.",
  ],
  [
    "densenet-channels",
    "## DenseNet\n\n성장률 k = 32 이면 층마다 채널이 32개씩 늘어난다.",
    "## DenseNet\n\nWith growth rate k = 12, layer l sees $k_0 + k (l - 1)$ channels.",
  ],
  [
    "fc-vs-conv",
    "## FCN\n\nFC 층을 7x7 합성곱으로 바꾼다 (convolutionalization).",
    "## FCN\n\nThe fully connected layer on a 7x7x512 map becomes a 7x7 conv with 4096 filters.",
  ],
  [
    "model-params",
    "## 모델 크기\n\nVGG16 의 파라미터는 약 138M 개다.",
    "## Model size\n\nResNet-50 has 25.6 million parameters.",
  ],
  [
    "conv1d-value",
    "## 이산 합성곱\n\n$(f*g)[n] = \\sum_k f[k] g[n-k]$",
    "## 1-D convolution\n\nWith f = (1, 2, 3) and g = (0, 1, -1), compute the convolution at t = 2.",
  ],
  [
    "conv-vs-correlation",
    "## 2D 합성곱\n\n$(I*K)(i,j) = \\sum_m \\sum_n I(m,n) K(i-m, j-n)$",
    "## Convolution vs correlation\n\nCross-correlation does not flip the kernel; true convolution rotates it by 180 degrees.",
  ],
  [
    "iou",
    "## IoU\n\nIoU = 교집합 넓이 / 합집합 넓이",
    "## IoU\n\nIoU is the area of intersection over the area of union.",
  ],
  [
    "rpn-anchor-count",
    "## RPN\n\n위치마다 앵커 9개: 3 scales × 3 ratios.",
    "## RPN\n\nEach position has k = 9 anchors (3 scales and 3 aspect ratios).",
  ],
  [
    "spp-output-length",
    "## SPP\n\n1x1, 2x2, 4x4 로 풀링해서 고정 길이 벡터를 만든다.",
    "## SPP\n\nSpatial pyramid pooling with 1x1, 2x2 and 4x4 bins gives 21 bins per channel.",
  ],
  [
    "roi-pool-output-shape",
    "## RoI 풀링\n\nRoI pooling 은 각 RoI 를 7x7 로 만든다.",
    "## RoI pooling\n\nEvery RoI is max-pooled into a fixed 7x7 grid.",
  ],
  [
    "rnn-params",
    "## LSTM\n\nLSTM 파라미터 수 = 4 × (h(h + x) + h)",
    "## GRU\n\nA GRU layer with input size 32 and hidden size 64 has 18,816 parameters in PyTorch.",
  ],
  [
    "multihead-attention",
    "## 멀티 헤드 어텐션\n\nd_model = 512 이고 헤드가 8개면 d_k = 64 이다.",
    "## Multi-head attention\n\nWith d_model = 512 and 8 heads, d_k = 64.",
  ],
  [
    "adam-bias-correction",
    "## Adam\n\n편향 보정: $\\hat m_t = m_t / (1 - \\beta_1^t)$",
    "## Adam\n\nWith β1 = 0.9 the bias-corrected moment at t = 3 is m̂ = m_3 / (1 − 0.9^3).",
  ],
  [
    "precision-recall",
    "## 평가 지표\n\n정밀도 = TP/(TP+FP), 재현율 = TP/(TP+FN)",
    "## Detection metrics\n\nTP 8, FP 2, FN 4 → precision 0.8, recall 0.667, F1 = 2PR/(P+R) = 0.727.",
  ],
];

describe("each exercise topic stated in a section", () => {
  it("covers every generator of the registry", async () => {
    const { listGenerators } = await import("../../exercises/index.ts");
    expect(STATED.map(([g]) => g).sort()).toEqual(
      listGenerators()
        .map((g) => g.name)
        .sort(),
    );
  });

  it.each(STATED)("%s is proposed from Korean and English", (generator, ko, en) => {
    expect(proposed(ko)).toContain(generator);
    expect(proposed(en)).toContain(generator);
  });
});

const NAMED_ONLY: [string, string][] = [
  [
    "conv terms",
    "## 합성곱\n\n- stride 와 padding 으로 출력 크기가 정해진다.\n- 파라미터 공유가 핵심이다.",
  ],
  ["pooling", "## Pooling\n\nMax pooling and average pooling shrink the feature map."],
  [
    "architectures",
    "## Models\n\n- VGG: small filters\n- GoogLeNet: 1x1 convolution\n- ResNet: skip connection\n- DenseNet: concatenation",
  ],
  [
    "segmentation",
    "## FCN\n\n업샘플링과 skip architecture 를 쓴다. Deconvolution 이라고도 부른다.",
  ],
  [
    "detection",
    "## Detection\n\nR-CNN, SPPNet, Fast R-CNN (RoI pooling), Faster R-CNN (anchors, RPN), IoU threshold.",
  ],
  ["receptive field", "## 수용 영역\n\n깊은 층일수록 receptive field 가 넓어진다."],
  [
    "recurrent layers",
    "## RNN\n\nLSTM 과 GRU 는 gate 로 기울기 소실을 줄인다. LSTM 은 GRU 보다 파라미터가 많다.",
  ],
  [
    "an LSTM's gate equations",
    "## LSTM\n\n가중치 W 와 U 를 학습한다.\n\n$f = \\sigma(W_f x + U_f h + b_f)$",
  ],
  ["an RNN's recurrence", "## RNN\n\nThe weights are shared: $h_t = f(W x_t + U h_{t-1} + b)$."],
  [
    "attention",
    "## Transformer\n\nThe Transformer uses multi-head attention with 8 heads and d_model = 512.",
  ],
  [
    "Adam's hyper-parameters",
    "## Adam\n\nAdam 은 momentum 과 RMSProp 을 합치고 bias correction 을 한다. β1 = 0.9, β2 = 0.999.",
  ],
  [
    "Adam's moving average",
    "## Adam\n\nThe first moment is $m_t = \\beta_1 m_{t-1} + (1 - \\beta_1) g_t$, corrected later.",
  ],
  ["attention weights", "## 어텐션\n\n멀티 헤드 어텐션의 파라미터는 W_Q, W_K, W_V 이다."],
  [
    "metrics",
    "## 평가 지표\n\n정밀도(precision), 재현율(recall), F1 score, mAP 로 detector 를 비교한다.",
  ],
  [
    "parameters",
    "## 과적합\n\nparameter 가 많으면 overfitting 이 생긴다. VGG16, ResNet-50 도 크다.",
  ],
];

describe("a topic only named", () => {
  it.each(NAMED_ONLY)("%s: nothing is proposed", (_name, markdown) => {
    expect(proposed(markdown)).toEqual([]);
  });
});

const exerciseParams = (markdown: string, generator: string) => {
  const draft = proposeExercises(parseMarkdown(markdown), { source: markdown }).find(
    (d) => d.kind === "exercise" && d.generator === generator,
  );
  return draft?.kind === "exercise" ? draft.params : undefined;
};

describe("a convolution worked in prose", () => {
  it.each([
    ["Korean, stride and result", "## 합성곱 계산\n\n예: 입력 32, 커널 5, stride 1이면 출력은 28"],
    [
      "English, stride, padding and arrow",
      "## Conv layer\n\nFor example: input 224, kernel 7, stride 2, padding 3 → 112.",
    ],
    ["Korean words only", "## 예시\n\n입력 크기가 64이고 필터 크기가 3, 스트라이드 2, 패딩 1이다."],
    [
      "sizes written before the words",
      "## Example\n\nA 5x5 kernel on a 32x32 input with stride 1 gives 28x28.",
    ],
    ["크기가 앞에 오는 경우", "## 예시\n\n7x7 입력에 3x3 필터를 쓰면 출력은 5 이다."],
    ["a result only", "## Example\n\nWith input size 28 and filter size 5 the output is 24."],
    ["symbols with their result", "## 합성곱 계산\n\nW = 32, F = 5, S = 1 이면 28 이다."],
  ])("%s proposes the output-size exercise", (_name, markdown) => {
    expect(proposed(markdown)).toContain("conv-output-shape");
  });

  it("draws the exercise's numbers from the worked example", () => {
    const params = exerciseParams(
      "## Conv layer\n\nFor example: input 224, kernel 7, stride 2, padding 3 → 112.",
      "conv-output-shape",
    );
    expect(params?.kernel).toContain(7);
    expect(params?.size).toContain(224);
    expect(params?.stride).toContain(2);
    expect(params?.padding).toContain(3);
  });

  it.each([
    ["counted kernels", "## 설정\n\n입력 32개 샘플마다 커널 5개를 쓰고 stride 1로 옮긴다."],
    [
      "channels, not sizes",
      "## Layer\n\nInput 3 channels, 64 filters, and the output has 64 channels.",
    ],
    [
      "a result that does not check out",
      "## 실험\n\n입력 100, 커널 3 으로 학습하면 정확도는 90 이다.",
    ],
    [
      "hyper-parameters",
      "## Training\n\nBatch size 32, learning rate 0.01, 5 epochs, output 10 classes.",
    ],
    ["symbols of another topic", "## k-NN\n\nn = 100, k = 5 이면 정확도가 93 이다."],
    ["pooling", "## Pooling\n\nmax pooling: input 224, kernel 2, stride 2 → 112."],
    ["a matrix product", "## 행렬\n\n3x3 필터 행렬과 3x3 입력 행렬을 곱하면 9 개의 값이 나온다."],
    ["split across sentences", "## 메모\n\n입력 32. 커널 방법은 SVM 에서 쓴다. 출력은 28."],
  ])("%s: no output-size exercise", (_name, markdown) => {
    expect(proposed(markdown)).not.toContain("conv-output-shape");
  });
});
