// An upload's zips, unzipped without holding the event loop: the zip's directory is read first
// (sizes checked before anything is inflated: no zip bombs), then its entries are inflated a few
// megabytes at a time with a turn of the event loop between, so a 50 MB zip of notes never stalls
// the reviews the server answers meanwhile. The work on its files (parsing notes into cards) takes
// turns the same way (lib/event-loop-turns.ts).
import { unzipSync } from "fflate";

export interface UploadFile {
  name: string;
  data: Uint8Array;
}

export const MAX_FILES = 2000;
export const MAX_UNZIPPED_BYTES = 200 * 1024 * 1024;
/** Bytes inflated between two turns of the event loop (a few milliseconds of inflating). */
const INFLATE_SLICE_BYTES = 2 * 1024 * 1024;

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

/** The upload with each zip replaced by its files (in the zip's order). Throws on a bad zip. */
export async function expandUpload(files: UploadFile[]): Promise<UploadFile[]> {
  const out: UploadFile[] = [];
  for (const f of files) {
    if (!/\.zip$/i.test(f.name)) {
      out.push(f);
      continue;
    }
    const entries = listEntries(f.data);
    // By name, as the zip's directory lists them (a name listed twice keeps its last entry).
    const unzipped = new Map<string, Uint8Array>();
    if (out.length + entries.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
    for (let i = 0; i < entries.length; ) {
      const slice = new Set<string>();
      let bytes = 0;
      while (i < entries.length && (slice.size === 0 || bytes < INFLATE_SLICE_BYTES)) {
        const e = entries[i++] as { name: string; size: number };
        slice.add(e.name);
        bytes += e.size;
      }
      const inflated = unzipSync(f.data, { filter: (e) => slice.has(e.name) });
      for (const [name, data] of Object.entries(inflated)) unzipped.set(name, data);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    for (const [name, data] of unzipped) out.push({ name, data });
  }
  if (out.length > MAX_FILES) throw new Error(`more than ${MAX_FILES} files`);
  return out;
}
