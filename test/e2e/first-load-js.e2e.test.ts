// The review page's first-load JavaScript (issue 16), read from the production build this suite
// runs against (apps/web/bench/first-load-js.ts): it fails when /review's first load grows past its
// budget or carries code it does not need before its first card. Not timed.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  firstLoadJs,
  REVIEW_FIRST_LOAD_BUDGET_KB,
  REVIEW_FIRST_LOAD_TARGET_KB,
} from "../../apps/web/bench/first-load-js.ts";

const nextDir = join(import.meta.dirname, "../../apps/web/.next");

describe("/review first-load JS", () => {
  const review = firstLoadJs("/review", nextDir);
  const text = review.files.map((f) => readFileSync(join(nextDir, f.file), "utf8")).join("\n");

  it(`stays within ${REVIEW_FIRST_LOAD_BUDGET_KB} KB gzip`, () => {
    console.log(
      `/review first-load JS ${review.kb.toFixed(1)} KB gzip (target ${REVIEW_FIRST_LOAD_TARGET_KB} KB): Next and React ${review.frameworkKb.toFixed(1)} KB, the app ${(review.kb - review.frameworkKb).toFixed(1)} KB`,
    );
    expect(review.kb).toBeLessThanOrEqual(REVIEW_FIRST_LOAD_BUDGET_KB);
  });

  it("carries no ICU parser, IndexedDB wrapper, KaTeX or zod", () => {
    // intl-messageformat's parser (messages are compiled at build time).
    expect(text).not.toContain("EXPECT_ARGUMENT_CLOSING_BRACE");
    // idb (the offline store loads on first use).
    expect(text).not.toContain("IDBTransaction");
    // KaTeX renders on the server.
    expect(text).not.toContain("KaTeX parse error");
    // zod validates on the server.
    expect(text).not.toContain("Invalid input: expected");
  });
});
