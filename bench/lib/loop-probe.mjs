// Preloaded into the bench's server (`startWebServer({ loopProbe: true })`): the longest an event
// loop that answers requests was held since the last SIGUSR2, and the share of that time it was
// busy (its utilisation: near 100%, requests queue whatever else runs), printed on SIGUSR2 (then
// reset).
// Measures the server's own loops, which a client can only guess at: the longest the loop itself was
// held (its timer's lateness less the thread's wait for a core, loop-held.mjs), and beside it the
// lateness as seen (wall). The production server has two
// (production-server.ts): the front thread's (the review API, every connection) and Next's worker
// thread's (pages, actions, the rest of the API), which names itself in its workerData
// (`serverThread`). Worker threads inherit the preload; the other workers (database reads, the
// optimiser, backups) are background work and not probed. The printed figure is the longest of
// all, then each thread's own.
import { performance } from "node:perf_hooks";
import { isMainThread, workerData } from "node:worker_threads";
import { startLoopHeld } from "./loop-held.mjs";

const name = isMainThread ? "front" : workerData?.serverThread;
if (name) {
  const loop = startLoopHeld(5);
  const channel = new BroadcastChannel("strides-bench-loop-probe");
  channel.unref();
  let since = performance.eventLoopUtilization();
  const held = () => {
    const { ownMs, wallMs } = loop.take();
    const busy = performance.eventLoopUtilization(since).utilization;
    since = performance.eventLoopUtilization();
    return { ms: ownMs, wallMs, busy };
  };
  if (isMainThread) {
    const threads = new Set();
    // One collection per SIGUSR2, so two signals in a row never share their replies.
    const collecting = new Set();
    channel.onmessage = ({ data }) => {
      if (data.hello) threads.add(data.hello);
      if (data.report) for (const replies of collecting) replies.set(data.report, data.held);
    };
    process.on("SIGUSR2", () => {
      const replies = new Map([["front", held()]]);
      collecting.add(replies);
      channel.postMessage("report");
      const started = Date.now();
      const print = () => {
        // A thread busy for longer than 3 s (the bench waits 5) has its figure left out; the
        // front's says enough.
        if (replies.size < threads.size + 1 && Date.now() - started < 3000) {
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
  } else {
    channel.onmessage = ({ data }) => {
      if (data === "report") channel.postMessage({ report: name, held: held() });
    };
    channel.postMessage({ hello: name });
  }
}
