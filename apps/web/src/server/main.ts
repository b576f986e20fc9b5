// The production server's entry, bundled into .next/strides-server/ by scripts/build-server.mjs
// (what `npm start` runs; `node --import tsx server.ts` runs it from source). With `--pages
// <socket>` it is the pages process the front starts (pages-process.ts), otherwise the front.
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// apps/web: the bundle keeps each source file's own import.meta.url (build-server.mjs).
const dir = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const pages = process.argv.indexOf("--pages");
if (pages === -1) {
  const { runProductionServer } = await import("./production-server");
  await runProductionServer({ dir });
} else {
  const socketPath = process.argv[pages + 1];
  if (!socketPath) throw new Error("usage: --pages <socket path>");
  const { runPagesServer } = await import("./pages-server");
  await runPagesServer({ dir, socketPath });
}
