// Next's request handler on a worker thread of the production server (production-server.ts), so
// rendering a page never holds the event loop that answers the review API. It listens on a Unix
// socket in a directory only this user can open; the front thread proxies every request that is
// not the review API's to it, with the client address it computed in CLIENT_ADDRESS_HEADER.
import { createServer } from "node:http";
import { parentPort, workerData } from "node:worker_threads";
import { lowerThreadPriority } from "@strides/db";
import { KEEP_ALIVE_MS, startNext } from "./next-app";

export interface NextWorkerData {
  /** Names this thread's event loop for the bench's probe (bench/lib/loop-probe.mjs). */
  serverThread: "pages";
  dir: string;
  hostname: string;
  port: number;
  socketPath: string;
}

export type NextWorkerMessage = { ready: true } | { closed: true };

const port = parentPort;
if (!port) throw new Error("next-worker.ts runs on a worker thread (see production-server.ts)");
const data = workerData as NextWorkerData;

// Pages take the CPU the review API's thread leaves: under load a learner's next card comes first,
// as it does before the database's heavy reads (the same nice value, BACKGROUND_NICE).
lowerThreadPriority();

const app = await startNext({ dir: data.dir, hostname: data.hostname, port: data.port });
const server = createServer(app.handle);
// As the front thread's (production-server.ts): the Keep-Alive header this sends is passed on to
// clients, and tells the front's agent when to drop an idle socket to this thread.
server.keepAliveTimeout = KEEP_ALIVE_MS;
server.listen(data.socketPath, () => port.postMessage({ ready: true } satisfies NextWorkerMessage));

port.on("message", (message: unknown) => {
  if (message !== "close") return;
  server.close();
  server.closeAllConnections();
  app
    .close()
    .catch((error: unknown) => console.error(error))
    .finally(() => port.postMessage({ closed: true } satisfies NextWorkerMessage));
});
