import {
  adaptiveAvgPool2d,
  batchNorm2d,
  conv2d,
  flatten,
  linear,
  maxPool2d,
  relu,
} from "../layer.ts";
import { layerNode as l, type ModelNode, residual, sequential } from "../model.ts";

export type ResNetBlockKind = "basic" | "bottleneck";

export const RESNET_CONFIGS: Record<
  18 | 34 | 50 | 101 | 152,
  { block: ResNetBlockKind; layers: [number, number, number, number] }
> = {
  18: { block: "basic", layers: [2, 2, 2, 2] },
  34: { block: "basic", layers: [3, 4, 6, 3] },
  50: { block: "bottleneck", layers: [3, 4, 6, 3] },
  101: { block: "bottleneck", layers: [3, 4, 23, 3] },
  152: { block: "bottleneck", layers: [3, 8, 36, 3] },
};

export const EXPANSION: Record<ResNetBlockKind, number> = { basic: 1, bottleneck: 4 };

/**
 * One residual block as torchvision builds it (stride on the 3×3 conv, "ResNet v1.5"), with a
 * 1×1 projection shortcut when the stride or the channel count changes.
 */
export function resnetBlock(
  name: string,
  kind: ResNetBlockKind,
  inplanes: number,
  planes: number,
  stride: number,
): ModelNode {
  const out = planes * EXPANSION[kind];
  const body =
    kind === "basic"
      ? [
          l(`${name}.conv1`, conv2d(inplanes, planes, 3, { stride, padding: 1, bias: false })),
          l(`${name}.bn1`, batchNorm2d(planes)),
          l(`${name}.relu`, relu()),
          l(`${name}.conv2`, conv2d(planes, planes, 3, { padding: 1, bias: false })),
          l(`${name}.bn2`, batchNorm2d(planes)),
        ]
      : [
          l(`${name}.conv1`, conv2d(inplanes, planes, 1, { bias: false })),
          l(`${name}.bn1`, batchNorm2d(planes)),
          l(`${name}.relu`, relu()),
          l(`${name}.conv2`, conv2d(planes, planes, 3, { stride, padding: 1, bias: false })),
          l(`${name}.bn2`, batchNorm2d(planes)),
          l(`${name}.relu`, relu()),
          l(`${name}.conv3`, conv2d(planes, out, 1, { bias: false })),
          l(`${name}.bn3`, batchNorm2d(out)),
        ];
  const shortcut =
    stride !== 1 || inplanes !== out
      ? sequential(`${name}.downsample`, [
          l(`${name}.downsample.0`, conv2d(inplanes, out, 1, { stride, bias: false })),
          l(`${name}.downsample.1`, batchNorm2d(out)),
        ])
      : undefined;
  return sequential(name, [
    residual(name, sequential(`${name}.body`, body), shortcut),
    l(`${name}.relu`, relu()),
  ]);
}

export function buildResNet(depth: 18 | 34 | 50 | 101 | 152): ModelNode {
  const { block, layers } = RESNET_CONFIGS[depth];
  const nodes: ModelNode[] = [
    l("conv1", conv2d(3, 64, 7, { stride: 2, padding: 3, bias: false })),
    l("bn1", batchNorm2d(64)),
    l("relu", relu()),
    l("maxpool", maxPool2d(3, { stride: 2, padding: 1 })),
  ];
  let inplanes = 64;
  layers.forEach((count, stage) => {
    const planes = 64 * 2 ** stage;
    for (let i = 0; i < count; i++) {
      const stride = stage > 0 && i === 0 ? 2 : 1;
      nodes.push(resnetBlock(`layer${stage + 1}.${i}`, block, inplanes, planes, stride));
      inplanes = planes * EXPANSION[block];
    }
  });
  nodes.push(
    l("avgpool", adaptiveAvgPool2d(1)),
    l("flatten", flatten(), true),
    l("fc", linear(inplanes, 1000)),
  );
  return sequential(`resnet${depth}`, nodes);
}
