// A V8 CPU profile (`--cpu-prof`) summarised: self time by package and the top functions.
export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function summarizeProfile(p: Profile, top = 20): string {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  for (const [i, id] of p.samples.entries())
    self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0));
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const bucket = (url: string, fn: string) => {
    if (!url) return fn.startsWith("(") ? fn : "(native)";
    const m = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
    if (m) return m[1]!;
    if (url.startsWith("node:")) return "node internals";
    if (url.includes("/.next/")) return "app bundle (.next)";
    const w = url.match(/\/(packages|apps)\/([^/]+)\//);
    return w ? `${w[1]}/${w[2]}` : url.replace(/^file:\/\//, "");
  };
  const byPkg = new Map<string, number>();
  const byFn = new Map<string, number>();
  for (const [id, t] of self) {
    const n = byId.get(id);
    if (!n) continue;
    const { url, functionName, lineNumber } = n.callFrame;
    const k = bucket(url, functionName);
    byPkg.set(k, (byPkg.get(k) ?? 0) + t);
    const f = `${functionName || "(anonymous)"} ${url.split("/").slice(-2).join("/")}:${lineNumber}`;
    byFn.set(f, (byFn.get(f) ?? 0) + t);
  }
  const pct = (t: number) => `${((t / total) * 100).toFixed(1)}%`.padStart(6);
  const lines = [`CPU self time by package (${(total / 1e6).toFixed(1)} s sampled):`];
  for (const [k, t] of [...byPkg].sort((a, b) => b[1] - a[1]).slice(0, 15))
    lines.push(`  ${pct(t)}  ${k}`);
  lines.push("top functions:");
  for (const [k, t] of [...byFn].sort((a, b) => b[1] - a[1]).slice(0, top))
    lines.push(`  ${pct(t)}  ${k}`);
  return lines.join("\n");
}

/** The profile's sampled time outside "(idle)", in µs: the busiest of a process's profiles is its main thread's. */
export function busyTime(p: Profile): number {
  const idle = new Set(
    p.nodes.filter((n) => n.callFrame.functionName === "(idle)").map((n) => n.id),
  );
  return p.samples.reduce((t, id, i) => (idle.has(id) ? t : t + (p.timeDeltas[i] ?? 0)), 0);
}
