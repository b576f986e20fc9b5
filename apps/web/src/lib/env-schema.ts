// The web app's environment schema, without `server-only`: lib/env.ts reads process.env with it in
// the server, and `npm start` checks the environment with it before building or serving
// (scripts/check-env.ts), so a wrong value stops at once, named, without a stack trace.
import { z } from "zod";
import { parseTrustedProxies } from "./client-address";

const ZWebEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BETTER_AUTH_URL: z
    .url({ protocol: /^https?$/, error: "must be an http(s) URL such as https://strides.example" })
    .optional(),
  /** Where the production server listens (scripts/start.mjs passes them on). */
  PORT: z
    .string()
    .regex(/^\d{1,5}$/, "must be a port number, 0 to 65535")
    .transform(Number)
    .pipe(z.number().max(65_535, "must be a port number, 0 to 65535"))
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  STRIDES_DEMO: z.enum(["0", "1"], "must be 0 or 1").default("1"),
  STRIDES_SECURE_COOKIES: z.enum(["0", "1"], "must be 0 or 1").optional(),
  /**
   * 1 (the default): the production server renders pages in a process of its own
   * (server/pages-process.ts); 0: on the thread that answers the review API.
   */
  STRIDES_PAGES_PROCESS: z.enum(["0", "1"], "must be 0 or 1").default("1"),
  /** More origins the app is served from, comma-separated (BETTER_AUTH_URL is always one). */
  STRIDES_TRUSTED_ORIGINS: z
    .string()
    .optional()
    .refine(
      (v) =>
        (v ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
          .every((s) => URL.canParse(s)),
      "must be comma-separated URLs such as https://strides.example",
    ),
  /** Multiplies the per-address sign-in/sign-up limits (browser test suites on one address). */
  STRIDES_AUTH_RATE_FACTOR: z.coerce
    .number("must be a whole number, 1 to 1000")
    .int("must be a whole number, 1 to 1000")
    .min(1, "must be a whole number, 1 to 1000")
    .max(1000, "must be a whole number, 1 to 1000")
    .default(1),
  /** Proxies whose X-Forwarded-For is believed: comma-separated addresses or CIDR ranges. */
  STRIDES_TRUSTED_PROXY: z
    .string()
    .optional()
    .superRefine((v, ctx) => {
      try {
        parseTrustedProxies(v);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  /** SMTP server for password-reset mail: smtp://user:password@host:587 or smtps://…:465. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s]+$/, "must be smtp://… or smtps://…")
    .optional(),
  /** The sender of that mail. */
  SMTP_FROM: z.string().min(3).default("Strides <strides@localhost>"),
});

export type WebEnv = z.output<typeof ZWebEnv>;

/**
 * Reads the web app's variables from `source`. A variable set to the empty string counts as unset
 * (`.env.example` lists every variable, most of them empty). A wrong value is an error naming the
 * variable and what it must be, never its value (secrets and URLs with passwords).
 */
export function parseWebEnv(
  source: Record<string, string | undefined>,
): { ok: true; env: WebEnv } | { ok: false; message: string } {
  const set = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  const parsed = ZWebEnv.safeParse(set);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${String(issue?.path[0])} ${issue?.message}` };
  }
  const env = parsed.data;
  const isBuild = source.NEXT_PHASE === "phase-production-build";
  if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET && !isBuild) {
    return {
      ok: false,
      message:
        "BETTER_AUTH_SECRET is not set. Set it to a random string of 32+ characters (openssl rand -hex 32), or start with `npm start`, which generates and keeps one in the data folder.",
    };
  }
  return { ok: true, env };
}
