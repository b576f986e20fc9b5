// The instructor of the instructor suite, on a thread of its own: posts "ready" once loaded, then,
// told "go", GETs one page again and again (each after the last has been read) until told to stop,
// then posts how many it read. Started before the learners' run and told to go as it starts, so a
// thread's start-up (an isolate, this module) is not charged to the server's first seconds.
//
// Why a thread: an instructor's browser is not the learners' client. On the load generator's own
// event loop, reading and decompressing a 300 KB page at a time delayed the learners' answers
// there, and that delay was counted as the server's. The body is read but not decompressed (the
// server still compresses it; a browser would decompress it on another machine).
import { request } from "node:http";
import { parentPort, workerData } from "node:worker_threads";

const { baseUrl, path, headers } = workerData;
const url = new URL(baseUrl);
let running = true;
let pages = 0;
let go;
const started = new Promise((resolve) => {
  go = resolve;
});
parentPort.on("message", (m) => {
  if (m === "go") go();
  if (m === "stop") {
    running = false;
    go();
  }
});
parentPort.postMessage("ready");

const once = () =>
  new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path,
        headers: { ...headers, "accept-encoding": "gzip, deflate, br" },
      },
      (res) => {
        res.resume();
        res.on("end", () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`GET ${path}: ${res.statusCode}`)),
        );
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end();
  });

try {
  await started;
  while (running) {
    await once();
    pages++;
  }
  parentPort.postMessage({ pages });
} catch (e) {
  parentPort.postMessage({ pages, error: e instanceof Error ? e.message : String(e) });
}
