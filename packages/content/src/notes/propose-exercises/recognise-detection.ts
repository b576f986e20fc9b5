/** Detection computations: IoU, RPN anchors, SPP output length, RoI pooling output shape. */
import type { TParamRanges } from "../../exercises/contract.ts";
import { choices, put } from "./choice-ranges.ts";
import type { ExerciseRecogniser } from "./recogniser.ts";
import { chainTails, channelNumbers } from "./section-facts.ts";

/** A box written as (x1, y1, x2, y2) or [x1, y1, x2, y2]. */
const BOX = /[([]\s*\d+\s*,\s*\d+\s*,\s*\d+\s*,\s*\d+\s*[)\]]/g;

export const iou: ExerciseRecogniser = {
  generator: "iou",
  propose(f) {
    if (!f.has(/\biou\b|intersection over union|jaccard/)) return undefined;
    const ratio = f.has(
      /(?:intersection|교집합|∩|\\cap|겹치는|겹친|overlap)[\s\S]{0,80}(?:union|합집합|∪|\\cup)/,
    );
    const boxes = [...f.text.matchAll(BOX)].map((m) => m[0]);
    if (!ratio && boxes.length < 2) return undefined;
    const coords = boxes.flatMap((b) => (b.match(/\d+/g) ?? []).map(Number));
    const top = coords.length > 0 ? Math.max(...coords) : undefined;
    const ranges: TParamRanges = {};
    const noteMax = top === undefined ? [] : [Math.max(10, Math.ceil(top / 10) * 10)];
    put(ranges, "max_coord", choices(noteMax, [20, 50, 100], { min: 10, max: 1000 }, 3));
    return ranges;
  },
};

export const rpnAnchorCount: ExerciseRecogniser = {
  generator: "rpn-anchor-count",
  propose(f) {
    if (!f.has(/anchor|앵커/)) return undefined;
    const scales = f.before("scales?|스케일|가지 (?:크기|스케일)|sizes?");
    const ratios = f.before("(?:aspect )?ratios?|가지 ?(?:비율|종횡비)|종횡비|비율");
    const listedRatios = f.has(/1\s*:\s*2[^.\n]{0,20}2\s*:\s*1|0\.5\s*,\s*1(?:\.0)?\s*,\s*2/)
      ? [3]
      : [];
    const perPosition = f
      .after("\\bk|앵커(?: 수)?|anchors?")
      .concat(f.before("anchors?|개의 앵커|앵커"));
    const stated =
      scales.length + ratios.length + listedRatios.length > 0 ||
      perPosition.includes(9) ||
      f.has(/[×·*]\s*k\b|h\s*[×·*]\s*w\s*[×·*]\s*k/);
    if (!stated) return undefined;
    const ranges: TParamRanges = {};
    put(ranges, "scales", choices(scales, [3, 4], { min: 1, max: 6 }, 2));
    put(ranges, "ratios", choices(ratios.concat(listedRatios), [3, 2], { min: 1, max: 6 }, 2));
    const images = f.chains.filter((c) => c.length === 2 && c[0]! >= 128 && c[1]! >= 128);
    put(
      ranges,
      "height",
      choices(
        images.map((c) => c[0]!),
        [600, 800],
        { min: 32, max: 2000 },
        3,
      ),
    );
    put(
      ranges,
      "width",
      choices(
        images.map((c) => c[1]!),
        [800, 1000],
        { min: 32, max: 2000 },
        3,
      ),
    );
    return ranges;
  },
};

const LEVEL_SETS = ["1,2,4", "1,2,3,6", "1,2,3,4", "1,3,6", "1,2"];

export const sppOutputLength: ExerciseRecogniser = {
  generator: "spp-output-length",
  propose(f) {
    if (!f.has(/\bspp|spatial pyramid|공간 피라미드|피라미드 풀링|pyramid pooling/))
      return undefined;
    const bins = f.squares.filter((n) => n <= 6);
    const fixed = f.has(/fixed[- ]?(?:length|size)|고정(?:된)? ?(?:길이|크기)|고정 길이/);
    if (bins.length < 2 && !(fixed && f.ints.length > 0)) return undefined;
    const key = [...new Set(bins)].sort((a, b) => a - b).join(",");
    const ranges: TParamRanges = {};
    if (LEVEL_SETS.includes(key))
      ranges.levels = [key, ...LEVEL_SETS.filter((s) => s !== key).slice(0, 1)];
    const chans = channelNumbers(f).concat(chainTails(f).flat());
    put(ranges, "channels", choices(chans, [256, 512], { min: 1, max: 2048 }, 2));
    return ranges;
  },
};

export const roiPoolOutputShape: ExerciseRecogniser = {
  generator: "roi-pool-output-shape",
  propose(f) {
    if (!f.has(/roi ?(?:pool|풀링|align)|roi-?pooling|관심 영역 풀링/)) return undefined;
    const grids = f.squares.filter((n) => n >= 1 && n <= 14);
    if (grids.length === 0) return undefined;
    const ranges: TParamRanges = {};
    put(ranges, "pooled", choices(grids, [7, 6], { min: 1, max: 14 }, 2));
    const chans = channelNumbers(f).concat(chainTails(f).flat());
    put(ranges, "channels", choices(chans, [512, 256], { min: 1, max: 2048 }, 2));
    const rois = f.before(
      "rois?|proposals?|region proposals?|개의 (?:후보|영역|roi)|후보 영역|영역",
    );
    put(ranges, "rois", choices(rois, [128, 2000], { min: 1, max: 2000 }, 2));
    return ranges;
  },
};

export const DETECTION_RECOGNISERS = [iou, rpnAnchorCount, sppOutputLength, roiPoolOutputShape];
