// `node --import tsx bench/build-web.ts`: builds the web app for the bench and the reliability tests
// unless the current build was made from the same sources.
import { ensureWebBuild } from "./lib/web-server.ts";

ensureWebBuild();
