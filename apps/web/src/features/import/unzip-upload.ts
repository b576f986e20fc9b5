// An upload's zips, unzipped without holding the event loop: the zip's directory is read first
// (the sizes it lists checked before anything is inflated), then the zip is fed to a streaming
// unzip a few kilobytes at a time, with a turn of the event loop whenever a megabyte has been
// inflated. Every byte inflated is counted: an entry that inflates to more than its directory says
// (a zip bomb with rewritten sizes) stops the unzip there, so a 10 MB upload can never cost
// minutes of inflating. The work on its files (parsing notes into cards) takes turns the same way
// (lib/event-loop-turns.ts).
import { Unzip, UnzipInflate, unzipSync } from "fflate";

export interface UploadFile {
  name: string;
  data: Uint8Array;
}

export const MAX_FILES = 2000;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Bytes inflated between two turns of the event loop (a few milliseconds of inflating). */
const INFLATE_SLICE_BYTES = 1024 * 1024;
/**
 * Compressed bytes given to the unzip at once: deflate inflates at most ~1,032× its input, so one
 * push inflates 8 MB at the very most.
 */
const PUSH_BYTES = 8 * 1024;

/** The entries worth inflating (not folders, not macOS metadata), as the zip's directory lists them. */
function listEntries(zip: Uint8Array): { name: string; size: number }[] {
  const entries: { name: string; size: number }[] = [];
  let total = 0;
  unzipSync(zip, {
    filter: (e) => {
      if (e.name.endsWith("/") || e.name.startsWith("__MACOSX/")) return false;
      total += e.originalSize;
      if (total > MAX_UNZIPPED_BYTES) {
        throw new Error(`more than ${MAX_UNZIPPED_BYTES >> 20} MB once unzipped`);
      }
      entries.push({ name: e.name, size: e.originalSize });
      // Nothing is inflated on this pass.
      return false;
    },
  });
  return entries;
}

/**
 * The listed entries of `zip` inflated (a name listed twice keeps its last entry), each checked
 * against the size the directory lists for it.
 */
async function inflateEntries(
  zip: Uint8Array,
  listed: Map<string, number>,
): Promise<Map<string, Uint8Array>> {
  const unzipped = new Map<string, Uint8Array>();
  let failure: Error | undefined;
  let sinceTurn = 0;
  const unzip = new Unzip((file) => {
    const size = listed.get(file.name);
    if (size === undefined) return;
    const chunks: Uint8Array[] = [];
    let got = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = error;
        return;
      }
      got += chunk.length;
      sinceTurn += chunk.length;
      if (got > size) {
        failure = new Error(`${file.name} inflates to more than the ${size} bytes its zip lists`);
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) unzipped.set(file.name, concat(chunks, got));
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < zip.length; at += PUSH_BYTES) {
    unzip.push(zip.subarray(at, at + PUSH_BYTES), at + PUSH_BYTES >= zip.length);
    if (failure) throw failure;
    if (sinceTurn >= INFLATE_SLICE_BYTES) {
      sinceTurn = 0;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
  return unzipped;
}

function concat(chunks: Uint8Array[], length: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The upload with each zip replaced by its files (in the zip's order). Throws on a bad zip. */
export async function expandUpload(files: UploadFile[]): Promise<UploadFile[]> {
  const out: UploadFile[] = [];
  for (const f of files) {
    if (!/\.zip$/i.test(f.name)) {
      out.push(f);
      continue;
    }
    const entries = listEntries(f.data);
    if (out.length + entries.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
    const listed = new Map<string, number>();
    for (const e of entries) listed.set(e.name, Math.max(e.size, listed.get(e.name) ?? 0));
    const unzipped = await inflateEntries(f.data, listed);
    // In the order of the zip's directory.
    for (const name of listed.keys()) {
      const data = unzipped.get(name);
      if (!data) throw new Error(`${name} is listed but its data is missing`);
      out.push({ name, data });
    }
  }
  if (out.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
  return out;
}
