export * from "./errors.ts";
export * from "./exercises/index.ts";
