// The Node runtime's start-up check (instrumentation.ts imports it there only).
export async function checkEnvironment(): Promise<void> {
  try {
    await import("./lib/env");
  } catch (error) {
    console.error(`strides: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
