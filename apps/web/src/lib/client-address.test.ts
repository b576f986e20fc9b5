import { describe, expect, it } from "vitest";
import { parseTrustedProxies, rateLimitAddress, resolveClientAddress } from "./client-address";

const none = parseTrustedProxies(undefined);
const proxy = parseTrustedProxies("127.0.0.1, 10.1.0.0/16");

describe("the client address for rate limits", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    for (const xff of ["1.2.3.4", "1.2.3.4, 5.6.7.8", ["9.9.9.9", "8.8.8.8"], undefined]) {
      expect(
        resolveClientAddress({
          socketAddress: "::ffff:203.0.113.7",
          forwardedFor: xff,
          trustedProxies: none,
        }),
      ).toBe("203.0.113.7");
    }
  });

  it("behind a trusted proxy, is the right-most entry that is not a trusted proxy", () => {
    const at = (xff: string | string[]) =>
      resolveClientAddress({
        socketAddress: "127.0.0.1",
        forwardedFor: xff,
        trustedProxies: proxy,
      });
    expect(at("203.0.113.7")).toBe("203.0.113.7");
    // A client that writes its own X-Forwarded-For only adds entries on the left.
    expect(at("6.6.6.6, 203.0.113.7")).toBe("203.0.113.7");
    expect(at("6.6.6.6, 203.0.113.7, 10.1.2.3")).toBe("203.0.113.7");
    expect(at(["6.6.6.6", "203.0.113.7"])).toBe("203.0.113.7");
    // Distinct clients behind the proxy get distinct buckets; a garbled chain keys on the proxy.
    expect(at("198.51.100.1")).not.toBe(at("198.51.100.2"));
    expect(at("not-an-ip")).toBe("127.0.0.1");
    expect(at("")).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(
      resolveClientAddress({
        socketAddress: "198.51.100.9",
        forwardedFor: "1.1.1.1",
        trustedProxies: proxy,
      }),
    ).toBe("198.51.100.9");
  });

  it("names a bad STRIDES_TRUSTED_PROXY entry", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/10\.0\.0\.0\/33/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/STRIDES_TRUSTED_PROXY/);
  });
});

describe("rateLimitAddress", () => {
  it("keys IPv6 clients on their /64, whatever the spelling", () => {
    const key = rateLimitAddress("2001:db8:1:2::1");
    expect(key).toBe("2001:db8:1:2::/64");
    for (const a of [
      "2001:db8:1:2:ffff:ffff:ffff:ffff",
      "2001:0DB8:0001:0002:0:0:0:7",
      "2001:db8:1:2:a:b:1.2.3.4",
      "2001:db8:1:2::9%eth0",
    ]) {
      expect(rateLimitAddress(a), a).toBe(key);
    }
    expect(rateLimitAddress("2001:db8:1:3::1")).not.toBe(key);
    expect(rateLimitAddress("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitAddress("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("keeps IPv4 addresses (also mapped ones) and anything else as they are", () => {
    expect(rateLimitAddress("203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(rateLimitAddress("unknown")).toBe("unknown");
  });
});
