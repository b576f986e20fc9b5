import { describe, expect, it } from "vitest";
import nextConfig from "../../next.config";
import {
  bodyTooLarge,
  MAX_SERVER_ACTION_BYTES,
  MAX_UPLOAD_BYTES,
  PROXY_BODY_BYTES,
} from "./body-limits";

const h = (o: Record<string, string>) => new Headers(o);

describe("request body limits", () => {
  it("answers 413 naming the limit past 50 MB, and past 2 MB for a server action", () => {
    expect(bodyTooLarge(h({ "content-length": String(MAX_UPLOAD_BYTES) }))).toBeNull();
    const upload = bodyTooLarge(h({ "content-length": String(60 * 1024 * 1024) }));
    expect(upload?.status).toBe(413);
    expect(JSON.stringify(upload?.body)).toContain("larger than 50 MB");
    const action = bodyTooLarge(
      h({ "content-length": String(MAX_SERVER_ACTION_BYTES + 1), "next-action": "abc" }),
    );
    expect(JSON.stringify(action?.body)).toContain("larger than 2 MB");
    expect(bodyTooLarge(h({}))).toBeNull();
  });

  it("are the ones Next is configured with", () => {
    const experimental = (nextConfig as { experimental?: Record<string, unknown> }).experimental;
    expect(experimental?.proxyClientMaxBodySize).toBe(PROXY_BODY_BYTES);
    expect(experimental?.serverActions).toMatchObject({ bodySizeLimit: MAX_SERVER_ACTION_BYTES });
  });
});
