// A newcomer in a Korean and in an English browser: the review's keys do what the key map says and
// keep the focus, a note with mistakes is explained in the page's language with its specifics, and
// tables stay readable on a 390 px phone.
import { DEMO_ACCOUNTS } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, launchBrowser } from "./browser.ts";

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/email|이메일/i).fill(email);
  await page.getByLabel(/password|비밀번호/i).fill(demoPassword(email));
  await page.getByRole("button", { name: /sign in|로그인/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

/** The review page with a basic or cloze card on screen (others are buried with `-`). */
async function reviewAPlainCard(page: Page): Promise<string> {
  await page.goto("/review");
  await page.locator(".review[data-ready]").waitFor();
  for (let i = 0; i < 30; i++) {
    const card = page.locator("article.review-card");
    await card.waitFor();
    const kind = await card.getAttribute("data-kind");
    const id = (await card.getAttribute("data-card-id")) ?? "";
    if (kind === "basic" || kind === "cloze") return id;
    // An exercise's answer box takes "-": leave it first.
    await page.keyboard.press("Escape");
    await page.keyboard.press("-");
    await page.locator(`article.review-card:not([data-card-id="${id}"])`).waitFor();
    await page.locator('.review[aria-busy="false"]').waitFor();
  }
  throw new Error("no basic or cloze card to review");
}

// Scripts run in the page (strings: the root tsconfig has no DOM library).

/** What has the focus, as a selector-like name (`article.review-card`). */
const FOCUSED = `(() => {
  const a = document.activeElement;
  return a ? a.tagName.toLowerCase() + (a.className ? "." + a.className.split(" ")[0] : "") : "";
})()`;
const focused = (page: Page) => page.evaluate<string>(FOCUSED);

/**
 * Runs of letters and digits (a name, "100%", a Korean word) of table cells split over two lines,
 * and the page's width.
 */
const TABLE_LAYOUT = `(() => {
  const split = [];
  for (const cell of document.querySelectorAll("main th, main td")) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (const m of (n.textContent ?? "").matchAll(/[\\p{L}\\p{N}%]+/gu)) {
        const range = document.createRange();
        range.setStart(n, m.index);
        range.setEnd(n, m.index + m[0].length);
        const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (tops.size > 1) split.push(m[0]);
      }
    }
  }
  return { split, width: document.documentElement.scrollWidth };
})()`;
const PAGE_WIDTH = "document.documentElement.scrollWidth";

describe("the review's keys, in English and Korean", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launchBrowser({ locale: "ko-KR" });
    page = await context.newPage();
    await signIn(page, DEMO_ACCOUNTS.learner.email);
  });
  afterAll(async () => {
    await context?.close();
  });

  it("closing the key map (?) with Esc puts the focus back on the card, not on the page", async () => {
    await reviewAPlainCard(page);
    expect(await focused(page)).toBe("article.review-card");
    await page.keyboard.press("?");
    await page.getByTestId("key-map").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("key-map").waitFor({ state: "detached" });
    expect(await focused(page)).toBe("article.review-card");
    // The answer is shown: focus on the ratings; the key map opened and closed there returns to them.
    await page.keyboard.press(" ");
    await page.locator("fieldset.ratings").waitFor();
    expect(await focused(page)).toBe("fieldset.ratings");
    await page.keyboard.press("?");
    await page.keyboard.press("Escape");
    await page.getByTestId("key-map").waitFor({ state: "detached" });
    expect(await focused(page)).toBe("fieldset.ratings");
  });

  it("Enter on an answer with no proposed rating rates Good, as the key map says", async () => {
    const id = await reviewAPlainCard(page);
    await page.keyboard.press(" ");
    await page.locator("fieldset.ratings").waitFor();
    await expect(page.locator(".rating.proposed").count()).resolves.toBe(0);
    await page.keyboard.press("Enter");
    await page
      .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
      .first()
      .waitFor({ timeout: 10_000 });
    await page.locator('.review[aria-busy="false"]').waitFor();
    await expect(
      page.locator('.review p.visually-hidden[role="status"]').textContent(),
    ).resolves.toContain("보통");
    await page.keyboard.press("?");
    await expect(page.getByTestId("key-map").textContent()).resolves.toContain(
      "추천이 없으면 보통",
    );
    await page.keyboard.press("Escape");
  });
});

const BROKEN_NOTE = [
  "---",
  'title: "Day13 학습정리',
  "tags: [DL]",
  "---",
  "",
  "## Softmax",
  "",
  "* Softmax: $\\frac{e^{x_i}}{\\sum_j e^{x_j}$ 는 확률이 된다",
  "* Norm: $\\norm{x}$ 는 길이",
  "",
].join("\n");

describe("importing a note with mistakes", () => {
  const run = async (locale: string) => {
    const context = await launchBrowser({ locale });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO_ACCOUNTS.instructor.email);
      await page.goto("/decks/dl-basic-cnn/import");
      await page.locator("#import-files").setInputFiles({
        name: "day13.md",
        mimeType: "text/markdown",
        buffer: Buffer.from(BROKEN_NOTE),
      });
      await page.getByRole("button", { name: /preview|미리보기/i }).click();
      const errors = page.locator("li", { hasText: "day13.md:" });
      await errors.first().waitFor({ timeout: 30_000 });
      // The pressed Preview button was disabled while it ran: the focus went on to the outcome.
      await page.locator(".import-outcome").waitFor();
      expect(await focused(page)).toBe("div.import-outcome");
      return await errors.allInnerTexts();
    } finally {
      await context.close();
    }
  };

  it("in Korean: each error names its line and says what is wrong, in Korean", async () => {
    const errors = await run("ko-KR");
    // The line YAML stops at (the quote opened on line 2 runs on into line 3).
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^day13\.md:[23] 머리말\(front matter\)이 올바르지 않습니다: 닫는 따옴표나 괄호, 또는 키의 ":" 뒤에 올 값이 빠졌습니다\.$/,
      ),
    );
    expect(errors).toContain(
      "day13.md:8 수식 오류: “\\frac{e^{x_i}}{\\sum_j e^{x_j}”의 끝 — } 없이 수식이 끝났습니다.",
    );
    expect(errors).toContain(
      "day13.md:9 수식 오류: “\\norm{x}”의 1번째 글자 — KaTeX가 모르는 명령입니다: \\norm",
    );
    for (const e of errors) expect(e).not.toMatch(/invalid|Expected|Undefined|YAML|Missing/);
  });

  it("in English: the same specifics", async () => {
    const errors = await run("en-US");
    expect(errors).toContainEqual(
      expect.stringMatching(
        /^day13\.md:[23] The front matter is not valid: a closing quote or bracket, or the value after a key's ":", is missing\.$/,
      ),
    );
    expect(errors).toContain(
      "day13.md:9 Math error at character 1 of “\\norm{x}”: KaTeX does not know the command \\norm.",
    );
  });
});

describe("writing a card", () => {
  it("puts the focus on the field a refused save names (its Korean message read with it)", async () => {
    const context = await launchBrowser({ locale: "ko-KR" });
    try {
      const page = await context.newPage();
      await signIn(page, DEMO_ACCOUNTS.instructor.email);
      await page.goto("/decks/dl-basic-cnn/cards/new");
      await page.locator("#card-front").fill("Softmax 식은?");
      await page.locator("#card-back").fill("$\\frac{e^{x_i}}{\\sum_j e^{x_j}$");
      await page.getByRole("button", { name: "저장" }).click();
      await page.locator("#back-error").waitFor();
      expect(await focused(page)).toBe("textarea");
      expect(await page.evaluate<string>("document.activeElement.id")).toBe("card-back");
      await expect(page.locator("#back-error").textContent()).resolves.toBe(
        "뒷면: 수식 오류: “\\frac{e^{x_i}}{\\sum_j e^{x_j}”의 끝 — } 없이 수식이 끝났습니다.",
      );
    } finally {
      await context.close();
    }
  });
});

describe("a 390 px phone", () => {
  let context: BrowserContext;
  let page: Page;
  beforeAll(async () => {
    context = await launchBrowser({ locale: "ko-KR", viewport: { width: 390, height: 844 } });
    page = await context.newPage();
    await signIn(page, DEMO_ACCOUNTS.instructor.email);
  });
  afterAll(async () => {
    await context?.close();
  });

  const layout = () => page.evaluate<{ split: string[]; width: number }>(TABLE_LAYOUT);

  it("keeps the group dashboard's and the group page's words whole in their table cells", async () => {
    for (const path of ["/groups/demo/dashboard", "/groups/demo"]) {
      await page.goto(path);
      await page.locator("main table:visible").first().waitFor();
      const { split, width } = await layout();
      expect({ path, split }).toEqual({ path, split: [] });
      expect(width).toBeLessThanOrEqual(390);
    }
  });

  it("keeps the import page within the screen when a note's image paths are long", async () => {
    await page.goto("/decks/dl-basic-cnn/import");
    const long = "../../assets/img/boostcamp/BatchNormalizationAfterConvolution.png";
    await page.locator("#import-files").setInputFiles({
      name: "images.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(`# 이미지\n\n* BN: 합성곱 뒤 정규화\n\n![bn](${long})\n`),
    });
    await page.getByRole("button", { name: /미리보기/ }).click();
    await page.locator("li", { hasText: "BatchNormalizationAfterConvolution" }).first().waitFor();
    expect(await page.evaluate<number>(PAGE_WIDTH)).toBeLessThanOrEqual(390);
  });
});
