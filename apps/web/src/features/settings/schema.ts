// The settings form as the server action receives it (strings from FormData, coerced).
import { z } from "zod";

export const ZSettingsForm = z.object({
  timeZone: z.string().min(1).max(64),
  dayStartHour: z.coerce.number().int().min(0).max(23),
  locale: z.enum(["system", "en", "ko"]),
  theme: z.enum(["system", "light", "dark"]),
  desiredRetention: z.coerce.number().min(0.7).max(0.99).optional(),
  newPerDay: z.coerce.number().int().min(0).max(9999).optional(),
  reviewsPerDay: z.coerce.number().int().min(0).max(99999).optional(),
});
export type TSettingsForm = z.infer<typeof ZSettingsForm>;
