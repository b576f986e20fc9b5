// Accounts and sessions through better-auth (email + password, sessions in the database).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { resolveAuthSecret } from "./auth-secret";
import { db, dbHandle } from "./db";
import { env } from "./env";
import { requestOrigins } from "./security";

// Cookies are Secure when asked (STRIDES_SECURE_COOKIES=1) or when the public URL is HTTPS.
const secureCookies =
  env.STRIDES_SECURE_COOKIES === "1" ||
  (env.STRIDES_SECURE_COOKIES !== "0" && env.BETTER_AUTH_URL?.startsWith("https://") === true);

export const auth = betterAuth({
  appName: "Strides",
  secret: resolveAuthSecret(),
  baseURL: env.BETTER_AUTH_URL,
  database: prismaAdapter(db, {
    provider: dbHandle.provider === "sqlite" ? "sqlite" : "postgresql",
  }),
  // better-auth's own origin check accepts this app's origins: BETTER_AUTH_URL and the host the
  // request came to (so http://127.0.0.1:3000 and a LAN address work too). Cross-site requests are
  // refused before this by proxy.ts (Sec-Fetch-Site / Origin).
  trustedOrigins: (request) =>
    requestOrigins({
      url: request?.url ?? env.BETTER_AUTH_URL ?? "http://localhost",
      headers: request?.headers ?? new Headers(),
      configured: [env.BETTER_AUTH_URL],
    }),
  // Passwords are hashed with better-auth's scrypt; changing one can sign out other sessions.
  emailAndPassword: {
    enabled: true,
    minPasswordLength: 8,
    maxPasswordLength: 128,
    autoSignIn: true,
    revokeSessionsOnPasswordReset: true,
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
  plugins: [nextCookies()],
});

export type AuthSession = typeof auth.$Infer.Session;
