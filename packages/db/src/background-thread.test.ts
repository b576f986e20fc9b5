import { readlinkSync } from "node:fs";
import { getPriority } from "node:os";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { BACKGROUND_NICE, LOWER_THREAD_PRIORITY } from "./background-thread.ts";

const linux = process.platform === "linux";

describe.skipIf(!linux)("worker threads' priority (Linux)", () => {
  it("lowers the worker's own thread to BACKGROUND_NICE and leaves the event loop's thread alone", async () => {
    const before = getPriority(0);
    const worker = new Worker(
      `${LOWER_THREAD_PRIORITY}
      const { parentPort } = require("node:worker_threads");
      const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
      parentPort.postMessage(require("node:os").getPriority(tid));`,
      { eval: true },
    );
    const nice = await new Promise((resolve, reject) => {
      worker.once("message", resolve);
      worker.once("error", reject);
    });
    await worker.terminate();
    expect(nice).toBe(Math.max(BACKGROUND_NICE, before));
    const mainTid = Number(readlinkSync("/proc/thread-self").split("/").pop());
    expect(getPriority(mainTid)).toBe(before);
  });
});
