// The web app's environment, read and validated in one place.
import "server-only";
import { z } from "zod";

const ZWebEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_URL: z.url().optional(),
  STRIDES_DEMO: z.enum(["0", "1"]).default("1"),
  STRIDES_SECURE_COOKIES: z.enum(["0", "1"]).optional(),
  /** SMTP server for password-reset mail: smtp://user:password@host:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://… or smtps://…")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  /** The sender of that mail. */
  SMTP_FROM: z.string().min(3).default("Strides <strides@localhost>"),
});

function readEnv() {
  const parsed = ZWebEnv.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${String(issue?.path[0])} ${issue?.message}`);
  }
  const env = parsed.data;
  const isBuild = process.env.NEXT_PHASE === "phase-production-build";
  if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET && !isBuild) {
    throw new Error(
      "BETTER_AUTH_SECRET is not set. Set it to a random string of 32+ characters (openssl rand -hex 32), or start with `npm start`, which generates and keeps one in the data folder.",
    );
  }
  return env;
}

export const env = readEnv();
