// Preloaded into the bench's server (`startWebServer({ loopProbe: true })`): the longest an event
// loop that answers requests was held since the last SIGUSR2, and the share of that time it was
// busy (its utilisation: near 100%, requests queue whatever else runs), printed on SIGUSR2 (then
// reset).
// Measures the server's own loops, which a client can only guess at: the longest the loop itself was
// held (its timer's lateness less the thread's wait for a core, loop-held.mjs), and beside it the
// lateness as seen (wall). The production server has two (production-server.ts): the front's (the
// review API, every connection) and the pages process's (pages, actions, the rest of the API,
// the same entry with `--pages`), which inherits this preload and reports to the front over a Unix socket
// whose path the front leaves in the environment. Worker threads are background work (database
// reads, the optimiser, backups) and not probed. The printed figure is the longest of all, then
// each loop's own.
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { isMainThread } from "node:worker_threads";
import { startLoopHeld } from "./loop-held.mjs";

const SOCKET_ENV = "STRIDES_BENCH_LOOP_PROBE";
const name = !isMainThread ? null : process.argv.includes("--pages") ? "pages" : "front";

/** Newline-separated JSON messages from `socket`, each to `onMessage`. */
function readMessages(socket, onMessage) {
  let buffered = "";
  socket.setEncoding("utf8");
  socket.on("data", (chunk) => {
    buffered += chunk;
    let end = buffered.indexOf("\n");
    while (end !== -1) {
      onMessage(JSON.parse(buffered.slice(0, end)));
      buffered = buffered.slice(end + 1);
      end = buffered.indexOf("\n");
    }
  });
}

if (name) {
  const loop = startLoopHeld(5);
  let since = performance.eventLoopUtilization();
  const held = () => {
    const { ownMs, wallMs } = loop.take();
    const busy = performance.eventLoopUtilization(since).utilization;
    since = performance.eventLoopUtilization();
    return { ms: ownMs, wallMs, busy };
  };
  if (name === "front") {
    const dir = mkdtempSync(join(tmpdir(), "strides-probe-"));
    process.on("exit", () => rmSync(dir, { recursive: true, force: true }));
    process.env[SOCKET_ENV] = join(dir, "probe.sock");
    /** The other loops' connections. */
    const loops = new Set();
    // One collection per SIGUSR2, so two signals in a row never share their replies.
    const collecting = new Set();
    const server = createServer((socket) => {
      socket.unref();
      loops.add(socket);
      socket.on("close", () => loops.delete(socket));
      socket.on("error", () => loops.delete(socket));
      readMessages(socket, (data) => {
        for (const replies of collecting) replies.set(data.report, data.held);
      });
    });
    server.listen(process.env[SOCKET_ENV]);
    server.unref();
    process.on("SIGUSR2", () => {
      const replies = new Map([["front", held()]]);
      collecting.add(replies);
      for (const socket of loops) socket.write("report\n");
      const started = Date.now();
      const print = () => {
        // A loop busy for longer than 3 s (the bench waits 5) has its figure left out; the front's
        // says enough.
        if (replies.size < loops.size + 1 && Date.now() - started < 3000) {
          setTimeout(print, 5);
          return;
        }
        collecting.delete(replies);
        const parts = [...replies]
          .map(([n, h]) => `${n}=${h.ms.toFixed(1)} (wall ${h.wallMs.toFixed(1)})`)
          .join(" ");
        const busy = [...replies].map(([n, h]) => `${n}=${Math.round(100 * h.busy)}%`).join(" ");
        const max = Math.max(...[...replies.values()].map((h) => h.ms));
        process.stderr.write(`strides-bench-loop-max ${max.toFixed(1)} ${parts} busy ${busy}\n`);
      };
      print();
    });
  } else if (process.env[SOCKET_ENV]) {
    const socket = createConnection(process.env[SOCKET_ENV]);
    socket.unref();
    socket.on("error", () => {
      // The front is gone: so is this process, soon.
    });
    socket.setEncoding("utf8");
    // Each "report\n" asks for one reply.
    socket.on("data", (chunk) => {
      for (const _ of chunk.match(/report\n/g) ?? []) {
        socket.write(`${JSON.stringify({ report: name, held: held() })}\n`);
      }
    });
  }
}
