// Responses written as they are produced: a web ReadableStream pulled from an async iterator, so a
// download of any size holds one chunk at a time and stops reading when the client goes away.
import "server-only";
import { Zip, ZipDeflate } from "fflate";

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

/** A zip archive of files whose contents arrive as text chunks, written file by file. */
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
    while (out.length > 0) yield out.shift() as Uint8Array;
  };
  for (const f of files) {
    const entry = new ZipDeflate(f.name, { level: 6 });
    zip.add(entry);
    for await (const chunk of f.chunks) {
      entry.push(encoder.encode(chunk));
      if (failure) throw failure;
      yield* drain();
    }
    entry.push(new Uint8Array(0), true);
    yield* drain();
  }
  zip.end();
  if (failure) throw failure;
  yield* drain();
}

/** Text chunks compressed with gzip as they come. */
export function gzipStream(source: AsyncIterable<string>): ReadableStream<Uint8Array> {
  return streamFromIterator(source).pipeThrough(
    new CompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>,
  );
}
