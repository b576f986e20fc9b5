// `node --import tsx server.ts` (from apps/web, which `npm start` does): the production server.
// See src/server/production-server.ts.
import { register } from "node:module";

register("./server-hooks.mjs", import.meta.url);
await import("./src/server/production-server.ts");
