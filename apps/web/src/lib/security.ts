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

/** Deck images (user uploads, SVG included): nothing in them may run or load anything. */
export const ASSET_CSP = "default-src 'none'; sandbox";

/**
 * The Content-Security-Policy for a response: the page policy, except for deck images, whose
 * route's `default-src 'none'; sandbox` must not be replaced by it.
 */
export function cspForPath(pathname: string, pagePolicy: string): string {
  return /^\/decks\/[^/]+\/assets\//.test(pathname) ? ASSET_CSP : pagePolicy;
}

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** The answer to a request `isCrossSiteRequest` refuses (403). */
export const CROSS_SITE_REFUSAL = {
  error: { code: "FORBIDDEN", message: "cross-site request refused" },
} as const;

/**
 * Whether a state-changing request must be refused as cross-site. Requests with a bearer token are
 * not cookie-authenticated, so they pass. Otherwise `Sec-Fetch-Site` (all current browsers) must
 * say same-origin (or none: typed by the user), and an `Origin` header must be one of ours.
 * Requests with neither header come from non-browser clients, which cannot ride a victim's cookie.
 */
export function isCrossSiteRequest(options: {
  method: string;
  headers: Headers;
  /** Origins this app is served from (`appOrigins`). */
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

const LOOPBACK_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

/**
 * The origins this app is served from: BETTER_AUTH_URL (default http://localhost:$PORT) and the
 * comma-separated STRIDES_TRUSTED_ORIGINS, never the request's Host or X-Forwarded-Host (a
 * DNS-rebinding page controls those). A loopback URL also stands for its other loopback spellings
 * (localhost, 127.0.0.1, [::1] on the same port), which no other machine can be reached by.
 */
export function appOrigins(env: Readonly<Record<string, string | undefined>>): string[] {
  const configured = [
    env.BETTER_AUTH_URL || `http://localhost:${env.PORT || "3000"}`,
    ...(env.STRIDES_TRUSTED_ORIGINS ?? "").split(","),
  ]
    .map((s) => s.trim())
    .filter(Boolean);
  const out = new Set<string>();
  for (const c of configured) {
    const url = new URL(c);
    out.add(url.origin);
    if (LOOPBACK_HOSTS.includes(url.hostname)) {
      for (const h of LOOPBACK_HOSTS) {
        out.add(`${url.protocol}//${h}${url.port ? `:${url.port}` : ""}`);
      }
    }
  }
  return [...out];
}
