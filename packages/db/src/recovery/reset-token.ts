// Reset-link tokens: 32 random bytes shown once; only their SHA-256 hash is stored.
import { createHash, randomBytes } from "node:crypto";

/** How long a reset link works unless asked otherwise. */
export const RESET_LINK_TTL_HOURS = 24;
/** The longest a reset link may work. */
export const RESET_LINK_MAX_TTL_HOURS = 7 * 24;

export function newResetToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashResetToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The page a reset link opens, under the app's public URL. */
export function resetLinkUrl(baseUrl: string, token: string): string {
  return `${baseUrl.replace(/\/+$/, "")}/reset/${encodeURIComponent(token)}`;
}
