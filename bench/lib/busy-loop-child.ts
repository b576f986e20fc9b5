// The instructor suite's control (busyLoop in instructor-review-loop.ts), in a process and a session
// of its own: lowered to nice 19 as the pages process lowers itself to 10 (its session's autogroup,
// its threads), then it spins in slices of 50 ms until the bench's IPC channel closes.
import { readFileSync } from "node:fs";
import { lowerThisProcess } from "../../apps/web/src/server/thread-pool-priority.ts";

const NICE = 19;
await lowerThisProcess(NICE);
try {
  const group = readFileSync("/proc/self/autogroup", "utf8");
  if (!group.includes(` nice ${NICE}`)) {
    console.error(`busy loop: its autogroup was not lowered: ${group.trim()}`);
  }
} catch {
  // Not Linux, or no autogroups: its own nice is all there is.
}
process.on("disconnect", () => process.exit(0));
const spin = () => {
  const end = Date.now() + 50;
  while (Date.now() < end) {
    // Spins.
  }
  setImmediate(spin);
};
process.send?.("spinning");
spin();
