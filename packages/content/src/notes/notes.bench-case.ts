/**
 * Bench cases for the notes importer, run by `npm run bench`: the seed note (import + KaTeX check)
 * and 1,000 generated notes, each against a bare remark-parse parse of the same text measured in
 * the same run.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import remarkParse from "remark-parse";
import { unified } from "unified";
import { clearTexCache } from "./check-note-content.ts";
import { parseNote } from "./parse-note.ts";

export interface NotesBenchRow {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

const repoRoot = join(import.meta.dirname, "../../../..");
const SEED = join(repoRoot, "../shared/notes/day13-dl-basic.md");
const bare = unified().use(remarkParse).freeze();

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function time(run: () => void): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** A note in the seed's style with its own numbers, so every math fragment is new to KaTeX. */
export function generatedNote(i: number): string {
  return `---
title: "Generated ${i}"
tags: [bench]
---

## Layer ${i}

* Convolution ${i}

    * Output size

        $O_{${i}} = \\lfloor (I_{${i}} + 2P - K) / S \\rfloor + 1$

    * Parameters : $K^2 C_{in} C_{out} + ${i}$

* Key takeaways

    * VGG${i} : repeated $3 \\times ${i}$ blocks

    * ResNet${i} : skip connection ${i}

Why $${i} \\times ${i}$ ? ==> 파라미터가 ${i}개 줄어든다.

Pooling ${i}::max pooling over $2 \\times ${(i % 7) + 2}$ windows

채널 수는 {{c1::${i}}} 이다.

## Detection ${i}

* R-CNN ${i}

* Fast R-CNN ${i}
`;
}

export async function benchNotes(): Promise<NotesBenchRow[]> {
  const rows: NotesBenchRow[] = [];
  if (!existsSync(SEED)) throw new Error(`seed note not found at ${SEED}`);
  const seed = readFileSync(SEED, "utf8");
  for (let i = 0; i < 5; i++) parseNote({ text: seed, file: "seed.md" });
  const seedRuns: number[] = [];
  const seedBare: number[] = [];
  for (let i = 0; i < 30; i++) {
    clearTexCache();
    seedRuns.push(time(() => parseNote({ text: seed, file: "seed.md" })));
    seedBare.push(time(() => bare.parse(seed)));
  }
  const seedMs = median(seedRuns);
  rows.push({
    measure: "notes: seed note import + KaTeX check (median of 30)",
    value: seedMs,
    unit: "ms",
    baseline: median(seedBare),
    target: "≤ 30 ms",
    met: seedMs <= 30,
    note: "baseline: bare remark-parse of the same text",
  });

  const notes = Array.from({ length: 1000 }, (_, i) => generatedNote(i));
  const importAll = (list: string[]) => () => {
    for (const [i, text] of list.entries()) parseNote({ text, file: `gen/${i}.md` });
  };
  clearTexCache();
  const t1000 = median(
    [0, 1, 2].map(() => {
      clearTexCache();
      return time(importAll(notes));
    }),
  );
  const bare1000 = median(
    [0, 1, 2].map(() =>
      time(() => {
        for (const t of notes) bare.parse(t);
      }),
    ),
  );
  rows.push({
    measure: "notes: 1,000 generated notes, import + KaTeX check",
    value: t1000,
    unit: "ms",
    baseline: bare1000,
    target: "≤ 3000 ms",
    met: t1000 <= 3000,
  });
  const t100 = median(
    [0, 1, 2, 3, 4].map(() => {
      clearTexCache();
      return time(importAll(notes.slice(0, 100)));
    }),
  );
  const ratio = t1000 / t100;
  rows.push({
    measure: "notes: time for 1,000 notes ÷ time for 100 (linear ≈ 10)",
    value: ratio,
    unit: "×",
    target: "≤ 12×",
    met: ratio <= 12,
  });
  return rows;
}
