// Preloaded into the bench's server (`startWebServer({ loopProbe: true })`): the longest the event
// loop was held since the last SIGUSR2, printed on SIGUSR2 (then reset). Measures the server's own
// loop, which a client can only guess at.
import { monitorEventLoopDelay } from "node:perf_hooks";

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on("SIGUSR2", () => {
  process.stderr.write(`strides-bench-loop-max ${(delay.max / 1e6).toFixed(1)}\n`);
  delay.reset();
});
