import { describe, expect, it } from "vitest";
import { pageLocaleOf } from "./pick-locale.ts";

const request = (h: Record<string, string>) => new Headers(h);

describe("the page's language", () => {
  it("is the locale cookie first, whatever is saved or the browser says", () => {
    const h = request({ cookie: "a=1; strides-locale=en", "accept-language": "ko-KR,ko" });
    expect(pageLocaleOf(h, "ko")).toBe("en");
  });

  it("is the saved language when no cookie says otherwise, not the browser's", () => {
    const h = request({ "accept-language": "en-US,en;q=0.9" });
    expect(pageLocaleOf(h, "ko")).toBe("ko");
  });

  it("is the browser's when nothing is saved (or 'system' is), else English", () => {
    const ko = request({ "accept-language": "ko-KR,ko;q=0.9,en;q=0.8" });
    expect(pageLocaleOf(ko, null)).toBe("ko");
    expect(pageLocaleOf(ko, "system")).toBe("ko");
    expect(pageLocaleOf(request({ "accept-language": "fr-FR" }), undefined)).toBe("en");
  });
});
