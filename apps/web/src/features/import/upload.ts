// The import form's uploads: files posted as multipart form data with upload progress (fetch has
// none), and the names files added in the missing-images step are uploaded under.
import type { MissingImage } from "./import-curation";

const IMAGE_FILE = /\.(png|jpe?g|gif|webp)$/i;

/**
 * The upload name of a file added in the missing-images step: a folder keeps its relative path; a
 * loose image named like a missing one goes where the note looks for it.
 */
export function uploadName(f: File, missing: MissingImage[]): string {
  if (f.webkitRelativePath) return f.webkitRelativePath;
  if (!IMAGE_FILE.test(f.name)) return f.name;
  const match = missing.find((m) => m.path.split("/").pop() === f.name);
  return match ? match.path.replace(/^\/+/, "") : f.name;
}

export function send<T>(
  url: string,
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<{ status: number; json: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", url);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      try {
        resolve({ status: xhr.status, json: JSON.parse(xhr.responseText) as T });
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => reject(new Error("network error"));
    xhr.send(body);
  });
}
