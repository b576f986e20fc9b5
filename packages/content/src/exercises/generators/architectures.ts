/** Exercises on whole architectures: VGG, Inception, ResNet, DenseNet, FCN, model parameter counts. */
export { modelParams } from "./model-params.ts";
export { denseNetChannels, fcVsConv, resnetBlockParams } from "./resnet-densenet.ts";
export { inceptionBottleneck, inceptionOutputChannels, vggStack } from "./vgg-inception.ts";
