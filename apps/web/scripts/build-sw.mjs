// Builds the service worker with Serwist after `next build` (configurator mode: serwist.config.mjs).
// Calls @serwist/cli's build directly rather than its `serwist` binary, which checks npm for updates.
import { runBuildCommand } from "@serwist/cli";
import config from "../serwist.config.mjs";

await runBuildCommand({ config: await config, watch: false });
