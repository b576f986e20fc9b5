// better-auth's configuration, as a factory so tests can build it on a test database: email and
// password (scrypt hashes), sessions in the database, rate limits stored in the database, cookies
// HttpOnly and SameSite=Lax (Secure behind HTTPS), the first account becomes the administrator.

import type { Db } from "@strides/db";
import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Mailer } from "./mailer";
import { passwordResetByMail } from "./password-reset-mail";
import { requestOrigins } from "./security";

export interface AuthConfig {
  db: Db;
  provider: "sqlite" | "postgres";
  secret: string;
  baseURL: string | undefined;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies: boolean;
  plugins?: BetterAuthPlugin[];
  /** With a mailer (SMTP configured), "forgot password" mails a reset link. */
  mailer?: Mailer | undefined;
}

export function createAuth(config: AuthConfig) {
  const { db, secureCookies, baseURL } = config;
  return betterAuth({
    appName: "Strides",
    secret: config.secret,
    baseURL,
    database: prismaAdapter(db, {
      provider: config.provider === "sqlite" ? "sqlite" : "postgresql",
    }),
    // better-auth's own origin check accepts this app's origins: BETTER_AUTH_URL and the host the
    // request came to (so http://127.0.0.1:3000 and a LAN address work too). Cross-site requests
    // are refused before this by proxy.ts (Sec-Fetch-Site / Origin).
    trustedOrigins: (request) =>
      requestOrigins({
        url: request?.url ?? baseURL ?? "http://localhost",
        headers: request?.headers ?? new Headers(),
        configured: [baseURL],
      }),
    // Passwords are hashed with better-auth's scrypt; changing one can sign out other sessions.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 8,
      maxPasswordLength: 128,
      autoSignIn: true,
      revokeSessionsOnPasswordReset: true,
      ...(config.mailer ? passwordResetByMail({ db, mailer: config.mailer }) : {}),
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    user: {
      additionalFields: {
        role: { type: "string", required: false, defaultValue: "user", input: false },
      },
    },
    databaseHooks: {
      user: {
        create: {
          // The first account of a fresh instance becomes its administrator.
          before: async (user) => {
            const count = await db.user.count();
            return { data: { ...user, role: count === 0 ? "admin" : "user" } };
          },
        },
      },
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        // Per client address: 10 sign-in attempts a minute, then 429 until the window passes.
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 300, max: 5 },
        "/change-password": { window: 60, max: 5 },
      },
    },
    advanced: {
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: secureCookies },
    },
    telemetry: { enabled: false },
    plugins: config.plugins ?? [],
  });
}
