// Server actions' arguments, validated with zod. A server action is a public endpoint: any client
// can post it arguments of any type (React's reply encoding carries strings, numbers, objects,
// FormData), so a wrong type is the caller's error (BAD_INPUT, field "input"), never a TypeError
// that answers 500.
import { parseOrThrow } from "@strides/content";
import { z } from "zod";

const ZFormData = z.instanceof(FormData, { message: "expected form data" });

/** The FormData a form's action received; anything else is BAD_INPUT. */
export function actionForm(value: unknown): FormData {
  return parseOrThrow(ZFormData, value, "input");
}

/** A server action's (non-form) argument parsed with `schema`; a bad value is BAD_INPUT. */
export function actionInput<T>(schema: z.ZodType<T>, value: unknown): T {
  return parseOrThrow(schema, value, "input");
}
