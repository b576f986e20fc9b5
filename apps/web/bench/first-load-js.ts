/**
 * A page's first-load JavaScript as Next defines it ("First Load JS", which `next build` no longer
 * prints with Turbopack): the scripts its HTML loads, read from the production build's manifests
 * (the app's shared root chunks plus the chunks of the route's layouts and page), each gzipped at
 * level 9. Chunks a page imports later (`import()`) and Next's `noModule` polyfills are not
 * counted. `node --import tsx apps/web/bench/first-load-js.ts /review` prints the figure.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

/** The target for /review (issue 16). */
export const REVIEW_FIRST_LOAD_TARGET_KB = 100;
/**
 * What /review may weigh now (the browser test fails above it): the target is out of reach while
 * Next's and React's own chunks alone weigh more (see README, Performance).
 */
export const REVIEW_FIRST_LOAD_BUDGET_KB = 148;

export interface FirstLoadJs {
  route: string;
  kb: number;
  /** Next's and React's shared chunks (`rootMainFiles`): the same on every page. */
  frameworkKb: number;
  files: { file: string; kb: number; shared: boolean }[];
}

const webDir = fileURLToPath(new URL("..", import.meta.url));

function readRscManifest(path: string): { entryJSFiles?: Record<string, string[]> } {
  const scope: { __RSC_MANIFEST?: Record<string, unknown> } = {};
  new Function("globalThis", "self", readFileSync(path, "utf8"))(scope, scope);
  const [manifest] = Object.values(scope.__RSC_MANIFEST ?? {});
  return (manifest ?? {}) as { entryJSFiles?: Record<string, string[]> };
}

export function firstLoadJs(route: string, dir = join(webDir, ".next")): FirstLoadJs {
  const build = JSON.parse(readFileSync(join(dir, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
  };
  const page = join(
    dir,
    "server/app",
    route === "/" ? "" : route,
    "page_client-reference-manifest.js",
  );
  if (!existsSync(page)) throw new Error(`no build of ${route} in ${dir} (run next build)`);
  const shared = new Set(build.rootMainFiles);
  const files = new Set(build.rootMainFiles);
  for (const list of Object.values(readRscManifest(page).entryJSFiles ?? {})) {
    for (const f of list) files.add(f);
  }
  const sized = [...files].map((file) => ({
    file,
    kb: gzipSync(readFileSync(join(dir, file)), { level: 9 }).length / 1024,
    shared: shared.has(file),
  }));
  const sum = (xs: { kb: number }[]) => xs.reduce((a, x) => a + x.kb, 0);
  return { route, kb: sum(sized), frameworkKb: sum(sized.filter((f) => f.shared)), files: sized };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const route of process.argv.slice(2).length ? process.argv.slice(2) : ["/review"]) {
    const r = firstLoadJs(route);
    console.log(
      `${route}: ${r.kb.toFixed(1)} KB gzip first-load JS (${r.frameworkKb.toFixed(1)} KB Next and React, ${(r.kb - r.frameworkKb).toFixed(1)} KB the app's)`,
    );
    for (const f of r.files)
      console.log(`  ${f.kb.toFixed(1).padStart(6)} KB ${f.file}${f.shared ? " (shared)" : ""}`);
  }
}
