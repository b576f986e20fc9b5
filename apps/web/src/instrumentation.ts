// Runs once when the server starts: validates the environment there, so a production server
// without BETTER_AUTH_SECRET stops at start-up (exit 1) instead of failing at its first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    await import("./lib/env");
  } catch (error) {
    console.error(`strides: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
