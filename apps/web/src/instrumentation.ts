// Runs once when the server starts: validates the environment there, so a production server
// without BETTER_AUTH_SECRET stops at start-up (exit 1) instead of failing at its first request.
// The Node-only code sits in instrumentation-node.ts behind this exact `if`, which the bundler
// drops from the Edge build (an early return instead left process.exit in it: a build warning).
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkEnvironment } = await import("./instrumentation-node");
    await checkEnvironment();
  }
}
