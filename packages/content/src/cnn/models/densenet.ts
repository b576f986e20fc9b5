import {
  adaptiveAvgPool2d,
  avgPool2d,
  batchNorm2d,
  conv2d,
  flatten,
  linear,
  maxPool2d,
  relu,
} from "../layer.ts";
import { denseBlock, layerNode as l, type ModelNode, sequential } from "../model.ts";

export interface DenseNetConfig {
  growthRate: number;
  blocks: [number, number, number, number];
  initFeatures: number;
  /** Bottleneck width factor: the 1×1 conv outputs bnSize × growthRate channels. */
  bnSize: number;
}

export const DENSENET_CONFIGS: Record<121 | 161 | 169 | 201, DenseNetConfig> = {
  121: { growthRate: 32, blocks: [6, 12, 24, 16], initFeatures: 64, bnSize: 4 },
  161: { growthRate: 48, blocks: [6, 12, 36, 24], initFeatures: 96, bnSize: 4 },
  169: { growthRate: 32, blocks: [6, 12, 32, 32], initFeatures: 64, bnSize: 4 },
  201: { growthRate: 32, blocks: [6, 12, 48, 32], initFeatures: 64, bnSize: 4 },
};

/** DenseNet-BC dense layer: BN-ReLU-1×1 conv (bottleneck) then BN-ReLU-3×3 conv (growth rate). */
function denseLayer(name: string, inC: number, growth: number, bnSize: number): ModelNode {
  return sequential(name, [
    l(`${name}.norm1`, batchNorm2d(inC)),
    l(`${name}.relu1`, relu()),
    l(`${name}.conv1`, conv2d(inC, bnSize * growth, 1, { bias: false })),
    l(`${name}.norm2`, batchNorm2d(bnSize * growth)),
    l(`${name}.relu2`, relu()),
    l(`${name}.conv2`, conv2d(bnSize * growth, growth, 3, { padding: 1, bias: false })),
  ]);
}

export function buildDenseNet(depth: 121 | 161 | 169 | 201): ModelNode {
  const c = DENSENET_CONFIGS[depth];
  const nodes: ModelNode[] = [
    l("features.conv0", conv2d(3, c.initFeatures, 7, { stride: 2, padding: 3, bias: false })),
    l("features.norm0", batchNorm2d(c.initFeatures)),
    l("features.relu0", relu()),
    l("features.pool0", maxPool2d(3, { stride: 2, padding: 1 })),
  ];
  let features = c.initFeatures;
  c.blocks.forEach((count, b) => {
    const name = `features.denseblock${b + 1}`;
    const layers: ModelNode[] = [];
    for (let i = 0; i < count; i++) {
      layers.push(
        denseLayer(
          `${name}.denselayer${i + 1}`,
          features + i * c.growthRate,
          c.growthRate,
          c.bnSize,
        ),
      );
    }
    nodes.push(denseBlock(name, layers));
    features += count * c.growthRate;
    if (b < c.blocks.length - 1) {
      const t = `features.transition${b + 1}`;
      const out = Math.floor(features / 2);
      nodes.push(
        sequential(t, [
          l(`${t}.norm`, batchNorm2d(features)),
          l(`${t}.relu`, relu()),
          l(`${t}.conv`, conv2d(features, out, 1, { bias: false })),
          l(`${t}.pool`, avgPool2d(2, { stride: 2 })),
        ]),
      );
      features = out;
    }
  });
  nodes.push(
    l("features.norm5", batchNorm2d(features)),
    l("relu", relu(), true),
    l("avgpool", adaptiveAvgPool2d(1), true),
    l("flatten", flatten(), true),
    l("classifier", linear(features, 1000)),
  );
  return sequential(`densenet${depth}`, nodes);
}
