// Issue 16, the learner's walk: a new member with a Korean browser in Seoul joins through an invite
// in one step, reviews exercises and list-recall cards with the keyboard only, sees times on their
// own clock and Korean everywhere, and the "due today" counts agree between home, review, forecast
// and the instructor's dashboard. Screenshots of each step go to test-results/experience-*.png.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { generateExercise } from "@strides/content";
import { type DbHandle, DEMO_ACCOUNTS, openDb, resetNewCardCursor } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, baseUrl, demoPassword, launchBrowser } from "./browser.ts";

const DECK = "dl-basic-cnn";
const email = `seoul-${Date.now()}@example.com`;
const ZONE = "Asia/Seoul";

async function shot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `experience-${name}.png`), fullPage: true });
}

async function signIn(page: Page, address: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/email|이메일/i).fill(address);
  await page.getByLabel(/password|비밀번호/i).fill(demoPassword(address));
  await page.getByRole("button", { name: /sign in|로그인/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

async function card(page: Page) {
  const el = page.locator("article.review-card");
  await el.waitFor();
  return {
    id: (await el.getAttribute("data-card-id")) ?? "",
    kind: (await el.getAttribute("data-kind")) ?? "",
  };
}

async function waitForChange(page: Page, id: string) {
  await page
    .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
    .first()
    .waitFor();
  await page.locator('.review[aria-busy="false"]').waitFor();
}

/** Seoul wall-clock "HH:MM" of `d` (what a 24-hour Korean time shows). */
function seoulClock(d: Date): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(d);
}

describe("a Korean member's first session", () => {
  let handle: DbHandle;
  let teacherCtx: BrowserContext;
  let memberCtx: BrowserContext;
  let teacher: Page;
  let page: Page;
  let inviteLink = "";
  let memberId = "";
  let exerciseId = "";
  let typed = "";

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    teacherCtx = await launchBrowser();
    memberCtx = await launchBrowser({ locale: "ko-KR", timezoneId: ZONE });
    teacher = await teacherCtx.newPage();
    page = await memberCtx.newPage();
    await signIn(teacher, DEMO_ACCOUNTS.instructor.email);
  });
  afterAll(async () => {
    await teacherCtx?.close();
    await memberCtx?.close();
    await handle?.close();
  });

  it("the instructor creates an invite link with a copy button", async () => {
    await teacher.goto("/groups/demo");
    await teacher.getByRole("button", { name: /create invite link/i }).click();
    const field = teacher.getByTestId("invite-link");
    await field.waitFor();
    inviteLink = await field.inputValue();
    await teacher.getByTestId("invite-copy").click();
    // Copying is asynchronous (the clipboard, or selecting the text without permission).
    await teacher
      .getByTestId("invite-copy")
      .filter({ hasText: /^Copied$/ })
      .waitFor();
    await shot(teacher, "01-invite-copied");
  });

  it("joins the group in one step from the invite page, on Seoul time", async () => {
    await page.goto(new URL(inviteLink).pathname);
    expect(await page.locator("html").getAttribute("lang")).toBe("ko");
    const text = (await page.locator("main").textContent()) ?? "";
    expect(text).not.toContain("(으)로");
    await page.getByLabel(/^이름/).fill("서울 학습자");
    // A taken address first: better-auth's error is shown in Korean, not "User already exists.".
    await page.getByLabel(/이메일/).fill(DEMO_ACCOUNTS.learner.email);
    await page.getByLabel(/비밀번호/).fill(demoPassword(DEMO_ACCOUNTS.learner.email));
    await page.getByRole("button", { name: "계정 만들기" }).click();
    const taken = page.getByRole("alert").filter({ hasText: /[가-힣]/ });
    await taken.waitFor();
    expect(await taken.textContent()).toContain("이미 가입된 이메일");
    await page.getByLabel(/이메일/).fill(email);
    await shot(page, "02-invite-ko");
    await page.getByRole("button", { name: "계정 만들기" }).click();
    // No second click: the account joins the group and the page offers the first review.
    await page.waitForURL((url) => url.pathname === "/groups/demo");
    await page.getByTestId("joined-prompt").waitFor();
    const user = await handle.db.user.findUniqueOrThrow({ where: { email } });
    memberId = user.id;
    // Joining through an invite never makes the instance's admin, whoever signed up before.
    expect(user.role).toBe("user");
    const membership = await handle.db.membership.findFirst({ where: { userId: memberId } });
    expect(membership?.role).toBe("member");
    const settings = await handle.db.learnerSettings.findUniqueOrThrow({
      where: { userId: memberId },
    });
    expect(settings.timeZone).toBe(ZONE);
    // Deck names are links to their review.
    await page.getByTestId(`group-deck-${DECK}`).getByRole("link").first().waitFor();
    await shot(page, "03-joined");
  });

  it("shows the settings' time zone with the browser's, and a link to the account", async () => {
    await page.goto("/settings");
    expect(await page.locator("#timeZone").inputValue()).toBe(ZONE);
    await expect(page.getByTestId("tz-hint").textContent()).resolves.toContain(ZONE);
    await page.getByTestId("account-link").click();
    await page.waitForURL((url) => url.pathname === "/settings/account");
  });

  it("shows 'no data yet' rather than empty axes before the first review", async () => {
    await page.goto("/stats");
    expect(await page.getByTestId("plot-empty").count()).toBeGreaterThan(0);
    await shot(page, "04-stats-empty");
  });

  it("answers an exercise in Korean with the keyboard only", async () => {
    // The deck's first exercise first in this member's order (positions are deck-wide; the other
    // browser tests pick their cards by kind, not by place).
    const deck = await handle.db.deck.findUniqueOrThrow({ where: { slug: DECK } });
    const ex = await handle.db.card.findFirstOrThrow({
      where: { deckId: deck.id, kind: "exercise", retiredAt: null },
      orderBy: { position: "asc" },
    });
    const first = await handle.db.card.findFirstOrThrow({
      where: { deckId: deck.id, retiredAt: null },
      orderBy: { position: "asc" },
    });
    if (first.id !== ex.id) {
      await handle.db.card.update({ where: { id: ex.id }, data: { position: first.position } });
      await handle.db.card.update({ where: { id: first.id }, data: { position: ex.position } });
    }
    await resetNewCardCursor({ db: handle.db, deckId: ex.deckId });
    exerciseId = ex.id;
    // Three new cards a day for this member (a preset option learners may change), so setting
    // the rest aside ends the session after the three cards below.
    await handle.db.learnerSettings.update({
      where: { userId: memberId },
      data: { overrides: JSON.stringify({ newPerDay: 3 }) },
    });
    await page.goto("/review");
    await page.locator(".review[data-ready]").waitFor();
    let c = await card(page);
    for (let i = 0; i < 30 && c.id !== ex.id; i++) {
      await page.keyboard.press("-");
      await waitForChange(page, c.id);
      c = await card(page);
    }
    expect(c.id).toBe(ex.id);
    // The question and the answer format are Korean like the page.
    const format = (await page.locator("#answer-format").textContent()) ?? "";
    expect(format).toMatch(/[가-힣]/);
    expect(await page.locator("#exercise-answer:focus").count()).toBe(1);
    // "-" and "u" are typed into the answer box (a negative answer), Esc leaves it.
    await page.keyboard.type("-u");
    expect(await page.locator("#exercise-answer").inputValue()).toBe("-u");
    await page.keyboard.press("Escape");
    expect(await page.locator("#exercise-answer:focus").count()).toBe(0);
    // ? opens the key map, Esc closes it.
    await page.keyboard.press("?");
    await page.getByTestId("key-map").waitFor();
    await shot(page, "05-key-map");
    await page.keyboard.press("Escape");
    await page.getByTestId("key-map").waitFor({ state: "detached" });
    // Enter goes back to the answer box; a right answer proposes Good (not Easy), and says why.
    await page.keyboard.press("Enter");
    expect(await page.locator("#exercise-answer:focus").count()).toBe(1);
    const state = await handle.db.cardState.findUniqueOrThrow({
      where: { userId_cardId: { userId: memberId, cardId: ex.id } },
    });
    const content = JSON.parse(ex.content) as { generator: string; params?: Record<string, never> };
    const variant = generateExercise(content.generator, {
      seed: state.variantSeed as number,
      lang: "ko",
      ...(content.params ? { ranges: content.params } : {}),
    });
    expect((await page.locator(".exercise").textContent()) ?? "").toContain(
      variant.answerFormat.slice(0, 10),
    );
    typed = variant.answer;
    await page.locator("#exercise-answer").fill(typed);
    await page.keyboard.press("Enter");
    await page.getByTestId("check").waitFor();
    expect(await page.locator("button.rating-3").getAttribute("aria-pressed")).toBe("true");
    await expect(page.getByTestId("proposed-why").textContent()).resolves.toMatch(/보통/);
    // Interval labels in Korean ("10분", "2일").
    const labels = await page.locator(".rating-interval").allTextContents();
    expect(labels.every((l) => /[분시일월년]/.test(l))).toBe(true);
    await shot(page, "06-exercise-checked");
    await page.keyboard.press("Enter");
    await waitForChange(page, ex.id);
    const log = await handle.db.reviewLog.findFirstOrThrow({
      where: { userId: memberId, cardId: ex.id },
    });
    expect([log.rating, log.correct, log.answer]).toEqual([3, true, typed]);
  });

  it("rates a list-recall card after ticking items with the keyboard", async () => {
    const deck = await handle.db.deck.findUniqueOrThrow({ where: { slug: DECK } });
    const list = await handle.db.card.findFirstOrThrow({
      where: { deckId: deck.id, kind: "listRecall", retiredAt: null },
      orderBy: { position: "asc" },
    });
    const next = await handle.db.card.findFirstOrThrow({
      where: {
        deckId: deck.id,
        retiredAt: null,
        states: { none: { userId: memberId } },
      },
      orderBy: { position: "asc" },
    });
    if (next.id !== list.id) {
      await handle.db.card.update({ where: { id: list.id }, data: { position: next.position } });
      await handle.db.card.update({ where: { id: next.id }, data: { position: list.position } });
    }
    await page.goto("/review");
    await page.locator(".review[data-ready]").waitFor();
    let c = await card(page);
    for (let i = 0; i < 30 && c.id !== list.id; i++) {
      await page.keyboard.press("-");
      await waitForChange(page, c.id);
      c = await card(page);
    }
    expect(c.id).toBe(list.id);
    await page.keyboard.press("Space");
    await page.locator("article.review-card[data-phase=answer]").waitFor();
    // The answer shown, the focus is on the first item (not the source link): tick every item
    // with Space and Tab, then Enter with the focus on a checkbox.
    const items = await page.locator(".recall-item input[type=checkbox]").count();
    expect(items).toBeGreaterThan(1);
    for (let i = 0; i < items; i++) {
      if (i > 0) await page.keyboard.press("Tab");
      expect(await page.locator(`#item-${i}:focus`).count()).toBe(1);
      await page.keyboard.press("Space");
      expect(await page.locator(`#item-${i}`).isChecked()).toBe(true);
    }
    const proposed = await page
      .locator("button.rating[aria-pressed=true]")
      .getAttribute("data-rating");
    await shot(page, "07-list-ticked");
    await page.keyboard.press("Enter"); // focus still on the checkbox: accepts the proposal
    await waitForChange(page, list.id);
    const log = await handle.db.reviewLog.findFirstOrThrow({
      where: { userId: memberId, cardId: list.id },
    });
    expect(String(log.rating)).toBe(proposed);
    expect(log.rating).toBe(3);
  });

  it("leaves an undone rating out of the session summary", async () => {
    // Good, undo, Again on one card; then everything else set aside.
    const c = await card(page);
    if (c.kind === "exercise") {
      await page.keyboard.press("Escape");
      await page.keyboard.press("-");
      await waitForChange(page, c.id);
    }
    const target = await card(page);
    if (target.kind === "exercise") throw new Error("two exercises in a row; extend the test");
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await waitForChange(page, target.id);
    await page.keyboard.press("u");
    await page.locator(`article.review-card[data-card-id="${target.id}"]`).waitFor();
    await page.locator('.review[aria-busy="false"]').waitFor();
    await page.keyboard.press("Space");
    await page.keyboard.press("1");
    await waitForChange(page, target.id);
    for (let i = 0; i < 80 && (await page.getByTestId("summary").count()) === 0; i++) {
      const now = await card(page);
      if (now.kind === "exercise") await page.keyboard.press("Escape");
      await page.keyboard.press("-");
      await waitForChange(page, now.id);
    }
    await page.getByTestId("summary").waitFor();
    // This page's session: the list card (Good) and the target's Again stand; the undone Good
    // does not: 1 of 2 recalled (the tally before the fix said 100%).
    await expect(page.getByTestId("summary-correct").textContent()).resolves.toBe("50%");
    // The next due time on the member's clock (Seoul), 24-hour in Korean.
    const due = page.getByTestId("summary-next-due");
    const at = new Date((await due.getAttribute("datetime")) ?? "");
    await expect(due.textContent()).resolves.toContain(seoulClock(at));
    await shot(page, "08-summary");
  });

  it("shows the card's history with the typed answer, in Korean, on Seoul time", async () => {
    await page.goto(`/cards/${exerciseId}`);
    await expect(page.getByTestId("history-answer").first().textContent()).resolves.toBe(typed);
    const log = await handle.db.reviewLog.findFirstOrThrow({
      where: { userId: memberId, cardId: exerciseId },
    });
    const row = (await page.getByTestId("history").locator("tbody tr").first().textContent()) ?? "";
    expect(row).toContain(seoulClock(log.reviewedAt));
    expect(row).toMatch(/초/); // seconds, in Korean
    expect(row).not.toMatch(/AM|PM/);
    await shot(page, "09-history");
  });

  it("agrees on due today between home, review, forecast and the instructor's dashboard", async () => {
    // One review card due (overdue since yesterday), everything else later.
    const later = new Date(Date.now() + 5 * 86_400_000);
    await handle.db.cardState.updateMany({ where: { userId: memberId }, data: { due: later } });
    await handle.db.cardState.update({
      where: { userId_cardId: { userId: memberId, cardId: exerciseId } },
      data: { state: 2, due: new Date(Date.now() - 86_400_000) },
    });
    await page.goto("/");
    const home = Number(await page.getByTestId("due-total").textContent());
    const forecastRow = page.getByTestId("plot-forecast").locator("tbody tr").first();
    const forecast = Number(await forecastRow.locator("td").textContent());
    await shot(page, "10-home");
    await page.goto("/review");
    const counts = page.getByTestId("counts");
    const review =
      Number(await counts.locator(".count-learning strong").textContent()) +
      Number(await counts.locator(".count-review strong").textContent());
    await teacher.goto("/groups/demo/dashboard");
    const cells = await teacher.getByTestId(`member-${email}`).locator("td").allTextContents();
    const dashboard = Number(cells[1]);
    expect({ home, review, forecast, dashboard }).toEqual({
      home: 1,
      review: 1,
      forecast: 1,
      dashboard: 1,
    });
  });

  it("fits the header on one row at 390×844, in light and dark", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const theme of ["light", "dark"]) {
      await memberCtx.addCookies([
        { name: "strides-theme", value: theme, domain: new URL(baseUrl).hostname, path: "/" },
      ]);
      await page.goto("/review");
      const box = await page.locator("header.site").boundingBox();
      expect(box?.height ?? 999).toBeLessThan(60);
      await shot(page, `11-phone-${theme}`);
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it("says 'not found' and the study time in Korean", async () => {
    const res = await page.goto("/groups/demo/dashboard");
    expect(res?.status()).toBe(404);
    expect(await page.locator("h1").first().textContent()).toBe("페이지를 찾을 수 없습니다");
    await page.goto("/stats");
    const tile = (await page.locator(".stat-tiles").textContent()) ?? "";
    expect(tile).toMatch(/\d+분/);
    expect(tile).not.toMatch(/\bmin\b/);
  });

  it("has a favicon: no 404 on a first load", async () => {
    const fresh = await memberCtx.newPage();
    const missing: string[] = [];
    fresh.on("response", (r) => {
      if (r.status() === 404) missing.push(r.url());
    });
    await fresh.goto("/");
    const href = await fresh.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toBeTruthy();
    const icon = await fresh.request.get(href ?? "");
    expect(icon.status()).toBe(200);
    await fresh.waitForTimeout(300);
    expect(missing).toEqual([]);
    await fresh.close();
  });
});
