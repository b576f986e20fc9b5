import { describe, expect, it } from "vitest";
import { isPublicAuthEndpoint } from "./auth-routes";

describe("isPublicAuthEndpoint", () => {
  it("serves the endpoints the pages call", () => {
    for (const path of [
      "sign-up/email",
      "sign-in/email",
      "change-password",
      "request-password-reset",
      "reset-password",
    ]) {
      expect(isPublicAuthEndpoint("POST", `/api/auth/${path}`), path).toBe(true);
    }
    expect(isPublicAuthEndpoint("GET", "/api/auth/reset-password/Ab3_x-9")).toBe(true);
  });

  it("refuses the session endpoints, whose JSON carries session tokens, and every other", () => {
    for (const [method, path] of [
      ["GET", "/api/auth/get-session"],
      ["POST", "/api/auth/get-session"],
      ["GET", "/api/auth/list-sessions"],
      ["POST", "/api/auth/update-user"],
      ["POST", "/api/auth/revoke-session"],
      ["GET", "/api/auth/list-accounts"],
      ["POST", "/api/auth/sign-out"],
      ["GET", "/api/auth/sign-in/email"],
      ["POST", "/api/auth/sign-in/email/"],
      ["POST", "/api/auth//sign-in/email"],
      ["GET", "/api/auth/reset-password/a/b"],
      ["POST", "/api/authsign-in/email"],
    ] as const) {
      expect(isPublicAuthEndpoint(method, path), `${method} ${path}`).toBe(false);
    }
  });
});
