// The default (STRIDES_PAGES_PROCESS=0 turns it off): Next's request handler in a process of its own
// (pages-server.ts), reached over a Unix socket in a directory only the server's user can open,
// through a reverse proxy (httpxy) that passes each request on as it came, with the client address
// the front computed. A page's rendering then never holds the event loop that answers the review
// API, and, being another process at a lower priority, it takes only the CPU the review API and the
// database leave (see pages-server.ts for why a thread of this process could not).
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { Agent, type ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createProxyServer } from "httpxy";
import { pagesNodeFlags } from "../../../../scripts/server-node-flags.mjs";
import type { NextApp } from "./next-app";
import type { PagesServerMessage } from "./pages-server";

/** How long the pages process gets to close before it is killed. */
const CLOSE_GRACE_MS = 10_000;

const SOCKET_DIR_PREFIX = "strides-pages-";
/** A socket directory's name: the prefix, its front's process id, mkdtemp's suffix. */
const SOCKET_DIR_NAME = new RegExp(`^${SOCKET_DIR_PREFIX}(\\d+)-`);

/** The socket directories (in tmpdir) of fronts no longer running, this user's: removed. */
export function removeDeadSocketDirs(dir = tmpdir()): void {
  for (const name of readdirSync(dir)) {
    const pid = Number(SOCKET_DIR_NAME.exec(name)?.[1]);
    if (!pid || pid === process.pid || isRunning(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
    } catch {
      // Another user's: left alone.
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export async function startPagesProcess(o: {
  dir: string;
  /**
   * The pages process closed by itself, cleanly (exit code 0): a service manager's stop signal
   * reached it too (systemd signals every process of the service). The front is to stop as well.
   */
  onStopped: () => void;
}): Promise<NextApp> {
  // The socket's directory is created 0700: only this user reaches Next without the front (which
  // sets the client address header). Named with this process's id, so that a later start removes
  // the directories of fronts that died without removing theirs (SIGKILL, a crash).
  removeDeadSocketDirs();
  const socketDir = mkdtempSync(join(tmpdir(), `${SOCKET_DIR_PREFIX}${process.pid}-`));
  const socketPath = join(socketDir, "next.sock");
  process.on("exit", () => rmSync(socketDir, { recursive: true, force: true }));
  // A session of its own (detached: setsid), so that on Linux it is a scheduling group of its own
  // that pages-server.ts can lower without lowering this process. It leaves when this process does
  // (its IPC channel closes), whatever the way this one ends.
  // The same entry as this process (main.ts, bundled or through tsx), with the same preloads.
  const entry = process.argv[1];
  if (!entry) throw new Error("the production server runs from a script (main.ts)");
  const child: ChildProcess = spawn(
    process.execPath,
    [...pagesNodeFlags(process.execArgv), entry, "--pages", socketPath],
    { cwd: o.dir, detached: true, stdio: ["ignore", "inherit", "inherit", "ipc"] },
  );
  let closing = false;
  await new Promise<void>((ready, failed) => {
    child.on("message", (m: PagesServerMessage) => {
      if ("ready" in m) ready();
    });
    child.once("error", failed);
    child.once("exit", (code, signal) =>
      failed(new Error(`the pages process exited (${code ?? signal})`)),
    );
  });
  // Past start-up the server cannot serve pages without Next: it stops, for its supervisor to
  // restart it; with an error unless the pages process was stopped (see onStopped).
  child.on("exit", (code, signal) => {
    if (closing) return;
    if (code === 0) return o.onStopped();
    console.error(`strides: the pages process exited (${code ?? signal})`);
    process.exit(1);
  });

  // The pages process keeps an idle socket as long as the front keeps a client's (KEEP_ALIVE_MS):
  // the Keep-Alive header passed on to clients is the front's own, and the agent (which reads it)
  // drops an idle socket before the pages process closes it.
  const proxy = createProxyServer({
    target: { socketPath },
    agent: new Agent({ keepAlive: true }),
  });
  proxy.on("error", (error, _req, res) => {
    console.error("strides: passing a request to Next failed", error);
    const response = res as ServerResponse | undefined;
    if (response && "headersSent" in response && !response.headersSent) {
      response.writeHead(502).end();
    } else {
      response?.destroy();
    }
  });
  return {
    handle: (req, res) => void proxy.web(req, res),
    close: () =>
      new Promise<void>((done) => {
        closing = true;
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill("SIGKILL"), CLOSE_GRACE_MS);
        child.once("exit", () => {
          clearTimeout(kill);
          done();
        });
        child.send("close");
      }),
  };
}
