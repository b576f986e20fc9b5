// Over a real HTTP server: a path that does not percent-decode is answered 400 before anything
// else sees it; every other request goes on.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isMalformedPath, refuseMalformedPath, refuseUnsupportedMethod } from "./malformed-path";

let server: Server;
let base = "";
beforeAll(async () => {
  server = createServer((req, res) => {
    if (refuseUnsupportedMethod(req, res) || refuseMalformedPath(req, res)) return;
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

/** A request with any method (fetch refuses TRACE). */
function send(method: string, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("refuseUnsupportedMethod", () => {
  it("answers TRACE 400 naming the method (Next would answer 500)", async () => {
    for (const method of ["TRACE", "trace"]) {
      const r = await send(method, "/api/v1/decks");
      expect(r.status, method).toBe(400);
      expect(JSON.parse(r.body)).toEqual({
        error: {
          code: "BAD_INPUT",
          message: `method: ${method.toUpperCase()} is not supported`,
          field: "method",
        },
      });
    }
  });

  it("passes on the methods routes take", async () => {
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]) {
      expect((await send(method, "/x")).status, method).toBe(200);
    }
  });
});
