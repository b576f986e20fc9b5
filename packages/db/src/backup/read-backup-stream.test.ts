// The backup file's scanner: rows come out whole however the text is cut, strings with braces,
// quotes and escapes included; files that are not backups, or end early, are refused.
import { describe, expect, it } from "vitest";
import { type BackupEvent, readBackupStream } from "./read-backup-stream.ts";

async function* pieces(text: string, size: number) {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

async function events(text: string, size: number): Promise<BackupEvent[]> {
  const out: BackupEvent[] = [];
  for await (const e of readBackupStream(pieces(text, size))) out.push(e);
  return out;
}

const file = {
  format: "strides-backup",
  version: 1,
  createdAt: "2026-06-01T08:30:00.123Z",
  tables: {
    User: [
      { id: "u1", name: '김 "학습" {x} [y] \\ \n', at: { $date: "2026-06-01T08:30:00.123Z" } },
      { id: "u2", name: "", n: -1.5e3, ok: true, none: null, list: [1, { a: "}" }] },
    ],
    Group: [],
    Card: [{ id: "c1", content: '{"kind":"basic"}' }],
  },
};

describe("readBackupStream", () => {
  it.each([1, 2, 3, 7, 64, 100_000])("reads rows whole from chunks of %i characters", async (n) => {
    for (const text of [JSON.stringify(file), JSON.stringify(file, null, 2)]) {
      const e = await events(text, n);
      expect(e[0]).toEqual({
        kind: "header",
        header: { format: "strides-backup", version: 1, createdAt: file.createdAt },
      });
      expect(e.slice(1)).toEqual([
        { kind: "table", table: "User" },
        { kind: "row", table: "User", row: file.tables.User[0] },
        { kind: "row", table: "User", row: file.tables.User[1] },
        { kind: "table", table: "Group" },
        { kind: "table", table: "Card" },
        { kind: "row", table: "Card", row: file.tables.Card[0] },
      ]);
    }
  });

  it("reads bytes split inside a multi-byte character", async () => {
    const bytes = Buffer.from(JSON.stringify(file), "utf8");
    async function* bufs() {
      for (let i = 0; i < bytes.length; i += 5) yield bytes.subarray(i, i + 5);
    }
    const rows = [];
    for await (const e of readBackupStream(bufs())) if (e.kind === "row") rows.push(e.row);
    expect(rows[0]).toEqual(file.tables.User[0]);
  });

  it("refuses truncated files and other text", async () => {
    const text = JSON.stringify(file);
    await expect(events(text.slice(0, text.length - 3), 10)).rejects.toMatchObject({
      code: "BAD_INPUT",
    });
    await expect(events("[1,2]", 10)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(events(`${text} x`, 10)).rejects.toMatchObject({ code: "BAD_INPUT" });
  });
});
