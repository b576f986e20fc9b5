import { crc32 } from "node:zlib";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipStream } from "./stream-response";

async function* chunksOf(parts: string[]): AsyncGenerator<string> {
  for (const p of parts) yield p;
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

/** Name → CRC-32 from the central directory (fflate's unzip does not check CRCs). */
function centralCrcs(zip: Uint8Array): Map<string, number> {
  const view = Buffer.from(zip);
  const crcs = new Map<string, number>();
  for (let at = view.indexOf(Buffer.from([0x50, 0x4b, 1, 2])); at >= 0; ) {
    const nameLength = view.readUInt16LE(at + 28);
    const name = view.toString("utf8", at + 46, at + 46 + nameLength);
    crcs.set(name, view.readUInt32LE(at + 16));
    const next = at + 46 + nameLength + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    at = view.readUInt32LE(next) === 0x02014b50 ? next : -1;
  }
  return crcs;
}

describe("zipStream", () => {
  it("writes files of many chunks that unzip to the same text, with their CRCs", async () => {
    // A megabyte of lines that deflate cannot squeeze to nothing, in 64 KiB-ish chunks (more than
    // zlib's buffer takes at once), a file of one chunk, an empty one and one with Korean text.
    let seed = 7;
    const lines = Array.from({ length: 20_000 }, (_, i) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return `card-${i % 997},${seed},${i % 4},${seed % 3}\r\n`;
    });
    const big: string[] = [];
    for (let i = 0; i < lines.length; i += 1500) big.push(lines.slice(i, i + 1500).join(""));
    const texts: Record<string, string[]> = {
      "account.json": ['{"name":"학습자"}'],
      "empty.csv": [],
      "revlog.csv": big,
      "cards.json": ["[", '\n  {"front":"가"}', "\n]"],
    };
    const zip = await collect(
      zipStream(Object.entries(texts).map(([name, parts]) => ({ name, chunks: chunksOf(parts) }))),
    );
    const files = unzipSync(zip);
    expect(Object.keys(files)).toEqual(Object.keys(texts));
    const crcs = centralCrcs(zip);
    for (const [name, parts] of Object.entries(texts)) {
      const text = parts.join("");
      expect(new TextDecoder().decode(files[name]), name).toBe(text);
      expect(crcs.get(name), name).toBe(crc32(text));
    }
    expect(zip.byteLength).toBeLessThan(big.join("").length / 2);
  });

  it("passes on the error of a failing file and ends the archive", async () => {
    async function* failing(): AsyncGenerator<string> {
      yield "a,b\r\n";
      throw new Error("the database went away");
    }
    await expect(collect(zipStream([{ name: "a.csv", chunks: failing() }]))).rejects.toThrow(
      "the database went away",
    );
  });

  it("closes the file being read when the client goes away", async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<string> {
      try {
        for (;;) yield "x".repeat(70_000);
      } finally {
        closed = true; // what a backup's snapshot or a database cursor is cleaned up by
      }
    }
    const zip = zipStream([{ name: "a.csv", chunks: endless() }]);
    await zip.next();
    await zip.return(undefined);
    expect(closed).toBe(true);
  });
});
