/** Exercises on single convolution and pooling layers: shapes, parameters, MACs, receptive fields. */
export { convMacs, convParams } from "./conv-params.ts";
export { convOutputShape } from "./conv-shape.ts";
export { poolOutputShape } from "./pool-shape.ts";
export { convTransposeOutputSizeGen, receptiveFieldGen } from "./receptive.ts";
