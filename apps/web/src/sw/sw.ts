// The service worker (built by Serwist after `next build`: scripts/build-sw.mjs → public/sw.js).
// Precaches the build's static assets (JS, CSS, KaTeX and Pretendard fonts, icons) and the offline
// page; keeps the last /review page it served (network first) so the review opens without a
// connection. The JSON API matches no route, so its requests never pass through the worker: the
// page's own fetch fails when the device is offline, and nothing is cached (the review's offline
// data lives in IndexedDB).
/// <reference lib="webworker" />
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  type PrecacheEntry,
  Serwist,
  type SerwistPlugin,
} from "serwist";

declare const self: ServiceWorkerGlobalScope & {
  __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
};

/** Cache names, also cleared by signing out (features/offline/offline-store.ts clears them all). */
const REVIEW_SHELL = "strides-review-shell";

const IMAGES = "strides-images";

/** Removes the cached copy of a request the server now refuses (no access, or gone). */
function dropRefused(cacheName: string): SerwistPlugin {
  return {
    fetchDidSucceed: async ({ request, response }) => {
      if ([401, 403, 404].includes(response.status)) {
        await (await caches.open(cacheName)).delete(request);
      }
      return response;
    },
  };
}

/** Only the page itself: not a redirect to sign-in, not an error page. */
const pageOnly: SerwistPlugin = {
  cacheWillUpdate: async ({ response }) =>
    response.status === 200 && !response.redirected ? response : null,
};

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: true,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    {
      // The review page (any deck): the network when it answers within 4 s, else the last copy.
      matcher: ({ request, url, sameOrigin }) =>
        sameOrigin && request.mode === "navigate" && url.pathname === "/review",
      handler: new NetworkFirst({
        cacheName: REVIEW_SHELL,
        networkTimeoutSeconds: 4,
        plugins: [pageOnly, new ExpirationPlugin({ maxEntries: 8 })],
      }),
    },
    {
      // Fonts not precached (Pretendard's subsets): kept as the pages load them.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.destination === "font",
      handler: new CacheFirst({
        cacheName: "strides-fonts",
        plugins: [new ExpirationPlugin({ maxEntries: 150 })],
      }),
    },
    {
      // Deck images shown on cards: the server while it answers (it checks access each time, and
      // an unchanged image costs a 304), the last copy only offline. A refusal (401, 403, 404:
      // signed out, access lost, image gone) also drops the copy.
      matcher: ({ request, sameOrigin }) => sameOrigin && request.destination === "image",
      handler: new NetworkFirst({
        cacheName: IMAGES,
        networkTimeoutSeconds: 4,
        plugins: [
          dropRefused(IMAGES),
          new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 86_400 }),
        ],
      }),
    },
  ],
  fallbacks: {
    entries: [{ url: "/offline", matcher: ({ request }) => request.destination === "document" }],
  },
});

serwist.addEventListeners();
