// Accounts and sessions through better-auth (email + password, sessions in the database).
import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db, dbHandle } from "./db";
import { env } from "./env";

export const auth = betterAuth({
  appName: "Strides",
  secret: env.BETTER_AUTH_SECRET ?? "strides-development-secret-not-for-production-use-0000",
  baseURL: env.BETTER_AUTH_URL,
  database: prismaAdapter(db, {
    provider: dbHandle.provider === "sqlite" ? "sqlite" : "postgresql",
  }),
  emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
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
      "/sign-in/email": { window: 60, max: 10 },
      "/sign-up/email": { window: 60, max: 5 },
    },
  },
  advanced: {
    useSecureCookies: env.STRIDES_SECURE_COOKIES === "1",
    defaultCookieAttributes: { httpOnly: true, sameSite: "lax" },
  },
  telemetry: { enabled: false },
  plugins: [nextCookies()],
});

export type AuthSession = typeof auth.$Infer.Session;
