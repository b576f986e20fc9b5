// `node --import tsx bench/http-saturation.ts [ms]`: the review bench's closed loop (64 connections,
// autocannon) against a bare node:http server that spends `ms` (default 3) of CPU per request and
// answers a ~3 KB body — no database, no framework. It shows what saturation alone does to the tail:
// with ~3 ms a request (Strides' own cost per review step here), p99 reaches seconds although every
// request is handled in 3 ms, as in the review bench's closed loop.
import { fork } from "node:child_process";
import { createServer } from "node:http";
import { fileURLToPath } from "node:url";
import { learnerCursors, runReviewLoad } from "./lib/review-load.ts";

const ms = Number(process.argv[2] ?? 3);

if (process.env.STRIDES_SATURATION_SERVER === "1") {
  const body = JSON.stringify({
    review: { id: "r" },
    next: { card: { id: "c", html: "x".repeat(3000) } },
  });
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      const t = performance.now();
      while (performance.now() - t < ms) {
        // the handler's CPU time
      }
      res.writeHead(201, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  server.listen(0, "127.0.0.1", () => {
    const address = server.address();
    process.send?.(typeof address === "object" && address ? address.port : 0);
  });
} else {
  const child = fork(fileURLToPath(import.meta.url), [String(ms)], {
    env: { ...process.env, STRIDES_SATURATION_SERVER: "1" },
    execArgv: ["--import", "tsx"],
  });
  const port = await new Promise<number>((resolve) =>
    child.once("message", (m) => resolve(Number(m))),
  );
  const learners = Array.from({ length: 192 }, (_, i) => ({ userId: `u${i}`, token: `t${i}` }));
  const cursors = learnerCursors(learners, "c");
  console.log(`bare node:http, ${ms} ms of CPU per request, closed loop of 64:`);
  for (let i = 0; i < 3; i++) {
    const r = await runReviewLoad({
      baseUrl: `http://127.0.0.1:${port}`,
      cursors,
      deckId: "d",
      seconds: 8,
      connections: 64,
    });
    console.log(
      `  ${r.rps.toFixed(0)}/s, p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms`,
    );
  }
  child.kill();
}
