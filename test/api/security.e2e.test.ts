// The production server's answers to what a probe tried (issue 14), over HTTP: oversized bodies are
// 413 with a message naming the limit (not a misleading 400 or a 500), a path or a server-action
// body the server cannot decode is 400 (not 500), and a DNS-rebinding page (Host and Origin both
// the attacker's name) cannot sign in.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const baseUrl = process.env.STRIDES_BASE_URL ?? "http://127.0.0.1:3000";
const MiB = 1024 * 1024;

/** A raw HTTP request, so the Host header can be chosen (fetch always sends the URL's). */
function raw(o: {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}): Promise<{ status: number; text: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: o.method, path: o.path, headers: o.headers },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (c: string) => {
          text += c;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on("error", reject);
    req.end(o.body);
  });
}

describe("security over HTTP", () => {
  it("answers an upload over 50 MB with 413 naming the limit", async () => {
    const form = new FormData();
    form.append(
      "files",
      new File([new Uint8Array(60 * MiB)], "huge.md", { type: "text/markdown" }),
    );
    const r = await fetch(`${baseUrl}/decks/dl-basic-cnn/import/preview`, {
      method: "POST",
      body: form,
    });
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({
      error: { code: "TOO_LARGE", key: "tooLarge", params: { limit: "50 MB" } },
    });
  });

  it("answers a server-action body over 2 MB with 413, not 500", async () => {
    const r = await fetch(`${baseUrl}/settings/tokens`, {
      method: "POST",
      headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      body: "x".repeat(3 * MiB),
    });
    expect(r.status).toBe(413);
    expect(await r.text()).toContain("larger than 2 MB");
  });

  it("answers a path with malformed %-encoding 400, for pages and the API alike", async () => {
    for (const path of ["/decks/%E0%A4%A", "/api/v1/cards/%E0%A4%A", "/api/v1/reviews%E0"]) {
      const r = await fetch(`${baseUrl}${path}`);
      expect(r.status, path).toBe(400);
      expect(await r.json()).toEqual({
        error: { code: "BAD_INPUT", message: "path: not valid percent-encoding", field: "path" },
      });
    }
  });

  it("answers a server-action body sent without Content-Length past 2 MB with 413", async () => {
    const r = await fetch(`${baseUrl}/settings/tokens`, {
      method: "POST",
      headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" },
      body: new ReadableStream({
        start(controller) {
          for (let i = 0; i < 3; i++) controller.enqueue(new Uint8Array(MiB).fill(120));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(r.status).toBe(413);
    expect(await r.json()).toMatchObject({ error: { code: "TOO_LARGE", field: "body" } });
  });

  it("answers server-action bodies Next cannot decode 400, and passes on those it can", async () => {
    const manifest = JSON.parse(
      readFileSync(
        join(process.cwd(), "apps/web/.next/server/server-reference-manifest.json"),
        "utf8",
      ),
    ) as { node: Record<string, unknown> };
    const actionId = Object.keys(manifest.node)[0] ?? "";
    const post = (body: string | FormData, type?: string) =>
      fetch(`${baseUrl}/settings/tokens`, {
        method: "POST",
        headers: { "next-action": actionId, ...(type ? { "content-type": type } : {}) },
        body,
      });
    for (const [body, type] of [
      ["not json", "text/plain;charset=UTF-8"],
      ["[", "text/plain;charset=UTF-8"],
      ["garbage", "multipart/form-data; boundary=zz"],
    ] as const) {
      const r = await post(body, type);
      expect(r.status, body).toBe(400);
      expect(await r.json()).toMatchObject({ error: { code: "BAD_INPUT", field: "body" } });
    }
    // What React sends reaches the action (which answers, signed out, with its own refusal).
    const form = new FormData();
    form.append("0", '["$K1"]');
    for (const r of [await post("[]", "text/plain;charset=UTF-8"), await post(form)]) {
      expect(r.status).toBe(200);
      expect(await r.text()).toContain("UNAUTHENTICATED");
    }
  });

  /** A fresh account's session cookie (sign-up signs in). */
  async function signUp(): Promise<string> {
    const email = `probe-${randomUUID().slice(0, 8)}@strides.local`;
    const r = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password: "probe-password-1", name: "Probe" }),
    });
    expect(r.status).toBe(200);
    return r.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
  }

  it("serves no better-auth endpoint that returns session tokens (or any the app does not use)", async () => {
    const cookie = await signUp();
    const token = decodeURIComponent(cookie.split("=")[1] ?? "").split(".")[0] ?? "";
    expect(token.length).toBeGreaterThan(10);
    for (const path of ["get-session", "list-sessions", "list-accounts"]) {
      const r = await fetch(`${baseUrl}/api/auth/${path}`, { headers: { cookie } });
      const text = await r.text();
      expect(r.status, path).toBe(404);
      expect(text, path).not.toContain(token);
    }
    const update = await fetch(`${baseUrl}/api/auth/update-user`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ name: "Renamed" }),
    });
    expect(update.status).toBe(404);
  });

  it("answers a server action given arguments of the wrong type without an error (500)", async () => {
    const cookie = await signUp();
    const manifest = JSON.parse(
      readFileSync(
        join(process.cwd(), "apps/web/.next/server/server-reference-manifest.json"),
        "utf8",
      ),
    ) as { node: Record<string, unknown> };
    for (const actionId of Object.keys(manifest.node)) {
      for (const body of ["[null,{}]", "[42,42]", '[{"deckId":7}]']) {
        const r = await fetch(`${baseUrl}/settings`, {
          method: "POST",
          redirect: "manual",
          headers: {
            cookie,
            origin: baseUrl,
            "next-action": actionId,
            "content-type": "text/plain;charset=UTF-8",
          },
          body,
        });
        expect(r.status, `${actionId} ${body}`).toBeLessThan(500);
        // Posted to another page than its own, an action that throws still answers 200, with the
        // error as a row of the stream (`1:E{"digest":…}`).
        expect(await r.text(), `${actionId} ${body}`).not.toMatch(/^[0-9a-f]+:E\{/m);
      }
    }
  });

  it("has Next's image resizer off", async () => {
    const r = await fetch(`${baseUrl}/_next/image?url=%2Ficons%2Ficon-512.png&w=64&q=75`);
    expect(r.status).toBe(404);
    expect(r.headers.get("content-type") ?? "").not.toMatch(/^image\//);
  });

  it("answers a TRACE request 400, not 500", async () => {
    for (const path of ["/", "/api/v1/decks", "/api/v1/reviews"]) {
      const r = await raw({ method: "TRACE", path, headers: {} });
      expect(r.status, path).toBe(400);
      expect(JSON.parse(r.text), path).toMatchObject({
        error: { code: "BAD_INPUT", field: "method" },
      });
    }
  });

  it("refuses a sign-in from a DNS-rebinding page (Origin equal to a foreign Host)", async () => {
    const evil = `rebind.evil.example:${new URL(baseUrl).port}`;
    const r = await raw({
      method: "POST",
      path: "/api/auth/sign-in/email",
      headers: {
        host: evil,
        origin: `http://${evil}`,
        "sec-fetch-site": "same-origin",
        "content-type": "application/json",
      },
      body: JSON.stringify({ email: "instructor@strides.local", password: "whatever-password" }),
    });
    expect(r.status).toBe(403);
    expect(r.text).toContain("cross-site request refused");
  });
});
