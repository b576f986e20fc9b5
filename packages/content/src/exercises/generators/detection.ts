/** Exercises on detection building blocks: IoU, RPN anchors, SPP and RoI pooling. */
import { analyzeModel } from "../../cnn/analyze.ts";
import { adaptiveAvgPool2d, flatten } from "../../cnn/layer.ts";
import { applyLayer } from "../../cnn/layer-shapes.ts";
import { layerNode, sequential } from "../../cnn/model.ts";
import { rpnAnchorCount as anchorsOnMap } from "../../cnn/models/rpn.ts";
import { VGG_CONFIGS, vggFeatures } from "../../cnn/models/vgg.ts";
import { distinctMistakes, type GeneratorDef, t } from "../generator.ts";
import { fmtInt, texInt, texShape } from "../number-format.ts";

export type Box = [number, number, number, number];

/** IoU of two boxes (x1, y1, x2, y2), continuous coordinates (area = (x2−x1)(y2−y1)). */
export function boxIou(a: Box, b: Box): { inter: number; union: number; iou: number } {
  const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
  const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
  const inter = iw * ih;
  const area = (x: Box) => (x[2] - x[0]) * (x[3] - x[1]);
  const union = area(a) + area(b) - inter;
  return { inter, union, iou: inter / union };
}

export const iou: GeneratorDef = {
  info: {
    name: "iou",
    topic: "Object detection",
    title: { ko: "두 box의 IoU", en: "IoU of two boxes" },
    params: ["max_coord"],
  },
  generate(d, lang) {
    const max = d.int("max_coord", { min: 10, max: 1000, choices: [20, 50, 100] });
    const box = (): Box => {
      const x1 = d.rng.int(0, max - 4);
      const y1 = d.rng.int(0, max - 4);
      return [
        x1,
        y1,
        d.rng.int(x1 + 2, Math.min(max, x1 + max / 2)),
        d.rng.int(y1 + 2, Math.min(max, y1 + max / 2)),
      ];
    };
    const a = box();
    const b = box();
    const r = boxIou(a, b);
    if (r.inter === 0 && !d.rng.bool(0.1)) return null;
    const tol = 0.005;
    const value = Math.round(r.iou * 1000) / 1000;
    const areaA = (a[2] - a[0]) * (a[3] - a[1]);
    const areaB = (b[2] - b[0]) * (b[3] - b[1]);
    const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    const expected = { kind: "float" as const, value: r.iou, tolerance: tol };
    const box2 = (x: Box) => `(${x.join(", ")})`;
    return {
      params: { a, b },
      question: t(
        lang,
        `두 box $A = ${box2(a)}$, $B = ${box2(b)}$가 $(x_1, y_1, x_2, y_2)$ 형식으로 주어집니다 (넓이 $=(x_2-x_1)(y_2-y_1)$). IoU는?`,
        `Two boxes are given as $(x_1, y_1, x_2, y_2)$: $A = ${box2(a)}$, $B = ${box2(b)}$ (area $=(x_2-x_1)(y_2-y_1)$). What is their IoU?`,
      ),
      answerFormat: t(
        lang,
        `0과 1 사이의 소수 (허용 오차 ±${tol}, 예: 0.143) 또는 분수`,
        `A decimal between 0 and 1 (tolerance ±${tol}, e.g. 0.143) or a fraction`,
      ),
      answer: value.toFixed(3),
      solution: [
        `$$w_\\cap = \\max(0, \\min(${a[2]}, ${b[2]}) - \\max(${a[0]}, ${b[0]})) = ${iw}, \\quad h_\\cap = \\max(0, \\min(${a[3]}, ${b[3]}) - \\max(${a[1]}, ${b[1]})) = ${ih}$$`,
        `$$|A \\cap B| = ${iw}\\cdot ${ih} = ${r.inter}, \\quad |A \\cup B| = ${areaA} + ${areaB} - ${r.inter} = ${r.union}$$`,
        `$$\\text{IoU} = \\frac{|A\\cap B|}{|A\\cup B|} = \\frac{${r.inter}}{${r.union}} \\approx ${value.toFixed(3)}$$`,
      ].join("\n\n"),
      expected,
      mistakes:
        r.inter > 0
          ? [
              {
                code: "intersection_not_subtracted",
                message: t(
                  lang,
                  "합집합에서 교집합을 한 번 빼야 합니다.",
                  "The union must subtract the intersection once.",
                ),
                expected: {
                  kind: "float" as const,
                  value: r.inter / (areaA + areaB),
                  tolerance: tol,
                },
              },
              {
                code: "over_smaller_box",
                message: t(
                  lang,
                  "합집합이 아니라 한 box의 넓이로 나눴습니다.",
                  "You divided by one box's area instead of the union.",
                ),
                expected: {
                  kind: "float" as const,
                  value: r.inter / Math.min(areaA, areaB),
                  tolerance: tol,
                },
              },
            ].filter((m) => Math.abs(m.expected.value - r.iou) > 2 * tol)
          : [],
    };
  },
};

export const rpnAnchorCount: GeneratorDef = {
  info: {
    name: "rpn-anchor-count",
    topic: "Faster R-CNN",
    title: { ko: "RPN anchor 수", en: "RPN anchor count" },
    params: ["height", "width", "scales", "ratios"],
  },
  generate(d, lang) {
    const h = d.int("height", { min: 32, max: 2000, choices: [480, 500, 600, 640, 800] });
    const w = d.int("width", { min: 32, max: 2000, choices: [600, 640, 800, 1000] });
    const ns = d.int("scales", { min: 1, max: 6, choices: [3, 3, 4] });
    const nr = d.int("ratios", { min: 1, max: 6, choices: [3, 3, 2] });
    // Feature map = VGG-16 up to conv5_3 (four 2×2 max pools: stride 16, floor).
    const f = analyzeModel(
      sequential("conv5_3", vggFeatures(VGG_CONFIGS[16], false).slice(0, 30)),
      [3, h, w],
    ).output;
    const [c, fh, fw] = f as [number, number, number];
    const a = ns * nr;
    const count = anchorsOnMap(fh, fw, a);
    if (c !== 512) return null;
    const expected = { kind: "integer" as const, value: count };
    return {
      params: {
        height: h,
        width: w,
        scales: ns,
        ratios: nr,
        feature_height: fh,
        feature_width: fw,
      },
      question: t(
        lang,
        `Faster R-CNN의 RPN이 VGG-16 conv5_3 feature map(2×2 max pooling 4번, 내림)에서 동작합니다. 입력 이미지는 ${h}×${w}이고, 위치마다 scale ${ns}개 × aspect ratio ${nr}개의 anchor를 둡니다. Anchor는 모두 몇 개입니까?`,
        `Faster R-CNN's RPN runs on the VGG-16 conv5_3 feature map (four 2×2 max pools, rounding down). The image is ${h}×${w}, with ${ns} scales × ${nr} aspect ratios of anchors per position. How many anchors are there in total?`,
      ),
      answerFormat: t(lang, "정확한 정수", "An exact integer"),
      answer: fmtInt(count),
      solution: [
        t(
          lang,
          "Pooling 4번마다 크기가 절반(내림)이 되므로 feature map은",
          "Four halvings (rounded down) give the feature map",
        ),
        `$$H' = \\lfloor ${h} / 16 \\rfloor = ${fh}, \\quad W' = \\lfloor ${w} / 16 \\rfloor = ${fw}$$`,
        `$$N = H' W' \\cdot k = ${fh}\\cdot ${fw}\\cdot (${ns}\\cdot ${nr}) = ${texInt(count)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "per_position_only",
          message: t(
            lang,
            "위치 수(feature map 크기)를 곱해야 합니다.",
            "Multiply by the number of positions (the feature map size).",
          ),
          expected: { kind: "integer", value: a },
        },
        {
          code: "image_size_used",
          message: t(
            lang,
            "Anchor는 이미지 pixel이 아니라 feature map 위치마다 놓입니다.",
            "Anchors sit at feature-map positions, not at image pixels.",
          ),
          expected: { kind: "integer", value: h * w * a },
        },
        {
          code: "ceil_instead_of_floor",
          message: t(lang, "Pooling 크기를 올림했습니다.", "You rounded the pooled size up."),
          expected: { kind: "integer", value: Math.ceil(h / 16) * Math.ceil(w / 16) * a },
        },
      ]),
    };
  },
};

export const sppOutputLength: GeneratorDef = {
  info: {
    name: "spp-output-length",
    topic: "SPPNet",
    title: { ko: "SPP 출력 길이", en: "SPP output length" },
    params: ["channels", "levels", "size"],
  },
  generate(d, lang) {
    const c = d.int("channels", { min: 1, max: 2048, choices: [256, 512] });
    const levelSet = d.choice(
      "levels",
      ["1,2,4", "1,2,3,6", "1,2,3,4", "1,3,6", "1,2"],
      ["1,2,4", "1,2,3,6", "1,2,3,4"],
    );
    const levels = levelSet.split(",").map(Number);
    const h = d.int("size", { min: 6, max: 64, choices: [10, 13, 17, 20, 24] });
    const w = h + d.rng.int(0, 8);
    let length = 0;
    for (const n of levels) {
      const out = analyzeModel(
        sequential("spp", [layerNode("pool", adaptiveAvgPool2d(n)), layerNode("flat", flatten())]),
        [c, h, w],
      ).output[0]!;
      length += out;
    }
    const expected = { kind: "integer" as const, value: length };
    const sumSq = levels.reduce((s, n) => s + n * n, 0);
    return {
      params: { channels: c, levels: levels, height: h, width: w },
      question: t(
        lang,
        `SPP layer가 $${texShape([c, h, w])}$ feature map을 pyramid level ${levels.map((n) => `${n}×${n}`).join(", ")}로 max pooling해 이어 붙입니다. 출력 vector의 길이는?`,
        `An SPP layer max-pools a $${texShape([c, h, w])}$ feature map into pyramid levels ${levels.map((n) => `${n}×${n}`).join(", ")} and concatenates them. How long is the output vector?`,
      ),
      answerFormat: t(lang, "정확한 정수", "An exact integer"),
      answer: fmtInt(length),
      solution: [
        t(
          lang,
          "각 level은 입력 크기와 무관하게 $n\\times n$ 칸을 channel마다 냅니다.",
          "Each level gives $n\\times n$ bins per channel, whatever the input size:",
        ),
        `$$L = C \\sum_n n^2 = ${c}\\cdot (${levels.map((n) => `${n}^2`).join(" + ")}) = ${c}\\cdot ${sumSq} = ${texInt(length)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "levels_not_squared",
          message: t(
            lang,
            "Level마다 $n$이 아니라 $n^2$칸입니다.",
            "Each level has $n^2$ bins, not $n$.",
          ),
          expected: { kind: "integer", value: c * levels.reduce((s, n) => s + n, 0) },
        },
        {
          code: "channels_forgotten",
          message: t(lang, "Channel 수를 곱해야 합니다.", "Multiply by the channels."),
          expected: { kind: "integer", value: sumSq },
        },
      ]),
    };
  },
};

export const roiPoolOutputShape: GeneratorDef = {
  info: {
    name: "roi-pool-output-shape",
    topic: "Fast R-CNN",
    title: { ko: "RoI pooling 출력 크기", en: "RoI pooling output shape" },
    params: ["channels", "rois", "pooled"],
  },
  generate(d, lang) {
    const c = d.int("channels", { min: 1, max: 2048, choices: [256, 512, 1024] });
    const r = d.int("rois", { min: 1, max: 2000, choices: [64, 128, 256, 300, 2000] });
    const p = d.int("pooled", { min: 1, max: 14, choices: [6, 7, 7, 14] });
    const fh = d.rng.int(30, 60);
    const fw = d.rng.int(30, 60);
    const bw = d.rng.int(p, 25);
    const bh = d.rng.int(p, 25);
    const x1 = d.rng.int(0, fw - bw);
    const y1 = d.rng.int(0, fh - bh);
    const one = applyLayer(adaptiveAvgPool2d(p), [c, bh, bw]).output;
    const dims = [r, ...one];
    const layout = "R×C×H×W";
    const expected = { kind: "shape" as const, dims, layout };
    return {
      params: { channels: c, rois: r, pooled: p, roi: [x1, y1, x1 + bw, y1 + bh] },
      question: t(
        lang,
        `Fast R-CNN의 feature map은 $${texShape([c, fh, fw])}$입니다. RoI ${r}개(예: feature map 좌표 $(${x1}, ${y1}, ${x1 + bw}, ${y1 + bh})$의 ${bw}×${bh} box)를 ${p}×${p} RoI pooling합니다. 출력 tensor의 크기는?`,
        `A Fast R-CNN feature map is $${texShape([c, fh, fw])}$. ${r} RoIs (for example a ${bw}×${bh} box at feature-map coordinates $(${x1}, ${y1}, ${x1 + bw}, ${y1 + bh})$) go through ${p}×${p} RoI pooling. What is the shape of the output tensor?`,
      ),
      answerFormat: t(
        lang,
        `R×C×H×W 순서의 크기, 예: 128×512×7×7`,
        `A shape in R×C×H×W order, e.g. 128×512×7×7`,
      ),
      answer: dims.join("×"),
      solution: [
        t(
          lang,
          "RoI pooling은 RoI 크기와 상관없이 각 RoI를 고정된 격자로 나누어 칸마다 최대값을 취합니다.",
          "RoI pooling splits every RoI, whatever its size, into a fixed grid and max-pools each cell:",
        ),
        `$$\\underbrace{${r}}_{R} \\times \\underbrace{${c}}_{C} \\times ${p} \\times ${p} = ${texShape(dims)}$$`,
      ].join("\n\n"),
      expected,
      mistakes: distinctMistakes(expected, [
        {
          code: "roi_size_used",
          message: t(
            lang,
            "출력은 RoI 크기가 아니라 고정 격자 크기입니다.",
            "The output is the fixed grid, not the RoI's size.",
          ),
          expected: { kind: "shape", dims: [r, c, bh, bw], layout },
        },
        {
          code: "rois_forgotten",
          message: t(lang, "RoI 개수 차원이 빠졌습니다.", "The RoI dimension is missing."),
          expected: { kind: "shape", dims: [c, p, p], layout },
        },
      ]),
    };
  },
};
