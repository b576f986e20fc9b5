// Next as a custom server (next({ dev: false })), started the same way on the production server's
// one thread (production-server.ts) or in its pages process (pages-server.ts): pages, server actions,
// the proxy and route handlers behave as under `next start`.
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import { appOrigins } from "@/lib/security";

/** How long an idle client connection stays open (the front's, and the pages process's socket). */
export const KEEP_ALIVE_MS = 65_000;

export interface NextApp {
  /** Answers one request; an error Next lets through is logged and answered 500. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  close(): Promise<void>;
}

export async function startNext(o: {
  dir: string;
  hostname: string;
  port: number;
}): Promise<NextApp> {
  applyBuildConfig(o.dir);
  // Imported here: the front, with pages in a process of their own, never loads Next.
  const { default: next } = await import("next");
  const app = next({ dev: false, ...o });
  const handle = app.getRequestHandler();
  await app.prepare();
  return {
    handle: (req, res) => {
      handle(req, res).catch((error: unknown) => {
        console.error(error);
        if (!res.headersSent) res.writeHead(500);
        res.end();
      });
    },
    close: () => app.close(),
  };
}

/**
 * Next's configuration as `next build` resolved it (.next/required-server-files.json), the way
 * Next's own standalone server starts, instead of compiling next.config.ts again at every start:
 * that compile loads Next's native compiler (next-swc, 27 MB of the server's memory) for nothing.
 * The one value read from the environment at start, the origins server actions trust, is
 * recomputed from this process's environment (BETTER_AUTH_URL may differ from the build's).
 */
function applyBuildConfig(dir: string): void {
  const file = join(dir, ".next", "required-server-files.json");
  const { config } = JSON.parse(readFileSync(file, "utf8")) as {
    config: { experimental: { serverActions?: { allowedOrigins?: string[] } } };
  };
  config.experimental.serverActions = {
    ...config.experimental.serverActions,
    allowedOrigins: appOrigins(process.env).map((origin) => new URL(origin).host),
  };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(config);
}
