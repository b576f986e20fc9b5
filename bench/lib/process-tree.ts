// The processes a process started (the production server's pages process), from /proc (Linux).
import { readdirSync, readFileSync } from "node:fs";

/** The processes `pid` started, and theirs (from each process's parent in /proc/<pid>/stat). */
export function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const found: number[] = [];
  const queue = [pid];
  for (let p = queue.shift(); p !== undefined; p = queue.shift()) {
    for (const child of children.get(p) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/**
 * The server's peak RSS: the sum of each of its processes' peaks (an upper bound: each counts the
 * pages of Node's binary they share), with each one's, e.g. "front 150 + pages 300 MB".
 */
export function peakRssMb(pid: number): { mb: number; parts: string } {
  const peaks = [pid, ...descendants(pid)].map((p) => {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${p}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : Number.NaN;
  });
  const names = ["front", "pages"];
  return {
    mb: peaks.reduce((a, b) => a + b, 0),
    parts: `${peaks.map((mb, i) => `${names[i] ?? "process"} ${mb.toFixed(0)}`).join(" + ")} MB`,
  };
}
