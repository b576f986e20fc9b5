import { describe, expect, it } from "vitest";
import { MAX_SERVER_ACTION_BYTES } from "./body-limits";
import { refuseServerActionBody } from "./server-action-body";

const action = (body: BodyInit, contentType = "text/plain;charset=UTF-8", extra = {}) =>
  new Request("http://localhost/settings/tokens", {
    method: "POST",
    headers: { "next-action": "a".repeat(42), "content-type": contentType, ...extra },
    body,
    duplex: "half",
  } as RequestInit);

/** A body streamed in 64 KiB chunks, as one sent without Content-Length arrives. */
function streamed(bytes: number): ReadableStream<Uint8Array> {
  let left = bytes;
  return new ReadableStream({
    pull(controller) {
      if (left <= 0) return controller.close();
      const n = Math.min(left, 64 * 1024);
      left -= n;
      controller.enqueue(new Uint8Array(n).fill(120));
    },
  });
}

describe("refuseServerActionBody", () => {
  it("lets through what React sends: JSON arguments, multipart forms, and non-actions", async () => {
    expect(await refuseServerActionBody(action('["$K1",{"a":1}]'))).toBeNull();
    expect(await refuseServerActionBody(action("[]"))).toBeNull();
    const form = new FormData();
    form.append("1_name", "cli");
    const multipart = new Request("http://localhost/", { method: "POST", body: form });
    const body = await multipart.arrayBuffer();
    const type = multipart.headers.get("content-type") ?? "";
    expect(await refuseServerActionBody(action(body, type))).toBeNull();
    expect(
      await refuseServerActionBody(
        new Request("http://localhost/", { method: "POST", body: "not json" }),
      ),
    ).toBeNull();
  });

  it("answers a body that is not JSON, or a multipart body without its parts, 400 naming the body", async () => {
    for (const text of ["not json", "[", '{"a":']) {
      expect(await refuseServerActionBody(action(text))).toMatchObject({
        status: 400,
        body: { error: { code: "BAD_INPUT", field: "body" } },
      });
    }
    expect(
      await refuseServerActionBody(action("garbage", "multipart/form-data; boundary=zz")),
    ).toMatchObject({ status: 400, body: { error: { field: "body" } } });
    expect(await refuseServerActionBody(action("--zz--", "multipart/form-data"))).toMatchObject({
      status: 400,
    });
  });

  it("answers a body past the limit 413 however it is sent, reading no further", async () => {
    const r = await refuseServerActionBody(action(streamed(MAX_SERVER_ACTION_BYTES + 1)));
    expect(r).toMatchObject({
      status: 413,
      body: { error: { code: "TOO_LARGE", key: "tooLarge", params: { limit: "2 MB" } } },
    });
    expect(await refuseServerActionBody(action(streamed(MAX_SERVER_ACTION_BYTES)))).toMatchObject({
      status: 400,
    });
  });
});
