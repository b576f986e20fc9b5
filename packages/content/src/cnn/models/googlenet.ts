import {
  adaptiveAvgPool2d,
  batchNorm2d,
  type Conv2dOptions,
  conv2d,
  dropout,
  flatten,
  linear,
  maxPool2d,
  relu,
} from "../layer.ts";
import { concatBranches, layerNode as l, type ModelNode, sequential } from "../model.ts";

/** torchvision's BasicConv2d: conv without bias, batch norm, functional ReLU. */
function basicConv(name: string, inC: number, outC: number, k: number, o: Conv2dOptions = {}) {
  return sequential(name, [
    l(`${name}.conv`, conv2d(inC, outC, k, { ...o, bias: false })),
    l(`${name}.bn`, batchNorm2d(outC)),
    l(`${name}.relu`, relu(), true),
  ]);
}

/** Channels of one Inception module: 1×1, 3×3 reduce, 3×3, "5×5" reduce, "5×5", pool projection. */
export interface InceptionChannels {
  ch1x1: number;
  ch3x3red: number;
  ch3x3: number;
  ch5x5red: number;
  ch5x5: number;
  poolProj: number;
}

/**
 * An Inception module as torchvision builds it. Note: torchvision's "5×5" branch uses a 3×3 kernel
 * (a known discrepancy with the paper, kept for weight compatibility).
 */
export function inceptionModule(name: string, inC: number, c: InceptionChannels): ModelNode {
  return concatBranches(name, [
    basicConv(`${name}.branch1`, inC, c.ch1x1, 1),
    sequential(`${name}.branch2`, [
      basicConv(`${name}.branch2.0`, inC, c.ch3x3red, 1),
      basicConv(`${name}.branch2.1`, c.ch3x3red, c.ch3x3, 3, { padding: 1 }),
    ]),
    sequential(`${name}.branch3`, [
      basicConv(`${name}.branch3.0`, inC, c.ch5x5red, 1),
      basicConv(`${name}.branch3.1`, c.ch5x5red, c.ch5x5, 3, { padding: 1 }),
    ]),
    sequential(`${name}.branch4`, [
      l(`${name}.branch4.0`, maxPool2d(3, { stride: 1, padding: 1, ceilMode: true })),
      basicConv(`${name}.branch4.1`, inC, c.poolProj, 1),
    ]),
  ]);
}

/** GoogLeNet's nine Inception modules: name, input channels and [1×1, 3r, 3, 5r, 5, pool]. */
export const GOOGLENET_INCEPTIONS: readonly [string, number, readonly number[]][] = [
  ["inception3a", 192, [64, 96, 128, 16, 32, 32]],
  ["inception3b", 256, [128, 128, 192, 32, 96, 64]],
  ["inception4a", 480, [192, 96, 208, 16, 48, 64]],
  ["inception4b", 512, [160, 112, 224, 24, 64, 64]],
  ["inception4c", 512, [128, 128, 256, 24, 64, 64]],
  ["inception4d", 512, [112, 144, 288, 32, 64, 64]],
  ["inception4e", 528, [256, 160, 320, 32, 128, 128]],
  ["inception5a", 832, [256, 160, 320, 32, 128, 128]],
  ["inception5b", 832, [384, 192, 384, 48, 128, 128]],
];

export function inceptionChannels(v: readonly number[]): InceptionChannels {
  const [ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj] = v as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj };
}

/** torchvision.models.googlenet(aux_logits=False). */
export function buildGoogLeNet(): ModelNode {
  const inception = (i: number) => {
    const [name, inC, ch] = GOOGLENET_INCEPTIONS[i]!;
    return inceptionModule(name, inC, inceptionChannels(ch));
  };
  const pool = (name: string, k: number) => l(name, maxPool2d(k, { stride: 2, ceilMode: true }));
  return sequential("googlenet", [
    basicConv("conv1", 3, 64, 7, { stride: 2, padding: 3 }),
    pool("maxpool1", 3),
    basicConv("conv2", 64, 64, 1),
    basicConv("conv3", 64, 192, 3, { padding: 1 }),
    pool("maxpool2", 3),
    inception(0),
    inception(1),
    pool("maxpool3", 3),
    inception(2),
    inception(3),
    inception(4),
    inception(5),
    inception(6),
    pool("maxpool4", 2),
    inception(7),
    inception(8),
    l("avgpool", adaptiveAvgPool2d(1)),
    l("flatten", flatten(), true),
    l("dropout", dropout()),
    l("fc", linear(1024, 1000)),
  ]);
}
