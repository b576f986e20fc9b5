// Bundles the production server (src/server/main.ts: the front and the pages process, with the
// workspace packages they import) into .next/strides-server/, after `next build`. Run from
// source, each of the server's two processes loaded tsx, whose module hooks run on a thread of
// their own with a JavaScript heap of their own: ~35 MB of memory a process, and the pages
// process's start-up spent compiling TypeScript. The bundle is plain JavaScript for Node.
// - Packages from node_modules stay outside the bundle, imported by the absolute path of the file
//   Node would load from where they were imported (a package's own version, not the first one
//   found from .next/). Like the rest of .next, the bundle is made for this checkout.
// - Every bundled file keeps its own import.meta.url (and dirname), as webpack does for Next's
//   bundles: paths computed from them (apps/web, the repository's root, the SQLite workers'
//   modules) are the same bundled or not.
// - One chunk per dynamic import of main.ts: the front and the pages process each load their own
//   half and the packages it imports (bundled whole, each loaded both: ~22 MB more in the pages
//   process, measured).
// - `server-only` (Next's marker for server code) is an empty module, as in Next's server bundles.
import { readFile, rm } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { SERVER_BUNDLE, WEB_DIR as web } from "./server-bundle.mjs";

const LOADERS = { ".ts": "ts", ".tsx": "tsx", ".mts": "ts", ".js": "js", ".mjs": "js" };

/** @type {import("esbuild").Plugin} */
const serverPlugin = {
  name: "strides-server",
  setup(b) {
    b.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
    b.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.resolving) return undefined;
      if (args.path.startsWith("node:")) return { path: args.path, external: true };
      const found = await b.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { resolving: true },
      });
      if (found.errors.length > 0) return { errors: found.errors };
      // Our own sources (the `@/` alias, the workspace packages) are bundled; builtins stay as named.
      if (!found.path) return { path: args.path, external: true };
      if (!found.path.includes("/node_modules/")) return found;
      return { path: pathToFileURL(found.path).href, external: true };
    });
    b.onLoad({ filter: /\.(ts|tsx|mts|js|mjs)$/ }, async (args) => {
      if (args.path.includes("/node_modules/")) return undefined;
      const source = await readFile(args.path, "utf8");
      const url = JSON.stringify(pathToFileURL(args.path).href);
      const contents = source
        .replaceAll("import.meta.url", url)
        .replaceAll("import.meta.dirname", JSON.stringify(dirname(args.path)))
        .replaceAll("import.meta.filename", JSON.stringify(args.path));
      return { contents, loader: LOADERS[extname(args.path)], resolveDir: dirname(args.path) };
    });
  },
};

// The chunks' names carry a hash: a previous build's would stay beside this one's.
await rm(dirname(SERVER_BUNDLE), { recursive: true, force: true });
await build({
  entryPoints: [join(web, "src", "server", "main.ts")],
  outdir: dirname(SERVER_BUNDLE),
  // One chunk per dynamic import (main.ts imports the front or the pages process): each process
  // loads its own half and the packages that half imports, not the other's.
  splitting: true,
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  outExtension: { ".js": ".mjs" },
  // Node's own choice of a package's files (no "module" entry points).
  conditions: ["node"],
  mainFields: ["main"],
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  tsconfig: join(web, "tsconfig.json"),
  plugins: [serverPlugin],
  // A package's CommonJS `require` of another, inside bundled code, needs one in an ES module.
  banner: {
    js: 'import { createRequire as __stridesCreateRequire } from "node:module"; const require = __stridesCreateRequire(import.meta.url);',
  },
  sourcemap: "linked",
  logLevel: "warning",
});
