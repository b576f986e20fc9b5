// The client address rate limits are keyed on. It comes from the TCP socket, unless the socket's
// peer is a proxy named in STRIDES_TRUSTED_PROXY (comma-separated addresses or CIDR ranges): then
// it is the right-most X-Forwarded-For entry that is not one of those proxies (the left entries are
// whatever the client wrote). The production server (src/server/production-server.ts) computes it
// for every request and passes it on in CLIENT_ADDRESS_HEADER, overwriting anything a client sent;
// better-auth reads only that header.
import { BlockList, isIP } from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-strides-client-address";

/** `::ffff:1.2.3.4` (an IPv4 client on a dual-stack socket) as `1.2.3.4`. */
function plainAddress(address: string): string {
  const a = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  return mapped?.[1] ?? a;
}

/** Parses STRIDES_TRUSTED_PROXY; a bad entry is an error naming it. */
export function parseTrustedProxies(value: string | undefined): BlockList {
  const list = new BlockList();
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix] = entry.split("/");
    const family = isIP(address);
    const bits = prefix === undefined ? (family === 6 ? 128 : 32) : Number(prefix);
    const max = family === 6 ? 128 : 32;
    if (family === 0 || !Number.isInteger(bits) || bits < 0 || bits > max) {
      throw new Error(
        `STRIDES_TRUSTED_PROXY: "${entry}" is not an IP address or CIDR range (e.g. 127.0.0.1 or 10.0.0.0/8)`,
      );
    }
    list.addSubnet(address, bits, family === 6 ? "ipv6" : "ipv4");
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return list.check(address, family === 6 ? "ipv6" : "ipv4");
}

/** The client address of a request (see the file comment). */
export function resolveClientAddress(options: {
  socketAddress: string | undefined;
  forwardedFor: string | string[] | undefined;
  trustedProxies: BlockList;
}): string {
  const peer = plainAddress(options.socketAddress ?? "");
  if (!isTrusted(options.trustedProxies, peer)) return peer || "unknown";
  const header = Array.isArray(options.forwardedFor)
    ? options.forwardedFor.join(",")
    : (options.forwardedFor ?? "");
  const hops = header.split(",").map(plainAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i] ?? "";
    if (isIP(hop) === 0) return peer; // a garbled chain: key on the proxy rather than on junk
    if (!isTrusted(options.trustedProxies, hop)) return hop;
  }
  return peer;
}

/** An IPv6 address's 8 groups (numbers), `::` expanded and an embedded IPv4 as its two groups. */
function ipv6Groups(address: string): number[] {
  const parse = (part: string): number[] =>
    part === ""
      ? []
      : part.split(":").flatMap((g) => {
          if (!g.includes(".")) return [Number.parseInt(g, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = g.split(".").map(Number);
          return [a * 256 + b, c * 256 + d];
        });
  const [head = "", tail] = (address.split("%")[0] ?? "").split("::");
  const left = parse(head);
  if (tail === undefined) return left;
  const right = parse(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What per-address limits count against: an IPv4 address, or an IPv6 address's /64 network. One
 * IPv6 subscriber is routinely given a whole /64 (SLAAC, privacy addresses), so a client can send
 * each request from another address of it; keying on the full address would give it 2^64 buckets.
 * (better-auth's own limits collapse IPv6 to the /64 too: `advanced.ipAddress.ipv6Subnet`.)
 */
export function rateLimitAddress(address: string): string {
  const plain = plainAddress(address);
  if (isIP(plain.split("%")[0] ?? "") !== 6) return plain;
  const prefix = ipv6Groups(plain.toLowerCase())
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(":");
  return `${prefix}::/64`;
}
