// Starts listening, or says in one line why not: a port in use, an address this machine does not
// have, a port below 1024 without the privilege. The production server prints it and exits 1
// instead of dying on an unhandled 'error' event with a stack trace.
import type { Server } from "node:http";

const HINTS: Record<string, (host: string, port: number) => string> = {
  EADDRINUSE: (host, port) =>
    `port ${port} on ${host} is already in use (another Strides?): stop it or set PORT to a free port`,
  EACCES: (host, port) =>
    `no permission to listen on ${host}:${port}: ports below 1024 need privileges; set PORT to 1024 or above`,
  EADDRNOTAVAIL: (host) =>
    `HOST=${host} is not an address of this machine: use 127.0.0.1 (this machine only) or 0.0.0.0 (every network)`,
  ENOTFOUND: (host) =>
    `HOST=${host} does not resolve: use 127.0.0.1 (this machine only) or 0.0.0.0 (every network)`,
  EAI_AGAIN: (host) => `HOST=${host} cannot be resolved now: use an address such as 0.0.0.0`,
};

/** The one line for a failure to listen that the person starting the server can fix, or null. */
export function describeListenError(error: unknown, host: string, port: number): string | null {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && code in HINTS ? (HINTS[code]?.(host, port) ?? null) : null;
}

/** Resolves once `server` listens on host:port; rejects with the listen error. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: Error) => reject(error);
    server.once("error", onError);
    server.listen(port, host, () => {
      server.off("error", onError);
      resolve();
    });
  });
}
