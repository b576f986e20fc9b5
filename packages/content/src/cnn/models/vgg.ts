import {
  adaptiveAvgPool2d,
  batchNorm2d,
  conv2d,
  dropout,
  flatten,
  linear,
  maxPool2d,
  relu,
} from "../layer.ts";
import { layerNode as l, type ModelNode, sequential } from "../model.ts";

type VggConfig = readonly (number | "M")[];

/** torchvision's configurations A, B, D, E (VGG-11, 13, 16, 19): conv widths, "M" = 2×2 max pool. */
export const VGG_CONFIGS: Record<11 | 13 | 16 | 19, VggConfig> = {
  11: [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  13: [64, 64, "M", 128, 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
  16: [64, 64, "M", 128, 128, "M", 256, 256, 256, "M", 512, 512, 512, "M", 512, 512, 512, "M"],
  19: [
    64,
    64,
    "M",
    128,
    128,
    "M",
    256,
    256,
    256,
    256,
    "M",
    512,
    512,
    512,
    512,
    "M",
    512,
    512,
    512,
    512,
    "M",
  ],
};

/** The `features` part: 3×3 convs with padding 1 (+ batch norm), ReLU, 2×2 max pools. */
export function vggFeatures(config: VggConfig, batchNorm: boolean): ModelNode[] {
  const nodes: ModelNode[] = [];
  let i = 0;
  let channels = 3;
  for (const v of config) {
    if (v === "M") {
      nodes.push(l(`features.${i++}`, maxPool2d(2, { stride: 2 })));
      continue;
    }
    nodes.push(l(`features.${i++}`, conv2d(channels, v, 3, { padding: 1 })));
    if (batchNorm) nodes.push(l(`features.${i++}`, batchNorm2d(v)));
    nodes.push(l(`features.${i++}`, relu()));
    channels = v;
  }
  return nodes;
}

export function buildVgg(depth: 11 | 13 | 16 | 19, batchNorm: boolean): ModelNode {
  return sequential(`vgg${depth}${batchNorm ? "_bn" : ""}`, [
    ...vggFeatures(VGG_CONFIGS[depth], batchNorm),
    l("avgpool", adaptiveAvgPool2d(7)),
    l("flatten", flatten(), true),
    l("classifier.0", linear(512 * 7 * 7, 4096)),
    l("classifier.1", relu()),
    l("classifier.2", dropout()),
    l("classifier.3", linear(4096, 4096)),
    l("classifier.4", relu()),
    l("classifier.5", dropout()),
    l("classifier.6", linear(4096, 1000)),
  ]);
}
