import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import type { ErrorMessages } from "../../lib/api-error-text.ts";
import messages from "../../messages/en/index.ts";
import { settingsErrorText } from "./error-from-query.ts";

function translator(namespace: "errors" | "errorFields"): ErrorMessages {
  const t = createTranslator({ locale: "en", messages, namespace });
  return Object.assign(
    (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
    {
      has: (key: string) => t.has(key as never),
    },
  );
}

const t = translator("errors");
const fields = translator("errorFields");
const text = (q: Record<string, string>) => settingsErrorText(q, t, fields);

describe("the settings page's error from its query", () => {
  it("shows the message of the form's own redirect, in the interface's words", () => {
    expect(
      text({
        error: "timeZone: Too big",
        key: "fieldTooLong",
        params: JSON.stringify({ field: "timeZone", max: 64 }),
      }),
    ).toBe("Time zone: at most 64 characters.");
    expect(text({ error: 'unknown time zone "Mars/Base"', field: "timeZone" })).toBe(
      "Time zone: not valid.",
    );
  });

  it("never shows text a link put in the URL", () => {
    const phishing = "Your password leaked: mail it to security@evil.example";
    const shown = [
      text({ error: phishing }),
      text({ error: phishing, key: "no-such-key" }),
      text({
        error: "x",
        key: "fieldTooLong",
        params: JSON.stringify({ field: phishing, max: 1 }),
      }),
      text({
        error: "x",
        key: "fieldTooLong",
        params: JSON.stringify({ field: "timeZone", max: phishing }),
      }),
      text({ error: "x", key: "fieldInvalid", params: "{not json" }),
      text({ error: phishing, field: phishing }),
    ];
    for (const s of shown) {
      expect(s).not.toContain("evil.example");
      expect(s).not.toContain("password");
    }
    expect(shown[0]).toBe(t("unexpected"));
  });
});
