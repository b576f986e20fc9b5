/**
 * The built-in models: torchvision 0.14's classification models (as built for a 3×224×224 input),
 * the original-paper AlexNet, FCN-32s/16s/8s on VGG-16 and the Faster R-CNN RPN head.
 */
import { AppError } from "../../errors.ts";
import { analyzeModel, type ModelAnalysis } from "../analyze.ts";
import type { Shape } from "../layer.ts";
import { parseShape } from "../layer-spec.ts";
import type { ModelNode } from "../model.ts";
import { buildAlexNet, buildAlexNetOriginal } from "./alexnet.ts";
import { buildDenseNet } from "./densenet.ts";
import { buildFcn } from "./fcn.ts";
import { buildGoogLeNet } from "./googlenet.ts";
import { buildResNet } from "./resnet.ts";
import { buildRpnHead, RPN_DEFAULT_ANCHORS, rpnAnchorCount } from "./rpn.ts";
import { buildVgg } from "./vgg.ts";

export interface BuiltinModel {
  name: string;
  family: string;
  description: string;
  defaultInput: readonly number[];
  /** Built once per distinct key (the input channels for the RPN head, nothing for the others). */
  build: (input: Shape) => ModelNode;
  cacheKey?: (input: Shape) => string;
}

const IMAGE = [3, 224, 224] as const;

function tv(
  name: string,
  family: string,
  description: string,
  build: () => ModelNode,
): BuiltinModel {
  return { name, family, description, defaultInput: IMAGE, build };
}

const MODELS: BuiltinModel[] = [
  tv(
    "alexnet",
    "AlexNet",
    "torchvision AlexNet (64 first-layer filters, single GPU)",
    buildAlexNet,
  ),
  {
    name: "alexnet-original",
    family: "AlexNet",
    description:
      "AlexNet as in the 2012 paper: 96 filters, LRN, two-GPU split (groups=2), 227 input",
    defaultInput: [3, 227, 227],
    build: buildAlexNetOriginal,
  },
  ...([11, 13, 16, 19] as const).flatMap((d) => [
    tv(`vgg${d}`, "VGG", `torchvision VGG-${d}`, () => buildVgg(d, false)),
    tv(`vgg${d}_bn`, "VGG", `torchvision VGG-${d} with batch normalization`, () =>
      buildVgg(d, true),
    ),
  ]),
  tv("googlenet", "GoogLeNet", "torchvision GoogLeNet without auxiliary heads", buildGoogLeNet),
  ...([18, 34, 50, 101, 152] as const).map((d) =>
    tv(`resnet${d}`, "ResNet", `torchvision ResNet-${d}`, () => buildResNet(d)),
  ),
  ...([121, 161, 169, 201] as const).map((d) =>
    tv(`densenet${d}`, "DenseNet", `torchvision DenseNet-${d}`, () => buildDenseNet(d)),
  ),
  ...(["32s", "16s", "8s"] as const).map((v) =>
    tv(
      `fcn${v}`,
      "FCN",
      `FCN-${v} on VGG-16, 21 classes, transposed-conv upsampling to the input size`,
      () => buildFcn(v),
    ),
  ),
  {
    name: "rpn-head",
    family: "Faster R-CNN",
    description: `Faster R-CNN RPN head on a feature map C,H,W (${RPN_DEFAULT_ANCHORS} anchors per position)`,
    defaultInput: [512, 38, 50],
    build: (input) => buildRpnHead(input[0] ?? 512),
    cacheKey: (input) => String(input[0]),
  },
];

const BY_NAME = new Map(MODELS.map((m) => [m.name, m]));
const BUILT = new Map<string, ModelNode>();

export function listModels(): readonly BuiltinModel[] {
  return MODELS;
}

export function getModel(name: string): BuiltinModel {
  const m = BY_NAME.get(name);
  if (!m) {
    throw new AppError(
      "NOT_FOUND",
      `unknown model "${name}"; known: ${MODELS.map((x) => x.name).join(", ")}`,
      { field: "name" },
    );
  }
  return m;
}

export interface BuiltinAnalysis extends ModelAnalysis {
  /** RPN head only: anchors over the feature map (H × W × anchors per position). */
  anchors?: number;
}

/** Analyzes a built-in model for an input (its default when omitted); errors name the layer. */
export function analyzeBuiltinModel(name: string, input?: Shape): BuiltinAnalysis {
  const m = getModel(name);
  const shape = input ?? m.defaultInput;
  if (shape.length !== 3) parseShape([], "input");
  const key = `${name}:${m.cacheKey?.(shape) ?? ""}`;
  let node = BUILT.get(key);
  if (!node) {
    node = m.build(shape);
    BUILT.set(key, node);
  }
  const analysis: BuiltinAnalysis = analyzeModel(node, shape, name);
  if (name === "rpn-head") {
    analysis.anchors = rpnAnchorCount(shape[1]!, shape[2]!, RPN_DEFAULT_ANCHORS);
  }
  return analysis;
}
