import { conv2d, convTranspose2d, dropout, relu } from "../layer.ts";
import { layerNode as l, type ModelNode, residual, sequential } from "../model.ts";
import { VGG_CONFIGS, vggFeatures } from "./vgg.ts";

export type FcnVariant = "32s" | "16s" | "8s";

/**
 * FCN-32s/16s/8s on VGG-16 (Long, Shelhamer and Darrell 2015), padded variant: the classifier is
 * convolutionalized (fc6 = 7×7 conv with padding 3, fc7 = 1×1 conv, score = 1×1 conv to the
 * classes) and transposed convolutions upsample back to exactly the input size, so no crop layer
 * is needed. Inputs must be multiples of 32 for the skip connections (16s, 8s) to line up.
 */
export function buildFcn(variant: FcnVariant, numClasses = 21): ModelNode {
  const n = numClasses;
  const f = vggFeatures(VGG_CONFIGS[16], false);
  const head = [
    ...f.slice(24),
    l("fc6", conv2d(512, 4096, 7, { padding: 3 })),
    l("relu6", relu()),
    l("drop6", dropout()),
    l("fc7", conv2d(4096, 4096, 1)),
    l("relu7", relu()),
    l("drop7", dropout()),
    l("score_fr", conv2d(4096, n, 1)),
  ];
  const up = (name: string, k: number, s: number, p: number) =>
    l(name, convTranspose2d(n, n, k, { stride: s, padding: p, bias: false }));
  if (variant === "32s") {
    return sequential("fcn32s", [...f.slice(0, 24), ...head, up("upscore", 64, 32, 16)]);
  }
  const fuse4 = residual(
    "fuse_pool4",
    sequential("fuse_pool4.body", [...head, up("upscore2", 4, 2, 1)]),
    l("score_pool4", conv2d(512, n, 1)),
  );
  if (variant === "16s") {
    return sequential("fcn16s", [...f.slice(0, 24), fuse4, up("upscore16", 32, 16, 8)]);
  }
  const fuse3 = residual(
    "fuse_pool3",
    sequential("fuse_pool3.body", [...f.slice(17, 24), fuse4, up("upscore_pool4", 4, 2, 1)]),
    l("score_pool3", conv2d(256, n, 1)),
  );
  return sequential("fcn8s", [...f.slice(0, 17), fuse3, up("upscore8", 16, 8, 4)]);
}
