// The instructor suite's review loop: learners reviewing in an open loop (open-loop.ts), alone or
// while an instructor requests a page again and again on a thread of the bench's own.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { runOpenLoop } from "./open-loop.ts";
import type { LearnerCursor } from "./review-load.ts";
import type { SchoolInstance } from "./school-instance.ts";
import type { WebServer } from "./web-server.ts";

/**
 * The instructor's page requests, one at a time, on a thread of their own (page-loop-worker.mjs):
 * resolves once the thread is loaded; `go()` starts the requests.
 */
export async function pageLoop(baseUrl: string, path: string, headers: Record<string, string>) {
  const worker = new Worker(new URL("./page-loop-worker.mjs", import.meta.url), {
    workerData: { baseUrl, path, headers },
  });
  const exited = (code: number) => new Error(`the instructor's thread exited (${code})`);
  await new Promise<void>((resolve, reject) => {
    worker.once("message", () => resolve());
    worker.once("error", reject);
    worker.once("exit", (code) => reject(exited(code)));
  });
  const done = new Promise<{ pages: number; error?: string }>((resolve, reject) => {
    worker.once("message", resolve);
    worker.once("error", reject);
    worker.once("exit", (code) => reject(exited(code)));
  });
  // A failure before stop() is reported by stop(), not as an unhandled rejection.
  done.catch(() => {});
  return {
    go: () => worker.postMessage("go"),
    /** Stops the requests; their count, or the error that stopped them (an HTTP error included). */
    async stop(): Promise<number> {
      worker.postMessage("stop");
      const { pages, error } = await done;
      if (error) throw new Error(`the instructor's pages: ${error}`);
      return pages;
    },
    /** Ends the thread, stopped or not (harmless once it has exited). */
    terminate: () => worker.terminate(),
  };
}

/**
 * The control of the dashboards' runs: a process that only spins, at the lowest priority a process
 * can give itself, so one core is kept busy by work that needs no memory, no database and no
 * socket, and that every review's process is scheduled ahead of (busy-loop-child.ts). On Linux that
 * takes a session of its own (detached: setsid), whose autogroup it lowers: with autogroups the CPU
 * is shared between sessions first, and a process's own nice counts only within its session.
 * Resolves once it spins.
 */
export async function busyLoop() {
  const child = spawn(
    process.execPath,
    [...process.execArgv, fileURLToPath(new URL("./busy-loop-child.ts", import.meta.url))],
    { detached: true, stdio: ["ignore", "ignore", "inherit", "ipc"] },
  );
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the busy loop exited (${code})`)));
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
      }),
  };
}

/**
 * The learners of the review loop, each without a current card yet. Kept from one run to the next
 * (reviewLoop's `cursors`): a learner without a card asks for one first, so fresh cursors made
 * every run begin with all 300 learners starting a session within its first 1.5 s, twice the
 * server's work; on Postgres that backlog took up to 8 s of a 10-s run to drain and was most of
 * its p99 (per-review timelines, 2026-12-05). The warm-up run gives each learner their card; the
 * runs measured after it are learners in the middle of a session.
 */
export function learnerCursors(inst: SchoolInstance): LearnerCursor[] {
  return inst.learners.map((learner) => ({ learner, cardId: null, sent: 0 }));
}

export async function reviewLoop(
  server: WebServer,
  inst: SchoolInstance,
  cursors: LearnerCursor[],
  c: { seconds: number; rate: number },
  load: { path: string; headers: Record<string, string> } | "busy loop" | null,
  tag: string,
) {
  const pages =
    load && load !== "busy loop" ? await pageLoop(server.baseUrl, load.path, load.headers) : null;
  const busy = load === "busy loop" ? await busyLoop() : null;
  try {
    pages?.go();
    const r = await runOpenLoop({
      baseUrl: server.baseUrl,
      cursors,
      deckId: inst.school.deckId,
      seconds: c.seconds,
      rate: c.rate,
      tag,
    });
    return { ...r, dashboards: (await pages?.stop()) ?? 0 };
  } finally {
    await pages?.terminate();
    await busy?.stop();
  }
}
