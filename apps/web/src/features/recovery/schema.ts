// The recovery forms' input.
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "@strides/db";
import { z } from "zod";

export const ZCreateResetLink = z.object({
  userId: z.string().min(1).max(200),
  /** The group the staff member acts through; the admin may leave it out. */
  groupId: z
    .string()
    .max(200)
    .transform((v) => v || undefined)
    .optional(),
});
export type TCreateResetLink = z.infer<typeof ZCreateResetLink>;

export const ZResetPassword = z
  .object({
    token: z.string().min(1).max(200),
    password: z.string().min(PASSWORD_MIN_LENGTH).max(PASSWORD_MAX_LENGTH),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwords differ" });
export type TResetPassword = z.infer<typeof ZResetPassword>;
