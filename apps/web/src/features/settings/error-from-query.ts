// The settings form's error, as its redirect carries it in the query (`key`, `params`: the form
// works without JavaScript). Anyone can send a learner a link to /settings with any query, so the
// page shows only the interface's own text: the message of a known key, naming a known field, with
// numbers for its other values. Free text from the URL (the English `error`, a `field` that is not
// one, a string limit) is never shown: it would let a link put "your account is locked, mail your
// password to …" in the app's own alert.
import { z } from "zod";
import type { ErrorMessages, FieldNames } from "@/lib/api-error-text";

const ZParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** The text when the query names no message of ours and no field (errors.unexpected). */
export const UNKNOWN_ERROR_KEY = "unexpected";

export function settingsErrorText(
  q: Readonly<Record<string, string | undefined>>,
  t: ErrorMessages,
  fields: FieldNames,
): string {
  // An error with no message of its own ("unknown time zone") names its field: "Time zone: not valid."
  const generic = () => {
    const field = q.field?.split(".")[0];
    return field && fields.has(field)
      ? t("fieldInvalid", { field: fields(field) })
      : t(UNKNOWN_ERROR_KEY);
  };
  if (!q.key || !t.has(q.key)) return generic();
  let params: Record<string, string | number>;
  try {
    const parsed = ZParams.safeParse(JSON.parse(q.params ?? "{}"));
    if (!parsed.success) return generic();
    params = parsed.data;
  } catch {
    return generic();
  }
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params)) {
    if (name === "field" && typeof value === "string") {
      const field = value.split(".")[0] ?? value;
      if (!fields.has(field)) return generic();
      values.field = fields(field);
    } else if (typeof value === "number" && Number.isFinite(value)) {
      values[name] = value;
    } else {
      return generic();
    }
  }
  return t(q.key, values);
}
