// Input schemas for the groups domain (validated here as well as in the web layer).
import { parseOrThrow, zVisibleName } from "@strides/content";
import { z } from "zod";
import { GROUP_ROLES } from "./permissions.ts";

export const ZGroupRole = z.enum(GROUP_ROLES);

export const ZCreateGroup = z.object({
  name: zVisibleName(100),
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .refine((s) => /^[a-z0-9][a-z0-9-]{1,39}$/.test(s), {
      message: "2–40 letters, digits or dashes",
      params: { key: "slugFormat", min: 2, max: 40 },
    }),
});
export type TCreateGroup = z.infer<typeof ZCreateGroup>;

export const ZCreateInvite = z.object({
  role: ZGroupRole,
  /** Hours until the link expires (1 hour to 90 days). */
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  maxUses: z.number().int().min(1).max(1000),
});
export type TCreateInvite = z.infer<typeof ZCreateInvite>;

const STEPS = /^(\d+(m|h|d)\s*)*$/;

export const PRESET_FIELDS = [
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "maximumInterval",
] as const;
export type PresetField = (typeof PRESET_FIELDS)[number];

export const ZGroupPreset = z.object({
  desiredRetention: z.number().min(0.7).max(0.99),
  newPerDay: z.number().int().min(0).max(9999),
  reviewsPerDay: z.number().int().min(0).max(99999),
  learningSteps: z
    .string()
    .trim()
    .refine((s) => STEPS.test(s), {
      message: "durations like 1m 10m 1h 1d",
      params: { key: "stepsFormat" },
    }),
  relearningSteps: z
    .string()
    .trim()
    .refine((s) => STEPS.test(s), {
      message: "durations like 10m 1d",
      params: { key: "stepsFormat" },
    }),
  maximumInterval: z.number().int().min(1).max(36500),
  learnerOverridable: z.array(z.enum(PRESET_FIELDS)),
});
export type TGroupPreset = z.infer<typeof ZGroupPreset>;

/** Parses with a zod schema; the first issue becomes a BAD_INPUT naming its field. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown): T {
  return parseOrThrow(schema, value);
}
