// Responses written as they are produced: a web ReadableStream pulled from an async iterator, so a
// download of any size holds one chunk at a time and stops reading when the client goes away.
import "server-only";
import { once } from "node:events";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { crc32, createDeflateRaw, createGzip } from "node:zlib";
import { type AsyncFlateStreamHandler, Zip, type ZipInputFile } from "fflate";

const encoder = new TextEncoder();

export function streamFromIterator(
  source: AsyncIterable<string | Uint8Array>,
): ReadableStream<Uint8Array> {
  const it = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done } = await it.next();
        if (done) controller.close();
        else controller.enqueue(typeof value === "string" ? encoder.encode(value) : value);
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await it.return?.();
    },
  });
}

/**
 * A zip entry deflated by node:zlib, whose work runs on libuv's threadpool and not on the event
 * loop; fflate's `Zip` writes the container around it (local header, data descriptor with this
 * CRC and size, central directory). fflate's own `ZipDeflate` compressed on the loop (a 100k-log
 * export held it 54–81 ms at a time); its `AsyncZipDeflate` starts a worker thread per file and
 * gives no backpressure.
 */
class ThreadpoolZipDeflate implements ZipInputFile {
  size = 0;
  crc = 0;
  readonly compression = 8;
  /** fflate's flag for level 6 ("normal" in the general purpose bits). */
  readonly flag = 0;
  ondata?: AsyncFlateStreamHandler;
  readonly #deflate = createDeflateRaw({ level: 6 });
  readonly #ended: Promise<unknown>;

  constructor(readonly filename: string) {
    this.#deflate.on("data", (d: Buffer) =>
      this.ondata?.(null, d as Uint8Array<ArrayBuffer>, false),
    );
    this.#ended = once(this.#deflate, "end");
    // Awaited in end(); a source that fails first never gets there, and its rejection is not news.
    this.#ended.catch(() => {});
  }

  /** Resolves once zlib has taken the chunk in (its buffer is below the high-water mark). */
  async write(chunk: Uint8Array): Promise<void> {
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    if (!this.#deflate.write(chunk)) await once(this.#deflate, "drain");
  }

  /** Flushes the rest; fflate writes the data descriptor on the final (empty) chunk. */
  async end(): Promise<void> {
    this.#deflate.end();
    await this.#ended;
    this.ondata?.(null, new Uint8Array(0), true);
  }

  terminate(): void {
    this.#deflate.destroy();
  }
}

/**
 * A zip archive of files whose contents arrive as text chunks, written file by file. Deflate runs
 * on the threadpool: the loop only encodes the text and sums its CRC (native), and every chunk
 * waits for zlib (a turn of the event loop) before the next is read.
 */
export async function* zipStream(
  files: { name: string; chunks: AsyncIterable<string> }[],
): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, data) => {
    if (error) failure = error;
    else out.push(data);
  });
  const drain = function* () {
    if (failure) throw failure;
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  let entry: ThreadpoolZipDeflate | null = null;
  try {
    for (const f of files) {
      entry = new ThreadpoolZipDeflate(f.name);
      zip.add(entry);
      for await (const chunk of f.chunks) {
        await entry.write(encoder.encode(chunk));
        yield* drain();
      }
      await entry.end();
      entry = null;
      yield* drain();
    }
    zip.end();
    yield* drain();
  } finally {
    // A client that went away (or a failing source): zlib's stream is closed with the response.
    entry?.terminate();
  }
}

/**
 * Text chunks compressed with gzip as they come, by node:zlib. (The web CompressionStream kept the
 * backing stores of its chunks until a full GC: a 640k-log backup grew the server's malloc heap by
 * 350 MB, measured; zlib's stream stays flat.) A client that goes away destroys the pipeline, which
 * ends the source iterator (the backup's snapshot is deleted).
 */
export function gzipStream(source: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const gzip = createGzip();
  pipeline(Readable.from(source), gzip).catch(() => {
    // A client that disconnects (or a failing source) destroys the stream: the response ends.
  });
  return Readable.toWeb(gzip) as unknown as ReadableStream<Uint8Array>;
}
