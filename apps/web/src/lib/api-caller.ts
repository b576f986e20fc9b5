// Who is calling the JSON API: a bearer token (`Authorization: Bearer <token>`) or the session
// cookie. One rule for the Next routes (api.ts) and the production server's front thread
// (server/review-route.ts).
import "server-only";
import { authenticateApiToken } from "@strides/db";
import { apiCallerKey, limitAnonymousApiCall, limitApiCaller } from "./api-rate-limit";
import { auth } from "./auth";
import { CLIENT_ADDRESS_HEADER } from "./client-address";
import { db } from "./db";
import { requireTokenScope } from "./token-scope";

export interface ApiCaller {
  userId: string;
  via: "session" | "token";
}

export interface CallerAnswer {
  /** Null: neither a live token nor a live session. */
  caller: ApiCaller | null;
  /**
   * Set-Cookie values better-auth answered with: a renewed session's, or a stale one's cleared.
   * Inside Next, better-auth's Next plugin has already put them on the response; a server
   * answering without Next sends them itself, with whatever it answers.
   */
  setCookies: string[];
}

/**
 * The caller. A bearer token must be live (not revoked or expired) and its scope must cover
 * `pathname` (a "review" token is refused with 403 outside /api/v1).
 */
export async function authenticateCaller(
  headers: Headers,
  pathname: string,
): Promise<CallerAnswer> {
  // The JSON API's rate limit (api-rate-limit.ts), counted once the caller is known: per token
  // or account, else per client address.
  const limited = pathname.startsWith("/api/v1/");
  const refused = (setCookies: string[]): CallerAnswer => {
    if (limited) {
      const address = headers.get(CLIENT_ADDRESS_HEADER) ?? "unknown";
      limitAnonymousApiCall({ address, now: Date.now() });
    }
    return { caller: null, setCookies };
  };
  const header = headers.get("authorization");
  if (header?.startsWith("Bearer ")) {
    const token = header.slice(7).trim();
    const found = await authenticateApiToken({ db, token, now: new Date() });
    if (!found) return refused([]);
    requireTokenScope(found.scope, pathname);
    if (limited)
      limitApiCaller({ key: apiCallerKey({ userId: found.userId, token }), now: Date.now() });
    return { caller: { userId: found.userId, via: "token" }, setCookies: [] };
  }
  const { headers: returned, response } = await auth.api.getSession({
    headers,
    returnHeaders: true,
  });
  if (!response) return refused(returned.getSetCookie());
  if (limited) limitApiCaller({ key: apiCallerKey({ userId: response.user.id }), now: Date.now() });
  return {
    caller: { userId: response.user.id, via: "session" },
    setCookies: returned.getSetCookie(),
  };
}
