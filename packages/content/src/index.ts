export * from "./cnn/index.ts";
export * from "./errors.ts";
export * from "./exercises/index.ts";
export * from "./notes/index.ts";
export { HIDDEN_CHARACTERS, zVisibleName } from "./visible-text.ts";
