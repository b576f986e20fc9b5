// API errors carry a message id; the interface shows it in the learner's language. Every id thrown
// anywhere has an English and a Korean text.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { AppError } from "@strides/content";
import { classifyDatabaseError } from "@strides/db";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import en from "../messages/en/index.ts";
import ko from "../messages/ko/index.ts";
import { errorResult, toAppError } from "./api-core.ts";
import { ApiCallError, apiErrorText } from "./api-error-text.ts";

const root = join(import.meta.dirname, "../../../..");

function translator(messages: typeof en, locale: string) {
  const t = createTranslator({ locale, messages, namespace: "errors" });
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
});
