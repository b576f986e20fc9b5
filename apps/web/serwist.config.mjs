// Serwist's configurator mode (@serwist/next/config): the service worker is built after `next build`
// (Turbopack, the default bundler of Next 16, has no plugin hook for it), by scripts/build-sw.mjs.
import { execFileSync } from "node:child_process";
import { generateGlobPatterns, serwist } from "@serwist/next/config";

function revision() {
  try {
    return execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
  } catch {
    return String(Date.now());
  }
}

export default serwist({
  swSrc: "src/sw/sw.ts",
  swDest: "public/sw.js",
  // The offline page is rendered per request (its layout reads the session): precached at install.
  additionalPrecacheEntries: [{ url: "/offline", revision: revision() }],
  // The build's JS and CSS (KaTeX's stylesheet included), public files (icons), and KaTeX's fonts
  // (~260 KB of woff2): any card may need any of them offline. Pretendard's ~90 subsets are cached
  // as pages use them (sw.ts).
  globPatterns: [...generateGlobPatterns(".next/"), ".next/static/media/KaTeX_*.woff2"],
  globIgnores: ["public/sw.js*"],
  precachePrerendered: false,
});
