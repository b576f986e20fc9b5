import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { describeListenError, listen } from "./listen";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(() => r(null)))));
});
function server(): Server {
  const s = createServer();
  servers.push(s);
  return s;
}

describe("listen", () => {
  it("resolves once listening", async () => {
    const s = server();
    await listen(s, 0, "127.0.0.1");
    expect(s.listening).toBe(true);
  });

  it("a port in use is one line naming it and PORT, not an unhandled 'error' event", async () => {
    const first = server();
    await listen(first, 0, "127.0.0.1");
    const port = (first.address() as { port: number }).port;
    const error = await listen(server(), port, "127.0.0.1").then(
      () => null,
      (e: unknown) => e,
    );
    expect(describeListenError(error, "127.0.0.1", port)).toBe(
      `port ${port} on 127.0.0.1 is already in use (another Strides?): stop it or set PORT to a free port`,
    );
  });

  it("a HOST that does not resolve or is not this machine's names HOST", async () => {
    for (const host of ["nohost.invalid", "192.0.2.123"]) {
      const error = await listen(server(), 0, host).then(
        () => null,
        (e: unknown) => e,
      );
      expect(describeListenError(error, host, 0)).toMatch(new RegExp(`^HOST=${host} `));
    }
  });

  it("leaves any other error to its stack", () => {
    expect(describeListenError(new TypeError("bug"), "127.0.0.1", 3000)).toBeNull();
  });
});
