// Accounts and sessions through better-auth (email + password, sessions in the database).
import "server-only";
import { nextCookies } from "better-auth/next-js";
import { createAuth } from "./auth-config";
import { resolveAuthSecret } from "./auth-secret";
import { db, dbHandle } from "./db";
import { env } from "./env";
import { createSmtpMailer } from "./mailer";
import { appOrigins } from "./security";

// Cookies are Secure when asked (STRIDES_SECURE_COOKIES=1) or when the public URL is HTTPS.
const secureCookies =
  env.STRIDES_SECURE_COOKIES === "1" ||
  (env.STRIDES_SECURE_COOKIES !== "0" && env.BETTER_AUTH_URL?.startsWith("https://") === true);

export const auth = createAuth({
  db,
  provider: dbHandle.provider,
  secret: resolveAuthSecret(),
  baseURL: env.BETTER_AUTH_URL,
  secureCookies,
  trustedOrigins: appOrigins(process.env),
  rateFactor: env.STRIDES_AUTH_RATE_FACTOR,
  plugins: [nextCookies()],
  mailer: env.SMTP_URL ? createSmtpMailer({ url: env.SMTP_URL, from: env.SMTP_FROM }) : undefined,
});

export type AuthSession = typeof auth.$Infer.Session;
