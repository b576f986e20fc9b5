// Paths of a deck's notes and images, as stored: relative, forward slashes, no `.` or `..`
// segments, no empty segments, no control characters, at most 300 characters. An absolute path
// (`/x.md`, `C:\x.md`) or one that climbs out (`../../x.md`) is refused with an error naming it.
import { AppError } from "@strides/content";

export const MAX_DECK_PATH_LENGTH = 300;

export function normalizeDeckPath(path: string): string {
  const slashed = path.replace(/\\/g, "/");
  const refuse = (why: string) =>
    new AppError("BAD_INPUT", `${path}: not a valid file path (${why})`, {
      file: path,
      key: "pathInvalid",
      params: { path },
    });
  if (slashed.startsWith("/") || /^[A-Za-z]:/.test(slashed)) throw refuse("absolute");
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f]/.test(slashed)) throw refuse("control character");
  const segments = slashed.split("/").filter((seg) => seg !== ".");
  if (segments.includes("..")) throw refuse("'..' segment");
  if (segments.length === 0 || segments.includes("")) throw refuse("empty segment");
  const clean = segments.join("/");
  if (clean.length > MAX_DECK_PATH_LENGTH) throw refuse(`longer than ${MAX_DECK_PATH_LENGTH}`);
  return clean;
}
