// `npm run bench`: runs every bench suite, prints one table (measure, Strides, baseline, ratio,
// target) and writes the same as JSON to bench/results/ (git-ignored).
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import type { BenchRow, BenchSuite } from "./bench-row.ts";
import { suites } from "./suites.ts";

function fmt(n: number | undefined): string {
  if (n === undefined || Number.isNaN(n)) return "";
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString("en-US");
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(3);
}

function table(rows: (BenchRow & { suite: string })[]): string {
  const header = [
    "suite",
    "measure",
    "Strides",
    "unit",
    "baseline",
    "ratio",
    "target",
    "met",
    "spread",
  ];
  const lines = rows.map((r) => [
    r.suite,
    r.measure,
    fmt(r.value),
    r.unit,
    fmt(r.baseline),
    r.baseline ? `${(r.value / r.baseline).toFixed(2)}×` : "",
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "yes" : "NO",
    r.spreadPct === undefined ? "" : `${r.spreadPct.toFixed(1)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const out = [header, ...lines].map((l) => l.map((c, i) => c.padEnd(widths[i]!)).join("  "));
  out.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  return out.join("\n");
}

const only = process.argv.slice(2);
const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  date: new Date().toISOString(),
};
console.log(
  `machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, Node ${machine.node}`,
);
const rows: (BenchRow & { suite: string })[] = [];
const failures: string[] = [];
for (const suite of suites as BenchSuite[]) {
  if (only.length > 0 && !only.includes(suite.name)) continue;
  console.log(`running ${suite.name} …`);
  try {
    for (const row of await suite.run()) rows.push({ suite: suite.name, ...row });
  } catch (error) {
    failures.push(`${suite.name}: ${(error as Error).stack ?? String(error)}`);
  }
}
console.log(`\n${table(rows)}\n`);
const notes = rows.filter((r) => r.note);
if (notes.length > 0) {
  console.log("notes:");
  for (const r of notes) console.log(`  ${r.suite} / ${r.measure}: ${r.note}`);
  console.log("");
}
const dir = join(process.cwd(), "bench", "results");
mkdirSync(dir, { recursive: true });
const json = JSON.stringify({ machine, rows, failures }, null, 2);
writeFileSync(join(dir, "latest.json"), json);
writeFileSync(join(dir, `${machine.date.replace(/[:.]/g, "-")}.json`), json);
console.log(`written: bench/results/latest.json`);
if (failures.length > 0) {
  console.error(`\nfailed suites:\n${failures.join("\n")}`);
  process.exit(1);
}
