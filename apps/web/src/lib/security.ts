// Security headers, the content security policy and the CSRF check, as pure functions of the
// request (used by `proxy.ts`, unit-tested in `security.test.ts`).

export interface CspOptions {
  nonce: string;
  dev: boolean;
  secure: boolean;
}

/**
 * Scripts only from this origin with the request's nonce (Next applies it to its own inline
 * scripts); inline style attributes are allowed because KaTeX's HTML positions glyphs with them;
 * fonts from this origin and `data:` (KaTeX and Pretendard are self-hosted).
 */
export function contentSecurityPolicy({ nonce, dev, secure }: CspOptions): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    // The service worker (public/sw.js) and the web app manifest: this origin only.
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(secure ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

export function securityHeaders(options: CspOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(options),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    // Invite links carry their token in the path: never send it to another origin.
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    ...(options.secure
      ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" }
      : {}),
  };
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Whether a state-changing request must be refused as cross-site. Requests with a bearer token are
 * not cookie-authenticated, so they pass. Otherwise `Sec-Fetch-Site` (all current browsers) must
 * say same-origin (or none: typed by the user), and an `Origin` header must be one of ours.
 * Requests with neither header come from non-browser clients, which cannot ride a victim's cookie.
 */
export function isCrossSiteRequest(options: {
  method: string;
  headers: Headers;
  /** Origins this app is served from: the request's own host and BETTER_AUTH_URL. */
  allowedOrigins: readonly string[];
}): boolean {
  const { method, headers, allowedOrigins } = options;
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  if (headers.get("authorization")?.startsWith("Bearer ")) return false;
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin && !allowedOrigins.includes(origin)) return true;
  return false;
}

/** The origins a request may come from: its own host (as the proxy saw it) and configured URLs. */
export function requestOrigins(options: {
  url: string;
  headers: Headers;
  configured: readonly (string | undefined)[];
}): string[] {
  const url = new URL(options.url);
  const host = options.headers.get("x-forwarded-host") ?? options.headers.get("host") ?? url.host;
  const proto = options.headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "");
  const out = new Set([`${proto}://${host}`, url.origin]);
  for (const c of options.configured) {
    if (c) out.add(new URL(c).origin);
  }
  return [...out];
}
