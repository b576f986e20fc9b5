/** apps/web. */
export const WEB_DIR: string;
/** The repository's folders the web build is made from. */
export const BUILD_SOURCE_DIRS: string[];
/** The production server's bundle (src/server/main.ts, bundled by scripts/build-server.mjs). */
export const SERVER_BUNDLE: string;
/** The sources' stamp of the build in .next (sourceStamp). */
export const BUILD_STAMP_FILE: string;
/** A stamp of the sources the web build is made from (HEAD, the diff, untracked files), hashed. */
export function sourceStamp(): string;
