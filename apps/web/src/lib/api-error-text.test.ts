// API errors carry a message id; the interface shows it in the learner's language. Every id thrown
// anywhere has an English and a Korean text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { APP_ERROR_KEYS, AppError, parseOrThrow } from "@strides/content";
import { classifyDatabaseError } from "@strides/db";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import en from "../messages/en/index.ts";
import ko from "../messages/ko/index.ts";
import { errorResult, toAppError } from "./api-core.ts";
import { ApiCallError, apiErrorText, errorBodyText } from "./api-error-text.ts";

const root = join(import.meta.dirname, "../../../..");

function translator(
  messages: typeof en,
  locale: string,
  namespace: "errors" | "errorFields" = "errors",
) {
  const t = createTranslator({ locale, messages, namespace });
  return Object.assign(
    (key: string, values?: Record<string, string | number>) => t(key as never, values as never),
    {
      has: (key: string) => t.has(key as never),
    },
  );
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** `key: "…"` inside each `new AppError(…)` of the sources. */
function thrownKeys(): Set<string> {
  const keys = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name)) {
        const text = readFileSync(path, "utf8");
        for (const m of text.matchAll(/new AppError\(((?:[^()]|\([^()]*\))*)\)/g)) {
          for (const k of (m[1] ?? "").matchAll(/\bkey: "([A-Za-z]+)"/g)) keys.add(k[1] as string);
        }
        for (const k of text.matchAll(/^\s+key: "(database[A-Za-z]+)",$/gm))
          keys.add(k[1] as string);
      }
    }
  };
  for (const dir of ["packages/content/src", "packages/db/src", "apps/web/src"])
    walk(join(root, dir));
  return keys;
}

describe("API error texts", () => {
  it("shows a keyed error in the interface language, with its date formatted", () => {
    const e = new ApiCallError(409, {
      code: "CONFLICT",
      message: "this card is not due until 2026-03-05T04:00:00.000Z",
      key: "cardNotDue",
      params: { due: "2026-03-05T04:00:00.000Z" },
    });
    expect(apiErrorText(e, translator(en, "en"), isoDate)).toBe(
      "This card is not due until 2026-03-05. It may have been reviewed on another device.",
    );
    expect(apiErrorText(e, translator(ko, "ko"), isoDate)).toMatch(
      /^이 카드의 다음 복습은 2026-03-05입니다/,
    );
  });

  it("falls back to the server's message for an error without a known key", () => {
    const t = translator(ko, "ko");
    expect(apiErrorText(new ApiCallError(400, { message: "rating: invalid" }), t, isoDate)).toBe(
      "rating: invalid",
    );
    expect(
      apiErrorText(new ApiCallError(400, { message: "x", key: "noSuchKey" }), t, isoDate),
    ).toBe("x");
    expect(apiErrorText(new Error("boom"), t, isoDate)).toBe("boom");
  });

  it("puts key and params in the API's error body", () => {
    const body = errorResult(
      new AppError("CONFLICT", "not due", { key: "cardNotDue", params: { due: "d" } }),
    ).body as { error: Record<string, unknown> };
    expect(body.error).toEqual({
      code: "CONFLICT",
      message: "not due",
      key: "cardNotDue",
      params: { due: "d" },
    });
    const down = toAppError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432")));
    expect(down.key).toBe("databaseUnavailable");
    expect(classifyDatabaseError(new Error("SQLITE_FULL: database or disk is full"))?.key).toBe(
      "databaseDiskFull",
    );
  });

  it("has an English and a Korean text for every key the code throws", () => {
    const keys = thrownKeys();
    expect(keys.size).toBeGreaterThan(15);
    const t = { en: translator(en, "en"), ko: translator(ko, "ko") };
    const missing = [...keys].filter((k) => !t.en.has(k) || !t.ko.has(k));
    expect(missing).toEqual([]);
  });

  it("has an English and a Korean text for every AppError key, each formatting with its params", () => {
    const sample = {
      field: "name",
      min: 2,
      max: 40,
      n: 2,
      count: 3,
      due: "2026-03-05",
      at: "2026-03-05",
      days: 7,
      seconds: 3,
      limit: "64 MB",
      deck: "CNN",
      file: "cards.csv",
      names: "a.png, b.png",
      name: "k",
      path: "img/a.png",
      problem: "Undefined control sequence",
      allowed: "max, avg",
    };
    const missing: string[] = [];
    for (const [locale, messages] of [
      ["en", en],
      ["ko", ko],
    ] as const) {
      const t = translator(messages, locale);
      for (const key of APP_ERROR_KEYS) {
        if (!t.has(key)) {
          missing.push(`${locale}: ${key}`);
          continue;
        }
        const text = t(key, sample);
        expect(text, `${locale} ${key}`).not.toMatch(/\{[a-z]+\}/i);
        if (locale === "ko") {
          expect(text, key).toMatch(/[가-힣]/);
          // Particles chosen by the noun, not printed as "(으)로" or "을(를)".
          expect(text, key).not.toMatch(/\((으|이|을|를|은|는|과|와)\)/);
        }
      }
    }
    expect(missing).toEqual([]);
    // The code throws only registered keys.
    expect(
      [...thrownKeys()].filter((k) => !(APP_ERROR_KEYS as readonly string[]).includes(k)),
    ).toEqual([]);
  });

  it("names a form field that fails validation in the interface language", () => {
    const schema = z.object({
      name: z.string().trim().min(1).max(100),
      maxUses: z.number().int().min(1).max(1000),
    });
    const failure = (value: unknown) => {
      try {
        parseOrThrow(schema, value);
      } catch (e) {
        return e as AppError;
      }
      throw new Error("expected a failure");
    };
    const text = (e: AppError, locale: "en" | "ko") =>
      errorBodyText(e, e.message, translator(locale === "en" ? en : ko, locale), {
        fields: translator(locale === "en" ? en : ko, locale, "errorFields"),
      });
    const empty = failure({ name: " ", maxUses: 1 });
    expect(empty.key).toBe("fieldRequired");
    expect(text(empty, "en")).toBe("Name: required.");
    expect(text(empty, "ko")).toBe("이름: 필수 항목입니다.");
    const many = failure({ name: "a", maxUses: 5000 });
    expect(many.key).toBe("fieldTooLarge");
    expect(many.params).toEqual({ field: "maxUses", max: 1000 });
    expect(text(many, "ko")).toBe("최대 사용 횟수: 1,000 이하여야 합니다.");
    expect(text(many, "en")).toBe("Maximum uses: at most 1,000.");
    // Without a key the English message stays.
    expect(errorBodyText({}, "x: bad", translator(ko, "ko"))).toBe("x: bad");
  });
});
