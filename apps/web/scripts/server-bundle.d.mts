/** apps/web. */
export const WEB_DIR: string;
/** The repository's folders the web build is made from. */
export const BUILD_SOURCE_DIRS: string[];
/** The production server's bundle (src/server/main.ts, bundled by scripts/build-server.mjs). */
export const SERVER_BUNDLE: string;
