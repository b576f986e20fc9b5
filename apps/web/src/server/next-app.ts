// Next as a custom server (next({ dev: false })), started the same way on the production server's
// one thread (production-server.ts) or on its pages thread (next-worker.ts): pages, server actions,
// the proxy and route handlers behave as under `next start`.
import type { IncomingMessage, ServerResponse } from "node:http";

/** How long an idle client connection stays open (the front's, and the pages thread's socket). */
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
  // Imported here: the front thread with pages on their own thread never loads Next.
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
