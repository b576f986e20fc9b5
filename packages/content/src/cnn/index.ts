// The CNN calculator's public surface: typed layers with PyTorch's semantics, composition, analysis
// and the built-in models.
export * from "./analyze.ts";
export * from "./layer.ts";
export * from "./layer-shapes.ts";
export * from "./layer-spec.ts";
export * from "./model.ts";
export { buildAlexNet, buildAlexNetOriginal } from "./models/alexnet.ts";
export { buildDenseNet, DENSENET_CONFIGS, type DenseNetConfig } from "./models/densenet.ts";
export { buildFcn, type FcnVariant } from "./models/fcn.ts";
export {
  buildGoogLeNet,
  GOOGLENET_INCEPTIONS,
  type InceptionChannels,
  inceptionChannels,
  inceptionModule,
} from "./models/googlenet.ts";
export {
  analyzeBuiltinModel,
  type BuiltinAnalysis,
  type BuiltinModel,
  getModel,
  listModels,
} from "./models/index.ts";
export {
  buildResNet,
  EXPANSION,
  RESNET_CONFIGS,
  type ResNetBlockKind,
  resnetBlock,
} from "./models/resnet.ts";
export { buildRpnHead, RPN_DEFAULT_ANCHORS, rpnAnchorCount } from "./models/rpn.ts";
export { buildVgg, VGG_CONFIGS, vggFeatures } from "./models/vgg.ts";
export * from "./receptive-field.ts";
