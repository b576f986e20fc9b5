export * from "./errors.ts";
export * from "./exercises/index.ts";
export * from "./cnn/index.ts";
