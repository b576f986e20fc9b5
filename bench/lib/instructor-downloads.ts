// The instructor suite's downloads and pages over HTTP (instructor.bench-case.ts): each one's time,
// size and the longest the server's event loop was held meanwhile (per thread, by the probe the
// bench preloads into the server: loop-probe.mjs).
import { type BenchRow, median } from "../bench-row.ts";
import { peakRssMb } from "./process-tree.ts";
import { OWNER_PASSWORD } from "./school-instance.ts";
import type { WebServer } from "./web-server.ts";

/** The bound on how long any request may hold an event loop. */
const LOOP_HELD_TARGET_MS = 50;

/**
 * A row of the longest the event loop itself was held meanwhile (`ms`: a timer's lateness less its
 * thread's waits for a core, loop-held.mjs), against the 50 ms bound.
 */
export function loopHeldRow(measure: string, ms: number, extra: Partial<BenchRow> = {}): BenchRow {
  return {
    measure,
    value: ms,
    unit: "ms",
    target: `≤ ${LOOP_HELD_TARGET_MS} ms`,
    met: ms <= LOOP_HELD_TARGET_MS,
    ...extra,
  };
}

/** The note of a loop-held row: the lateness as seen, waits for a core included. */
export const wallNote = (wallMs: number) => `${wallMs.toFixed(1)} ms with waits for a core`;

/** A measured request: its name in the report, its path and its headers (a session cookie). */
export type NamedRequest = [name: string, path: string, headers: Record<string, string>];

export async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await f();
  return { ms: performance.now() - t, value };
}

export async function signIn(baseUrl: string, email: string): Promise<string> {
  const r = await fetch(`${baseUrl}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ email, password: OWNER_PASSWORD }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${r.status} ${await r.text()}`);
  return r.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
}

/** GET a path, reading the whole body; throws unless 200. */
export async function download(baseUrl: string, path: string, headers: Record<string, string>) {
  const r = await fetch(`${baseUrl}${path}`, { headers });
  const bytes = (await r.arrayBuffer()).byteLength;
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status}`);
  return bytes;
}

/** Each download once (CSVs, exports, the backup): its time, size and loop block. */
export async function measureDownloads(
  server: WebServer,
  label: string,
  downloads: NamedRequest[],
  log: (s: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, path, headers] of downloads) {
    await server.loopMaxMs();
    const { ms, value } = await timed(() => download(server.baseUrl, path, headers));
    const block = await server.loopMaxMs();
    log(
      `  ${label}: ${name} ${ms.toFixed(0)} ms, ${(value / 2 ** 20).toFixed(1)} MiB, loop held ≤ ${block} ms (${server.loopThreads()}), peak RSS so far ${peakRssMb(server.child.pid as number).parts}`,
    );
    rows.push(
      {
        measure: `${name} ${label}`,
        value: ms,
        unit: "ms",
        note: `${(value / 2 ** 20).toFixed(1)} MiB`,
      },
      loopHeldRow(`server's event loop held by the ${name} ${label}`, block, {
        note: server.loopThreads(),
      }),
    );
  }
  return rows;
}

/** Each page fetched 3 times after a warm-up: the longest loop block, the median time and size. */
export async function measurePages(
  server: WebServer,
  label: string,
  pages: NamedRequest[],
  log: (s: string) => void,
): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const [name, path, headers] of pages) {
    await download(server.baseUrl, path, headers);
    await server.loopMaxMs();
    const times: number[] = [];
    let bytes = 0;
    for (let i = 0; i < 3; i++) {
      const t = await timed(() => download(server.baseUrl, path, headers));
      times.push(t.ms);
      bytes = t.value;
    }
    const block = await server.loopMaxMs();
    log(
      `  ${label}: ${name} ${median(times).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB, loop held ≤ ${block} ms (${server.loopThreads()}), peak RSS so far ${peakRssMb(server.child.pid as number).parts}`,
    );
    rows.push(
      loopHeldRow(`server's event loop held by the ${name} ${label}`, block, {
        note: `${median(times).toFixed(0)} ms, ${(bytes / 1024).toFixed(0)} KiB; ${server.loopThreads()}`,
      }),
    );
  }
  return rows;
}
