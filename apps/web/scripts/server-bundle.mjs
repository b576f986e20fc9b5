// Where the production server's bundle is: written by scripts/build-server.mjs (the last step of
// this package's `build` script), run by scripts/start.mjs (`npm start`) and the bench.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web. */
export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
/**
 * The repository's folders the web build is made from (the bundle includes
 * scripts/server-node-flags.mjs): a change in them calls for a new build.
 */
export const BUILD_SOURCE_DIRS = ["apps", "packages", "prisma", "scripts"];
/** The bundle's entry (src/server/main.ts, bundled). */
export const SERVER_BUNDLE = join(WEB_DIR, ".next", "strides-server", "main.mjs");
