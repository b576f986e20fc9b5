// The production server's node flags: the front's own stay with the front, the pages process gets
// the rest and its own young generation.
import { describe, expect, it } from "vitest";
import { pagesNodeFlags, serverNodeFlags } from "../../scripts/server-node-flags.mjs";

const semiSpace = (flags: string[]) => flags.filter((f) => f.startsWith("--max-semi-space-size"));

describe("serverNodeFlags", () => {
  it.each([
    [{}, ["--max-semi-space-size=4", "--single-threaded-gc", "--no-memory-reducer"]],
    [{ STRIDES_PAGES_PROCESS: "1" }, ["--single-threaded-gc"]],
  ])("with pages in a process of their own (%j), the front takes its own flags", (env, has) => {
    const flags = serverNodeFlags(env);
    expect(flags).toContain("--heap-growing-percent=20");
    for (const f of has) expect(flags).toContain(f);
  });

  it("with pages on the front's thread, none of the front's own flags", () => {
    expect(serverNodeFlags({ STRIDES_PAGES_PROCESS: "0" })).toEqual(["--heap-growing-percent=20"]);
  });
});

describe("pagesNodeFlags", () => {
  it("keeps the front's shared flags and preloads, drops the front's own, sets its young generation", () => {
    const front = [...serverNodeFlags({}), "--import", "/x/loop-probe.mjs"];
    const pages = pagesNodeFlags(front);
    expect(pages).toContain("--heap-growing-percent=20");
    expect(pages.slice(pages.indexOf("--import"), pages.indexOf("--import") + 2)).toEqual([
      "--import",
      "/x/loop-probe.mjs",
    ]);
    expect(pages).not.toContain("--single-threaded-gc");
    expect(pages).not.toContain("--no-memory-reducer");
    expect(semiSpace(pages)).toEqual(["--max-semi-space-size=8"]);
  });

  it("from a front without its own flags (pages on its thread), the same pages flags", () => {
    const pages = pagesNodeFlags(serverNodeFlags({ STRIDES_PAGES_PROCESS: "0" }));
    expect(pages).toEqual(["--heap-growing-percent=20", "--max-semi-space-size=8"]);
  });

  it.each([
    ["--inspect"],
    ["--inspect=9230"],
    ["--inspect-brk=0.0.0.0:9229"],
    ["--inspect-wait"],
    ["--inspect-port=9231"],
    ["--cpu-prof-name=front.cpuprofile"],
    ["--heap-prof-name=front.heapprofile"],
  ])("leaves the front's debugging flag %s to the front", (flag) => {
    const pages = pagesNodeFlags([flag, "--cpu-prof", "--cpu-prof-dir=/tmp/p"]);
    expect(pages).not.toContain(flag);
    expect(pages).toEqual(["--cpu-prof", "--cpu-prof-dir=/tmp/p", "--max-semi-space-size=8"]);
  });
});
