// `npm start` runs this before it builds or serves (scripts/start.mjs): a wrong variable stops the
// start at once with one line naming it, instead of a stack trace from the server after the build.
import { parseWebEnv } from "../lib/env-schema";

const result = parseWebEnv({ ...process.env, NODE_ENV: "production" });
if (!result.ok) {
  console.error(`strides: ${result.message}`);
  process.exit(1);
}
