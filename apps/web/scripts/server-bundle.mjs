// Where the production server's bundle is: written by scripts/build-server.mjs (the last step of
// this package's `build` script), run by scripts/start.mjs (`npm start`) and the bench; and the
// stamp of the sources a build was made from, which both use to build only when those changed.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** apps/web. */
export const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO_ROOT = join(WEB_DIR, "..", "..");
/**
 * The repository's folders the web build is made from (the bundle includes
 * scripts/server-node-flags.mjs): a change in them calls for a new build.
 */
export const BUILD_SOURCE_DIRS = ["apps", "packages", "prisma", "scripts"];
/** The bundle's entry (src/server/main.ts, bundled). */
export const SERVER_BUNDLE = join(WEB_DIR, ".next", "strides-server", "main.mjs");
/** The sources' stamp (sourceStamp) of the build in .next, written once it is complete. */
export const BUILD_STAMP_FILE = join(WEB_DIR, ".next", "strides-source-stamp");

function git(args) {
  return execFileSync("git", args, { cwd: REPO_ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
}

/**
 * A stamp of the sources the web build is made from: HEAD, the diff of tracked files and the
 * content of untracked ones under BUILD_SOURCE_DIRS, hashed. A dirty tree is rebuilt when it
 * changes, not at every start. Outside a git checkout (an unpacked release) the sources do not
 * change: "unversioned", built once.
 */
export function sourceStamp() {
  try {
    const h = createHash("sha256");
    h.update(git(["rev-parse", "HEAD"]));
    h.update(git(["diff", "HEAD", "--", ...BUILD_SOURCE_DIRS]));
    const untracked = git(["ls-files", "--others", "--exclude-standard", ...BUILD_SOURCE_DIRS])
      .split("\n")
      .filter(Boolean)
      .sort();
    for (const f of untracked) {
      h.update(f);
      h.update(readFileSync(join(REPO_ROOT, f)));
    }
    return h.digest("hex");
  } catch {
    return "unversioned";
  }
}
