// Next's request handler in a process of its own, started by the production server
// (pages-process.ts: its own entry, main.ts, with `--pages <socket>`), so rendering a page never
// holds the event loop that answers the review API. It listens on a Unix socket in a directory only
// this user can open; the front proxies every request that is not the review API's to it, with the
// client address it computed in CLIENT_ADDRESS_HEADER.
//
// Why a process and not a thread at a lower priority: on Linux with autogroups (the default of
// desktop and server kernels), every session is a scheduling group, and the CPU is shared between
// groups first, then between a group's threads by their nice values. A pages thread at nice 10 was
// lowered only against the front's thread, in the same group; each Postgres backend is a group of
// its own, so against the database's work the server's threads, pages included, counted as one.
// With dashboards requested back to back on 2 cores, the review API's thread and its backends
// waited 200–750 ms a second for a core, and Postgres' review p99 doubled. This process starts in
// a session of its own and lowers its group (and, where groups do not apply, all its threads).
import { createServer } from "node:http";
import { BACKGROUND_NICE, BACKSTOP_AUTOCHECKPOINT, setDbOptions } from "@strides/db/server-options";
import { env } from "@/lib/env";
import { KEEP_ALIVE_MS, startNext } from "./next-app";
import { lowerThisProcess } from "./thread-pool-priority";

export type PagesServerMessage = { ready: true };

export async function runPagesServer(o: { dir: string; socketPath: string }): Promise<void> {
  const send = (m: PagesServerMessage) => process.send?.(m);
  // The front started us: without it, we have nothing to serve.
  process.on("disconnect", () => process.exit(0));
  await lowerThisProcess(BACKGROUND_NICE);

  // The pages' database: the read workers for heavy reads; the WAL checkpointer runs in the front
  // (at its priority: it must keep pace with the reviews' writes), so commits here leave the WAL to
  // it (only the backstop threshold checkpoints here).
  setDbOptions({ readWorker: true, autocheckpointPages: BACKSTOP_AUTOCHECKPOINT });
  const app = await startNext({ dir: o.dir, hostname: env.HOST, port: env.PORT });
  const server = createServer(app.handle);
  // As the front's (production-server.ts): the Keep-Alive header this sends is passed on to
  // clients, and tells the front's agent when to drop an idle socket to this process.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.listen(o.socketPath, () => send({ ready: true }));

  // Closes on the front's "close" message (it was stopped), or on a stop signal of its own (a
  // service manager signals every process of the service; a terminal's Ctrl-C reaches only the
  // front, as this process is in a session of its own): exit code 0 tells the front it was stopped.
  let closing = false;
  const close = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeAllConnections();
    app
      .close()
      .catch((error: unknown) => console.error(error))
      .finally(() => process.exit(0));
  };
  process.on("message", (message: unknown) => {
    if (message === "close") close();
  });
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, close);
}
