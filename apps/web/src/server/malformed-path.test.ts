// Over a real HTTP server: a path that does not percent-decode is answered 400 before anything
// else sees it; every other request goes on.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMalformedPath, refuseMalformedPath } from "./malformed-path";

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (refuseMalformedPath(req, res)) return;
    res.writeHead(200).end("passed on");
  });
  await new Promise<void>((ready) => server.listen(0, "127.0.0.1", ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("refuseMalformedPath", () => {
  it("answers a path with malformed %-encoding 400, naming the path and nothing else", async () => {
    for (const path of ["/decks/%E0%A4%A", "/api/v1/cards/%E0%A4%A", "/%", "/a%zz"]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).toBe(400);
      expect(r.headers.get("content-type")).toBe("application/json");
      expect(r.headers.get("x-content-type-options")).toBe("nosniff");
      expect(await r.json()).toEqual({
        error: { code: "BAD_INPUT", message: "path: not valid percent-encoding", field: "path" },
      });
    }
  });

  it("passes on valid paths, whatever their query", async () => {
    for (const path of ["/decks/%E0%A4%A4", "/decks/a%20b", "/review?deck=%E0%A4%A"]) {
      const r = await fetch(`${base}${path}`);
      expect(r.status, path).toBe(200);
    }
    expect(isMalformedPath(undefined)).toBe(false);
  });
});
