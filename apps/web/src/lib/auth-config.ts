// better-auth's configuration, as a factory so tests can build it on a test database: email and
// password (scrypt hashes), sessions in the database, rate limits stored in the database (per
// client address, see client-address.ts, and failed sign-ins per account and address), cookies
// HttpOnly and SameSite=Lax (Secure behind HTTPS), the first account to sign up (not on an invite
// page) becomes the administrator (atomically), a password change revokes the account's API tokens.

import { HIDDEN_CHARACTERS } from "@strides/content";
import {
  acceptInvite,
  authDatabaseAdapter,
  claimFirstAdmin,
  clearSignInFailures,
  type Db,
  recordSignInFailure,
  revokeUserTokens,
  signInRetryAfter,
} from "@strides/db";
import { type BetterAuthPlugin, betterAuth } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { PASSWORD_LIMITS, SIGN_UP_FROM_INVITE_HEADER } from "./auth-error-text";
import { CLIENT_ADDRESS_HEADER, rateLimitAddress } from "./client-address";

/** The longest display name accepted (sign-up and profile). */
export const MAX_DISPLAY_NAME = 80;

import type { Mailer } from "./mailer";
import { passwordResetByMail } from "./password-reset-mail";

export interface AuthConfig {
  db: Db;
  provider: "sqlite" | "postgres";
  secret: string;
  baseURL: string | undefined;
  /** Cookies marked Secure (behind HTTPS). */
  secureCookies: boolean;
  /** The origins the app is served from (`appOrigins`): never derived from request headers. */
  trustedOrigins: readonly string[];
  plugins?: BetterAuthPlugin[];
  /** With a mailer (SMTP configured), "forgot password" mails a reset link. */
  mailer?: Mailer | undefined;
  /**
   * Multiplies the per-address limits on sign-in, sign-up and password change (default 1). For a
   * test suite whose many browsers share one address; the per-account throttle is not affected.
   */
  rateFactor?: number;
}

/**
 * The one rule for what an account may set about itself, at sign-up and in its profile (better-auth's
 * `/sign-up/email` and `/update-user` both reach it): a display name of 1 to 80 visible characters
 * (no HIDDEN_CHARACTERS, the rule group and deck names follow too: visible-text.ts in content),
 * and no `image` (Strides shows none, so an arbitrary URL, `javascript:` or megabytes long, would
 * only be stored, returned with every session and backed up).
 */
function checkUserFields(data: { name?: unknown; image?: unknown }): void {
  if (data.image !== undefined && data.image !== null) {
    throw new APIError("BAD_REQUEST", {
      message: "image: not supported",
      code: "IMAGE_NOT_ALLOWED",
    });
  }
  const name = data.name;
  if (name === undefined) return;
  if (typeof name !== "string" || name.trim().length === 0) {
    throw new APIError("BAD_REQUEST", { message: "name: required", code: "NAME_REQUIRED" });
  }
  if (name.trim().length > MAX_DISPLAY_NAME) {
    throw new APIError("BAD_REQUEST", {
      message: `name: at most ${MAX_DISPLAY_NAME} characters`,
      code: "NAME_TOO_LONG",
    });
  }
  if (HIDDEN_CHARACTERS.test(name)) {
    throw new APIError("BAD_REQUEST", {
      message: "name: control or invisible formatting characters are not allowed",
      code: "NAME_INVALID",
    });
  }
}

function emailOf(body: unknown): string {
  const email = (body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" ? email : "";
}

/** The client address the production server resolved (client-address.ts), an IPv6 one as its /64. */
function addressOf(headers: Headers | undefined): string {
  return rateLimitAddress(headers?.get(CLIENT_ADDRESS_HEADER) ?? "unknown");
}

export function createAuth(config: AuthConfig) {
  const { db, secureCookies, baseURL } = config;
  return betterAuth({
    appName: "Strides",
    secret: config.secret,
    baseURL,
    database: authDatabaseAdapter(db, config.provider),
    // better-auth's own origin check: our configured origins only. Cross-site requests are refused
    // before this by proxy.ts (Sec-Fetch-Site / Origin against the same list).
    trustedOrigins: [...config.trustedOrigins],
    // Passwords are hashed with better-auth's scrypt; changing one can sign out other sessions.
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_LIMITS.min,
      maxPasswordLength: PASSWORD_LIMITS.max,
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
          before: async (user) => {
            checkUserFields(user);
            return { data: { ...user, role: "user" } };
          },
          // An account made on an invite page joins the invite's group here, in its own sign-up,
          // as an account that group manages (its staff may reset its password: the membership
          // is marked only in this hook, never by a later join, so a group can never come to
          // manage an account that existed before). It never claims the instance: a learner
          // joining a group (on a demo instance, the instructor's first student) is not its admin.
          // Otherwise the first account of a fresh instance becomes its administrator (one atomic
          // claim). An invalid token joins nothing; the page's join step then names the reason.
          after: async (user, ctx) => {
            const invite = ctx?.headers?.get(SIGN_UP_FROM_INVITE_HEADER);
            const now = new Date();
            if (invite) {
              await acceptInvite({ db, userId: user.id, token: invite, now, signUp: true });
              return;
            }
            await claimFirstAdmin({ db, userId: user.id, now });
          },
        },
        update: {
          before: async (data) => {
            checkUserFields(data);
            return { data };
          },
        },
      },
      account: {
        update: {
          // A credential account is only updated to change its password: end its API tokens.
          after: async (account) => {
            if (account.providerId === "credential") {
              await revokeUserTokens({ db, userId: account.userId, now: new Date() });
            }
          },
        },
      },
    },
    // The sign-in throttle (packages/db accounts/sign-in-throttle.ts): after 10 failed sign-ins in
    // 15 minutes for an account from one client address, that address answers 429 for it; the
    // owner at their own address still signs in. After 100 from all addresses together, every
    // address does (the per-address limit below cannot see an attacker rotating addresses).
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const wait = await signInRetryAfter({
          db,
          email: emailOf(ctx.body),
          address: addressOf(ctx.headers),
          now: new Date(),
        });
        if (wait > 0) {
          throw new APIError(
            "TOO_MANY_REQUESTS",
            { message: "too many failed sign-ins for this account; try again later" },
            { "Retry-After": String(wait) },
          );
        }
      }),
      after: createAuthMiddleware(async (ctx) => {
        if (ctx.path !== "/sign-in/email") return;
        const email = emailOf(ctx.body);
        const address = addressOf(ctx.headers);
        const returned = ctx.context.returned;
        if (isAPIError(returned)) {
          if (returned.statusCode === 401)
            await recordSignInFailure({ db, email, address, now: new Date() });
        } else {
          await clearSignInFailures({ db, email, address });
        }
      }),
    },
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        // Per client address: 10 sign-in attempts a minute, then 429 until the window passes.
        "/sign-in/email": { window: 60, max: 10 * (config.rateFactor ?? 1) },
        "/sign-up/email": { window: 300, max: 5 * (config.rateFactor ?? 1) },
        "/change-password": { window: 60, max: 5 * (config.rateFactor ?? 1) },
      },
    },
    advanced: {
      // Checked in every environment (better-auth skips it under NODE_ENV=test otherwise).
      disableOriginCheck: false,
      // The client address the production server computed from the socket (and a trusted proxy).
      ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] },
      useSecureCookies: secureCookies,
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: secureCookies },
    },
    telemetry: { enabled: false },
    plugins: config.plugins ?? [],
  });
}
