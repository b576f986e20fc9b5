import { conv2d, relu } from "../layer.ts";
import { concatBranches, layerNode as l, type ModelNode, sequential } from "../model.ts";

/** Faster R-CNN's default anchors per position: 3 scales × 3 aspect ratios. */
export const RPN_DEFAULT_ANCHORS = 9;

/**
 * torchvision's RPNHead on one feature map of `inChannels` channels: a 3×3 conv + ReLU, then 1×1
 * convs for objectness (A channels) and box deltas (4A channels). The model's output stacks both on
 * channels: [5A, H, W].
 */
export function buildRpnHead(inChannels: number, anchors = RPN_DEFAULT_ANCHORS): ModelNode {
  return sequential("rpn-head", [
    l("conv.0.0", conv2d(inChannels, inChannels, 3, { padding: 1 })),
    l("conv.0.1", relu()),
    concatBranches("heads", [
      l("cls_logits", conv2d(inChannels, anchors, 1)),
      l("bbox_pred", conv2d(inChannels, 4 * anchors, 1)),
    ]),
  ]);
}

/** Anchors an RPN proposes on an H×W feature map: one set of A anchors per position. */
export function rpnAnchorCount(height: number, width: number, anchorsPerPosition: number): number {
  return height * width * anchorsPerPosition;
}
