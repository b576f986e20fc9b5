// Names people read in others' lists (display names, group and deck names): control characters
// (NUL, BEL, newlines…) and the invisible format characters that reorder or hide text (bidi
// overrides and isolates, zero-width characters, BOM) are refused, so a name reads as what it is
// (`\u202e` would let "nimda" show as "admin" in a member list, a dashboard or a CSV), and
// Postgres' refusal of NUL never surfaces as a server error.
import { z } from "zod";

export const HIDDEN_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

/** A name of 1 to `max` characters (trimmed) with no hidden character: `hiddenCharacters`. */
export function zVisibleName(max: number) {
  return z
    .string()
    .trim()
    .min(1, "name is required")
    .max(max)
    .refine((s) => !HIDDEN_CHARACTERS.test(s), {
      message: "no control or invisible characters",
      params: { key: "hiddenCharacters" },
    });
}
