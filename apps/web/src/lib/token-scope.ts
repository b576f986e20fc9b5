// What an API token's scope lets it reach. A "review" token (the default) answers the JSON API
// (/api/v1: the review loop and reads) and the deck images its cards show; everything else (the
// instance backup, the account export, imports, dashboards' CSV, and any route added later) needs
// an "admin" token, which only an instance administrator can make.
import { AppError } from "@strides/content";
import type { TApiTokenScope } from "@strides/db";

const REVIEW_PATHS = [/^\/api\/v1\//, /^\/decks\/[^/]+\/assets\//];

export function tokenScopeAllows(scope: TApiTokenScope, pathname: string): boolean {
  return scope === "admin" || REVIEW_PATHS.some((p) => p.test(pathname));
}

/** Throws 403 when a token of `scope` may not use `pathname`. */
export function requireTokenScope(scope: TApiTokenScope, pathname: string): void {
  if (!tokenScopeAllows(scope, pathname)) {
    throw new AppError(
      "FORBIDDEN",
      "this API token's scope (review) covers only /api/v1; this route needs an admin-scope token",
      { key: "tokenScope" },
    );
  }
}
