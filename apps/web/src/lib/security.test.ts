import { describe, expect, it } from "vitest";
import {
  ASSET_CSP,
  appOrigins,
  contentSecurityPolicy,
  cspForPath,
  isCrossSiteRequest,
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

describe("deck images", () => {
  it("keep their sandbox policy instead of the page policy", () => {
    expect(cspForPath("/decks/d/assets/a.svg", "default-src 'self'")).toBe(ASSET_CSP);
    expect(cspForPath("/decks/d/assets/img/a%20b.png", "default-src 'self'")).toBe(ASSET_CSP);
    expect(cspForPath("/decks/d", "default-src 'self'")).toBe("default-src 'self'");
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

  it("takes our origins from BETTER_AUTH_URL and STRIDES_TRUSTED_ORIGINS only", () => {
    expect(
      appOrigins({
        BETTER_AUTH_URL: "https://strides.example/",
        STRIDES_TRUSTED_ORIGINS: " https://study.example , http://10.0.0.2:3000",
      }),
    ).toEqual(["https://strides.example", "https://study.example", "http://10.0.0.2:3000"]);
    expect(appOrigins({ PORT: "4000" })).toEqual([
      "http://localhost:4000",
      "http://127.0.0.1:4000",
      "http://[::1]:4000",
    ]);
  });

  it("refuses a DNS-rebinding page: its Origin matches the Host header, not our URL", () => {
    const ours = appOrigins({ BETTER_AUTH_URL: "http://localhost:3000" });
    const rebound = new Headers({
      host: "rebind.evil.example:3000",
      origin: "http://rebind.evil.example:3000",
      "sec-fetch-site": "same-origin",
    });
    expect(isCrossSiteRequest({ method: "POST", headers: rebound, allowedOrigins: ours })).toBe(
      true,
    );
    const forwarded = new Headers({
      "x-forwarded-host": "rebind.evil.example",
      origin: "https://rebind.evil.example",
    });
    expect(isCrossSiteRequest({ method: "POST", headers: forwarded, allowedOrigins: ours })).toBe(
      true,
    );
    // A server action is a POST like any other: the same check covers it.
    const action = new Headers({ "next-action": "abc", origin: "http://127.0.0.1:3000" });
    expect(isCrossSiteRequest({ method: "POST", headers: action, allowedOrigins: ours })).toBe(
      false,
    );
  });
});
