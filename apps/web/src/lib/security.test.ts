import { describe, expect, it } from "vitest";
import {
  contentSecurityPolicy,
  isCrossSiteRequest,
  requestOrigins,
  securityHeaders,
} from "./security";

const allowed = ["http://localhost:3000"];
const post = (h: Record<string, string>) =>
  isCrossSiteRequest({ method: "POST", headers: new Headers(h), allowedOrigins: allowed });

describe("security headers", () => {
  it("lets KaTeX fonts and inline glyph styles load, scripts only with the nonce", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", dev: false, secure: false });
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).toContain("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    // The service worker registers under 'strict-dynamic' only with its own directive.
    expect(csp).toContain("worker-src 'self'");
    expect(csp).toContain("manifest-src 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("adds HSTS and upgrades only behind HTTPS", () => {
    expect(securityHeaders({ nonce: "n", dev: false, secure: false })).not.toHaveProperty(
      "Strict-Transport-Security",
    );
    const h = securityHeaders({ nonce: "n", dev: false, secure: true });
    expect(h["Strict-Transport-Security"]).toMatch(/max-age=/);
    expect(h["Content-Security-Policy"]).toContain("upgrade-insecure-requests");
  });
});

describe("CSRF check", () => {
  it("refuses cross-site and foreign-origin state changes", () => {
    expect(post({ "sec-fetch-site": "cross-site" })).toBe(true);
    expect(post({ "sec-fetch-site": "same-site" })).toBe(true);
    expect(post({ origin: "https://evil.example" })).toBe(true);
  });

  it("lets same-origin, bearer-token, non-browser and safe requests through", () => {
    expect(post({ "sec-fetch-site": "same-origin", origin: "http://localhost:3000" })).toBe(false);
    expect(post({ authorization: "Bearer strides_x", "sec-fetch-site": "cross-site" })).toBe(false);
    expect(post({})).toBe(false);
    expect(
      isCrossSiteRequest({
        method: "GET",
        headers: new Headers({ "sec-fetch-site": "cross-site" }),
        allowedOrigins: allowed,
      }),
    ).toBe(false);
  });

  it("derives allowed origins from the host, forwarded headers and the configured URL", () => {
    const origins = requestOrigins({
      url: "http://10.0.0.2:3000/api/x",
      headers: new Headers({
        host: "10.0.0.2:3000",
        "x-forwarded-host": "study.example",
        "x-forwarded-proto": "https",
      }),
      configured: ["https://strides.example/"],
    });
    expect(origins).toEqual([
      "https://study.example",
      "http://10.0.0.2:3000",
      "https://strides.example",
    ]);
  });
});
