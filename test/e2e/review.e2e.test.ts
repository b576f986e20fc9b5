// The daily review in the browser: keyboard review, undo, an exercise answered wrongly then right on
// a later variant, the language switch, the statistics plots, and screenshots (test-results/).
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateExercise } from "@strides/content";
import { type DbHandle, DEMO_ACCOUNTS, openDb, resetNewCardCursor } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, baseUrl, demoPassword, launchBrowser } from "./browser.ts";

const userId = DEMO_ACCOUNTS.learner.id;
const DECK = "dl-basic-cnn";

async function signIn(page: Page) {
  await page.goto("/sign-in");
  await page.getByLabel(/email|이메일/i).fill(DEMO_ACCOUNTS.learner.email);
  await page.getByLabel(/password|비밀번호/i).fill(demoPassword(DEMO_ACCOUNTS.learner.email));
  await page.getByRole("button", { name: /sign in|로그인/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function currentCard(page: Page) {
  const card = page.locator("article.review-card");
  await card.waitFor();
  return {
    id: (await card.getAttribute("data-card-id")) ?? "",
    kind: (await card.getAttribute("data-kind")) ?? "",
  };
}

/** Opens the review page and waits until it is hydrated (keyboard handlers attached, focus set). */
async function gotoReview(page: Page) {
  await page.goto("/review");
  await page.locator(".review[data-ready]").waitFor();
}

/** Waits until the card on screen is no longer `id` and the server has answered the rating. */
async function waitForCardChange(page: Page, id: string) {
  await page
    .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
    .first()
    .waitFor();
  await page.locator('.review[aria-busy="false"]').waitFor();
}

describe("daily review in the browser", () => {
  let context: BrowserContext;
  let page: Page;
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    context = await launchBrowser();
    page = await context.newPage();
    await signIn(page);
  });
  afterAll(async () => {
    await context?.close();
    await handle?.close();
  });

  it("shows today's counts and the forecast on the home page", async () => {
    await page.goto("/");
    const counts = await page.getByTestId(`deck-counts-${DECK}`).textContent();
    expect(counts).toMatch(/New\s*\d+/);
    // The forecast's bars, or "no data yet" while nothing is scheduled.
    await page
      .getByTestId("plot-forecast")
      .locator("svg, [data-testid=plot-empty]")
      .first()
      .waitFor();
    await page.getByTestId("start-review").click();
    await page.waitForURL((url) => url.pathname === "/review");
  });

  let basicId = "";
  it("reviews a basic card with the keyboard and records the schedule and the log", async () => {
    let card = await currentCard(page);
    for (let i = 0; i < 20 && card.kind !== "basic"; i++) {
      // Bury what is not a basic card (an exercise's answer box takes "-": Esc leaves it first).
      if (card.kind === "exercise") await page.keyboard.press("Escape");
      await page.keyboard.press("-");
      await waitForCardChange(page, card.id);
      card = await currentCard(page);
    }
    expect(card.kind).toBe("basic");
    basicId = card.id;
    await page.keyboard.press("Space");
    await page.locator("article.review-card[data-phase=answer]").waitFor();
    // The answer shown, the first Tab goes to the ratings (not to the card's source link).
    await page.keyboard.press("Tab");
    expect(await page.locator("button.rating-1:focus").count()).toBe(1);
    // Each rating button shows the next interval from the service's preview.
    await expect(page.locator("button.rating").allTextContents()).resolves.toHaveLength(4);
    expect(await page.locator("button.rating-3 .rating-interval").textContent()).toMatch(/^\d/);
    await page.keyboard.press("3");
    await waitForCardChange(page, basicId);

    const logs = await handle.db.reviewLog.findMany({ where: { userId, cardId: basicId } });
    expect(logs).toHaveLength(1);
    expect(logs[0]?.rating).toBe(3);
    const state = await handle.db.cardState.findUnique({
      where: { userId_cardId: { userId, cardId: basicId } },
    });
    expect(state?.reps).toBe(1);
    expect(state?.state).not.toBe(0);
  });

  it("undoes the last rating with u, then Ctrl+Z after rating again", async () => {
    await page.keyboard.press("u");
    await page.locator(`article.review-card[data-card-id="${basicId}"]`).waitFor();
    await page.locator('.review[aria-busy="false"]').waitFor();
    expect(await handle.db.reviewLog.count({ where: { userId, cardId: basicId } })).toBe(0);
    const state = await handle.db.cardState.findUnique({
      where: { userId_cardId: { userId, cardId: basicId } },
    });
    expect(state === null || state.state === 0).toBe(true);

    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await waitForCardChange(page, basicId);
    expect(await handle.db.reviewLog.count({ where: { userId, cardId: basicId } })).toBe(1);
    await page.keyboard.press("Control+z");
    await page.locator(`article.review-card[data-card-id="${basicId}"]`).waitFor();
    await page.locator('.review[aria-busy="false"]').waitFor();
    expect(await handle.db.reviewLog.count({ where: { userId, cardId: basicId } })).toBe(0);
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await waitForCardChange(page, basicId);
  });

  it.each([
    ["clicking", "click"],
    ["Enter on", "Enter"],
  ] as const)(
    "%s Show answer leaves the focus on the ratings, which read the answer",
    async (_, how) => {
      let card = await currentCard(page);
      for (let i = 0; i < 20 && !["basic", "cloze"].includes(card.kind); i++) {
        if (card.kind === "exercise") await page.keyboard.press("Escape");
        await page.keyboard.press("-");
        await waitForCardChange(page, card.id);
        card = await currentCard(page);
      }
      const show = page.getByRole("button", { name: /show answer/i });
      if (how === "click") await show.click();
      else {
        await show.focus();
        await page.keyboard.press("Enter");
      }
      await page.locator("article.review-card[data-phase=answer]").waitFor();
      // Not the document: the ratings' group, described by the answer (a screen reader reads it).
      // (The document's body never matches :focus.)
      const focused = page.locator(":focus");
      expect(await focused.count()).toBe(1);
      expect(await page.locator("fieldset.ratings:focus").count()).toBe(1);
      const describedBy = (await focused.getAttribute("aria-describedby")) ?? "";
      expect(describedBy).not.toBe("");
      expect(await page.locator(`#${describedBy}`).textContent()).toBe(
        await page.getByTestId("answer").textContent(),
      );
      // Tab goes to the first rating, and the rating keys work from there.
      await page.keyboard.press("Tab");
      expect(await page.locator("button.rating-1:focus").count()).toBe(1);
      await page.keyboard.press("3");
      await waitForCardChange(page, card.id);
    },
  );

  it("answers an exercise wrongly, then correctly on a later variant", async () => {
    const deck = await handle.db.deck.findUniqueOrThrow({ where: { slug: DECK } });
    const ex = await handle.db.card.findFirstOrThrow({
      where: { deckId: deck.id, kind: "exercise", retiredAt: null },
      orderBy: { position: "asc" },
    });
    // Bring the exercise to the front of the new cards: swap places with the first card this
    // learner has not studied yet (positions stay what the deck import gives: 0, 1, 2, …).
    const front = await handle.db.card.findFirstOrThrow({
      where: { deckId: deck.id, retiredAt: null, states: { none: { userId, state: { not: 0 } } } },
      orderBy: { position: "asc" },
    });
    if (front.id !== ex.id) {
      await handle.db.card.update({ where: { id: ex.id }, data: { position: front.position } });
      await handle.db.card.update({ where: { id: front.id }, data: { position: ex.position } });
    }
    // Other test files move cards too (another may have put this exercise first, so an earlier
    // test here set it aside): new cards are scanned from the deck's start again, and the exercise
    // is not buried.
    await resetNewCardCursor({ db: handle.db, deckId: deck.id });
    await handle.db.cardState.updateMany({
      where: { userId, cardId: ex.id },
      data: { buriedUntil: null },
    });
    await gotoReview(page);
    await page
      .locator(`article.review-card[data-card-id="${ex.id}"][data-kind=exercise]`)
      .waitFor();
    const input = page.getByLabel(/your answer|내 답/i);
    expect(await page.locator("#exercise-answer:focus").count()).toBe(1);
    // An answer the checker cannot read is not graded: the format is named, the solution hidden.
    await input.fill("abc");
    await page.keyboard.press("Enter");
    const unreadable = page.getByTestId("answer-unreadable");
    await unreadable.waitFor();
    expect(await unreadable.textContent()).toMatch(/cannot be read|읽을 수 없습니다/);
    expect(await page.getByTestId("check").count()).toBe(0);
    expect(await input.getAttribute("aria-invalid")).toBe("true");
    await input.fill("123456789");
    expect(await unreadable.count()).toBe(0);
    await page.keyboard.press("Enter");
    const check = page.getByTestId("check");
    await check.waitFor();
    expect(await check.textContent()).toMatch(/Not quite/);
    expect(await check.locator(".katex").count()).toBeGreaterThan(0); // worked solution in KaTeX
    expect(await page.locator("button.rating-1").getAttribute("aria-pressed")).toBe("true");
    await page.keyboard.press("Enter"); // confirm the proposed rating (Again)
    await waitForCardChange(page, ex.id);
    const first = await handle.db.reviewLog.findFirstOrThrow({ where: { userId, cardId: ex.id } });
    expect(first.correct).toBe(false);
    expect(first.rating).toBe(1);

    // Later: the learning step is over, the card comes back with another variant.
    await handle.db.cardState.update({
      where: { userId_cardId: { userId, cardId: ex.id } },
      data: { due: new Date(Date.now() - 1000) },
    });
    await gotoReview(page);
    await page.locator(`article.review-card[data-card-id="${ex.id}"]`).waitFor();
    const state = await handle.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId, cardId: ex.id } },
    });
    expect(state.variantSeed).not.toBeNull();
    expect(state.variantSeed).not.toBe(first.variantSeed);
    const content = JSON.parse(ex.content) as { generator: string; params?: Record<string, never> };
    const variant = generateExercise(content.generator, {
      seed: state.variantSeed as number,
      lang: "en",
      ...(content.params ? { ranges: content.params } : {}),
    });
    await page.getByLabel(/your answer|내 답/i).fill(variant.answer);
    await page.keyboard.press("Enter");
    await page.getByTestId("check").waitFor();
    expect(await page.getByTestId("check").textContent()).toMatch(/Correct/);
    expect(await page.locator("button.rating[aria-pressed=true]").count()).toBe(1);
    await page.keyboard.press("3"); // override the proposed rating
    await waitForCardChange(page, ex.id);
    const logs = await handle.db.reviewLog.findMany({
      where: { userId, cardId: ex.id },
      orderBy: { reviewedAt: "asc" },
    });
    expect(logs.map((l) => [l.correct, l.rating])).toEqual([
      [false, 1],
      [true, 3],
    ]);
  });

  it("shows a card's history in the card browser", async () => {
    await page.goto(`/cards/${basicId}`);
    expect(await page.getByTestId("history").locator("tbody tr").count()).toBe(1);
    await page.goto("/cards?q=CNN");
    expect(await page.getByTestId("card-count").textContent()).toMatch(/\d+ cards?/);
  });

  it("renders the statistics as plots with tables behind them", async () => {
    await page.goto("/stats");
    for (const id of ["heatmap", "retention", "forecast", "stability", "difficulty", "time"]) {
      const plot = page.getByTestId(`plot-${id}`);
      // The plot, or "no data yet" (e.g. retention before any card is mature).
      await plot.locator("svg, [data-testid=plot-empty]").first().waitFor();
      expect(await plot.locator("details table").count()).toBe(1);
    }
    expect(await page.getByTestId("plot-heatmap").locator("rect").count()).toBeGreaterThanOrEqual(
      365,
    );
    expect(await page.getByTestId("plot-time").locator("rect.bar").count()).toBe(30);
  });

  it("switches the interface to Korean from the settings and keeps card content as written", async () => {
    await page.goto("/settings");
    await page.getByLabel("Language").selectOption("ko");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("settings-saved").waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    await page.getByRole("heading", { name: "설정" }).waitFor();
    const settings = await handle.db.learnerSettings.findUniqueOrThrow({ where: { userId } });
    expect(settings.locale).toBe("ko");
    // A value the browser's own check would refuse, sent anyway: the server's error is in Korean,
    // names the field as the form does, and keeps what was typed.
    const retention = page.locator("#desiredRetention");
    if ((await retention.count()) > 0) {
      await page.locator("form:has(#desiredRetention)").evaluate((form) => {
        form.setAttribute("novalidate", "");
      });
      await retention.fill("5");
      await page.locator("#newPerDay").fill("17");
      await page.getByRole("button", { name: "저장" }).click();
      const alert = page.locator("p.error[role=alert]");
      await alert.waitFor();
      expect(await alert.textContent()).toBe("목표 기억률: 0.99 이하여야 합니다.");
      expect(await retention.inputValue()).toBe("5");
      expect(await page.locator("#newPerDay").inputValue()).toBe("17");
    }
    await gotoReview(page);
    await page.getByRole("button", { name: /정답 보기/ }).waitFor();

    // An error of the review service is shown in Korean too: the card was suspended elsewhere.
    const { id } = await currentCard(page);
    await handle.db.cardState.upsert({
      where: { userId_cardId: { userId, cardId: id } },
      create: {
        userId,
        cardId: id,
        deckId: (await handle.db.card.findUniqueOrThrow({ where: { id } })).deckId,
        due: new Date(),
        suspended: true,
      },
      update: { suspended: true },
    });
    try {
      await page.keyboard.press("Space");
      await page.keyboard.press("3");
      const alert = page.locator(".review p.error[role=alert]");
      await alert.waitFor();
      expect(await alert.textContent()).toBe(
        "이 카드는 보류되어 있습니다. 먼저 보류를 해제하세요.",
      );
      expect(await page.locator("article.review-card").getAttribute("data-card-id")).toBe(id);
    } finally {
      await handle.db.cardState.update({
        where: { userId_cardId: { userId, cardId: id } },
        data: { suspended: false },
      });
    }
  });

  it("saves screenshots of the review page in both languages, light and dark", async () => {
    mkdirSync(artifactsDir, { recursive: true });
    const host = new URL(baseUrl).hostname;
    for (const locale of ["en", "ko"]) {
      for (const theme of ["light", "dark"]) {
        await context.addCookies([
          { name: "strides-locale", value: locale, domain: host, path: "/" },
          { name: "strides-theme", value: theme, domain: host, path: "/" },
        ]);
        await gotoReview(page);
        await page.locator("article.review-card").waitFor();
        await page.keyboard.press("Space");
        await page.screenshot({
          path: join(artifactsDir, `review-${locale}-${theme}.png`),
          fullPage: true,
        });
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await gotoReview(page);
    await page.locator("article.review-card").waitFor();
    await page.screenshot({ path: join(artifactsDir, "review-ko-dark-phone.png"), fullPage: true });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it("loads no client-side KaTeX on the review page", async () => {
    const scripts: string[] = [];
    const p = await context.newPage();
    p.on("response", async (r) => {
      if (r.request().resourceType() === "script") scripts.push(await r.text().catch(() => ""));
    });
    await gotoReview(p);
    await p.locator("article.review-card").waitFor();
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.some((s) => s.includes("katex") && s.includes("renderToString"))).toBe(false);
    await p.close();
  });
});
