import {
  adaptiveAvgPool2d,
  conv2d,
  dropout,
  flatten,
  linear,
  localResponseNorm,
  maxPool2d,
  relu,
} from "../layer.ts";
import { layerNode as l, type ModelNode, sequential } from "../model.ts";

/** torchvision.models.alexnet (the "one weird trick" single-GPU variant: 64 first-layer filters). */
export function buildAlexNet(): ModelNode {
  return sequential("alexnet", [
    l("features.0", conv2d(3, 64, 11, { stride: 4, padding: 2 })),
    l("features.1", relu()),
    l("features.2", maxPool2d(3, { stride: 2 })),
    l("features.3", conv2d(64, 192, 5, { padding: 2 })),
    l("features.4", relu()),
    l("features.5", maxPool2d(3, { stride: 2 })),
    l("features.6", conv2d(192, 384, 3, { padding: 1 })),
    l("features.7", relu()),
    l("features.8", conv2d(384, 256, 3, { padding: 1 })),
    l("features.9", relu()),
    l("features.10", conv2d(256, 256, 3, { padding: 1 })),
    l("features.11", relu()),
    l("features.12", maxPool2d(3, { stride: 2 })),
    l("avgpool", adaptiveAvgPool2d(6)),
    l("flatten", flatten(), true),
    l("classifier.0", dropout()),
    l("classifier.1", linear(256 * 6 * 6, 4096)),
    l("classifier.2", relu()),
    l("classifier.3", dropout()),
    l("classifier.4", linear(4096, 4096)),
    l("classifier.5", relu()),
    l("classifier.6", linear(4096, 1000)),
  ]);
}

/**
 * AlexNet as in Krizhevsky, Sutskever and Hinton (2012): 227×227 input, 96 first-layer filters,
 * local response normalization, and the two-GPU split as groups=2 in conv2, conv4 and conv5
 * (conv3 and the fully connected layers see both halves).
 */
export function buildAlexNetOriginal(): ModelNode {
  return sequential("alexnet-original", [
    l("features.conv1", conv2d(3, 96, 11, { stride: 4 })),
    l("features.relu1", relu()),
    l("features.norm1", localResponseNorm(5)),
    l("features.pool1", maxPool2d(3, { stride: 2 })),
    l("features.conv2", conv2d(96, 256, 5, { padding: 2, groups: 2 })),
    l("features.relu2", relu()),
    l("features.norm2", localResponseNorm(5)),
    l("features.pool2", maxPool2d(3, { stride: 2 })),
    l("features.conv3", conv2d(256, 384, 3, { padding: 1 })),
    l("features.relu3", relu()),
    l("features.conv4", conv2d(384, 384, 3, { padding: 1, groups: 2 })),
    l("features.relu4", relu()),
    l("features.conv5", conv2d(384, 256, 3, { padding: 1, groups: 2 })),
    l("features.relu5", relu()),
    l("features.pool5", maxPool2d(3, { stride: 2 })),
    l("classifier.flatten", flatten()),
    l("classifier.fc6", linear(9216, 4096)),
    l("classifier.relu6", relu()),
    l("classifier.drop6", dropout()),
    l("classifier.fc7", linear(4096, 4096)),
    l("classifier.relu7", relu()),
    l("classifier.drop7", dropout()),
    l("classifier.fc8", linear(4096, 1000)),
  ]);
}
