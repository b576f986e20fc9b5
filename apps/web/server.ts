// `node --import tsx server.ts` (from apps/web): the production server run from source, for
// debugging. `npm start` runs the same entry bundled (.next/strides-server/,
// scripts/build-server.mjs). See src/server/main.ts.
import { register } from "node:module";

register("./server-hooks.mjs", import.meta.url);
// tsx turns Node's source maps on for what it transpiles. Left on, Node also reads and keeps the
// source map, with its sources, of every Next server chunk the server loads: ~90 MB of the
// server's memory (heap 140 -> 79 MB at start, measured). `next start` leaves them off as well;
// `node --enable-source-maps` (or NODE_OPTIONS) keeps them on, for debugging.
const sourceMapsAsked = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
if (!sourceMapsAsked.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
await import("./src/server/main.ts");
