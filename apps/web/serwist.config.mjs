// Serwist's configurator mode (@serwist/next/config): the service worker is built after `next build`
// (Turbopack, the default bundler of Next 16, has no plugin hook for it), by scripts/build-sw.mjs.
import { execFileSync } from "node:child_process";
import { serwist } from "@serwist/next/config";

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
  globIgnores: ["public/sw.js*"],
  precachePrerendered: false,
});
