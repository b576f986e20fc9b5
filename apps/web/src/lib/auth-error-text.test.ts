import { describe, expect, it } from "vitest";
import en from "../messages/en/account.json";
import ko from "../messages/ko/account.json";
import { AUTH_ERROR_MESSAGE_IDS, authErrorMessage } from "./auth-error-text";

describe("sign-in, sign-up and password errors in the page's language", () => {
  it("has an English and a Korean text for every message the forms may show", () => {
    for (const id of AUTH_ERROR_MESSAGE_IDS) {
      expect(en.authErrors[id], id).toMatch(/\w/);
      expect(ko.authErrors[id], id).toMatch(/[가-힣]/);
      expect(ko.authErrors[id], id).not.toMatch(/\((?:으|이|을|를|은|는)\)/);
    }
  });

  it("maps a code to its message, a 429 to 'too many', anything else to 'failed'", () => {
    expect(authErrorMessage({ code: "USER_ALREADY_EXISTS", status: 422 })).toBe("emailTaken");
    expect(authErrorMessage({ code: "USER_ALREADY_EXISTS", status: 429 })).toBe("tooMany");
    expect(authErrorMessage({ code: "SOMETHING_NEW", status: 400 })).toBe("failed");
    expect(authErrorMessage({ status: 500 })).toBe("failed");
  });
});
