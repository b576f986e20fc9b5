// Issue 16, the instructor's side: the group page (owner without "Leave group", a dangerous-looking
// "Delete group", invite expiry on the viewer's clock), authoring (deck address from the name, a
// "saved" confirmation, retire asks first), cards shown rendered (deck page, card browser, the
// dashboard's hardest cards), and import, editor and deck errors named in Korean on Korean pages.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type DbHandle, DEMO_ACCOUNTS, openDb } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, baseUrl, demoPassword, launchBrowser } from "./browser.ts";

const DECK = "dl-basic-cnn";

async function shot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `experience-${name}.png`), fullPage: true });
}

/** Every rendered card front on the page: no Markdown or math source, no generator id. */
async function expectRendered(page: Page, generators: string[]) {
  const fronts = page.getByTestId("card-front");
  await fronts.first().waitFor();
  const texts = await fronts.allTextContents();
  for (const text of texts) {
    expect(text).not.toMatch(/\$[^$]+\$|==[^=]+==/);
    expect(generators).not.toContain(text.trim());
  }
}

describe("the instructor's pages", () => {
  let handle: DbHandle;
  let ctx: BrowserContext;
  let page: Page;
  let generators: string[] = [];

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    ctx = await launchBrowser({ timezoneId: "Asia/Seoul" });
    page = await ctx.newPage();
    await page.goto("/sign-in");
    await page.getByLabel(/email/i).fill(DEMO_ACCOUNTS.instructor.email);
    await page.getByLabel(/password/i).fill(demoPassword(DEMO_ACCOUNTS.instructor.email));
    await page.getByRole("button", { name: /sign in/i }).click();
    await page.waitForURL((url) => url.pathname === "/");
    const deck = await handle.db.deck.findUniqueOrThrow({ where: { slug: DECK } });
    const exercises = await handle.db.card.findMany({
      where: { deckId: deck.id, kind: "exercise" },
      select: { content: true },
    });
    generators = exercises.map((c) => (JSON.parse(c.content) as { generator: string }).generator);
  });
  afterAll(async () => {
    await ctx?.close();
    await handle?.close();
  });

  it("shows the owner no 'Leave group', a dangerous 'Delete group', expiry on their clock", async () => {
    await page.goto("/groups/demo");
    await page.getByRole("button", { name: /create invite link/i }).click();
    await page.getByTestId("invite-link").waitFor();
    await page.goto("/groups/demo");
    expect(await page.getByRole("button", { name: "Leave group" }).count()).toBe(0);
    const del = page.getByRole("button", { name: "Delete group" });
    expect(await del.getAttribute("class")).toContain("danger");
    // The instructor's time zone is Seoul (demo seed): the expiry is Seoul's wall clock.
    const group = await handle.db.group.findUniqueOrThrow({ where: { slug: "demo" } });
    const invite = await handle.db.invite.findFirstOrThrow({
      where: { groupId: group.id },
      orderBy: { createdAt: "desc" },
    });
    const expected = new Intl.DateTimeFormat("en", {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Asia/Seoul",
    }).format(invite.expiresAt);
    await expect(page.locator("main").textContent()).resolves.toContain(expected);
    await shot(page, "20-group-owner");
  });

  it("fills the deck address from its name", async () => {
    await page.goto("/decks/new");
    await page.getByLabel("Deck name").fill("Vision Transformers 101");
    expect(await page.locator("#deck-slug").inputValue()).toBe("vision-transformers-101");
    // Edited by hand, the address stays.
    await page.locator("#deck-slug").fill("vit");
    await page.getByLabel("Deck name").fill("Vision Transformers");
    expect(await page.locator("#deck-slug").inputValue()).toBe("vit");
  });

  it("shows an empty deck what to do, in English and in Korean", async () => {
    await page.goto("/decks/new");
    await page.getByLabel("Deck name").fill("Empty for now");
    await page.locator("#deck-slug").fill("empty-for-now");
    await page.getByRole("button", { name: /create deck/i }).click();
    await page.waitForURL((url) => url.pathname === "/decks/empty-for-now");
    const empty = page.getByTestId("deck-empty");
    await empty.waitFor();
    // No table of headers alone: the way to add cards, with links the author can use.
    expect(await page.getByTestId("deck-cards").count()).toBe(0);
    await expect(empty.textContent()).resolves.toContain("This deck has no cards yet");
    expect(await empty.getByRole("link", { name: "Write a card" }).getAttribute("href")).toBe(
      "/decks/empty-for-now/cards/new",
    );
    expect(await empty.getByRole("link", { name: "Import notes" }).getAttribute("href")).toBe(
      "/decks/empty-for-now/import",
    );
    await ctx.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    try {
      await page.goto("/decks/empty-for-now");
      await expect(empty.textContent()).resolves.toContain("이 덱에는 아직 카드가 없습니다");
      await empty.getByRole("link", { name: "노트 가져오기" }).waitFor();
      await shot(page, "21-empty-deck-ko");
    } finally {
      await ctx.clearCookies({ name: "strides-locale" });
    }
    // A search that finds nothing says so (the deck is not empty).
    await page.goto(`/decks/${DECK}?q=no-such-card-anywhere`);
    await expect(page.getByTestId("deck-no-match").textContent()).resolves.toContain(
      "No card matches “no-such-card-anywhere”",
    );
  });

  it("confirms a saved card", async () => {
    await page.goto(`/decks/${DECK}/cards/new`);
    await page.locator("#card-front").fill("What does a $1\\times 1$ convolution change?");
    await page.locator("#card-back").fill("The number of channels.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await page.getByTestId("editor-saved").waitFor();
    await shot(page, "21-editor-saved");
  });

  it("asks before retiring a card", async () => {
    await page.goto(`/decks/${DECK}`);
    const row = page.getByTestId("deck-cards").locator("tbody tr").first();
    const href = (await row.getByRole("link").first().getAttribute("href")) ?? "";
    const cardId = decodeURIComponent(href.split("/").at(-1) ?? "");
    let asked = "";
    page.once("dialog", (d) => {
      asked = d.message();
      void d.dismiss();
    });
    await row.getByRole("button", { name: "Retire" }).click();
    await page.waitForTimeout(300);
    expect(asked).toMatch(/retire/i);
    const card = await handle.db.card.findUniqueOrThrow({ where: { id: cardId } });
    expect(card.retiredAt).toBeNull();
  });

  it("shows cards rendered on the deck page, in the card browser and among the hardest cards", async () => {
    await page.goto(`/decks/${DECK}`);
    await expectRendered(page, generators);
    expect(await page.getByTestId("card-front").locator(".katex").count()).toBeGreaterThan(0);
    await shot(page, "22-deck-rendered");
    await page.goto("/cards");
    await expectRendered(page, generators);
    expect(await page.getByTestId("card-front").locator(".katex").count()).toBeGreaterThan(0);
    // One review so the dashboard has a card to show.
    await page.goto("/review");
    await page.locator(".review[data-ready]").waitFor();
    const kind = await page.locator("article.review-card").getAttribute("data-kind");
    if (kind === "exercise") {
      await page.locator("#exercise-answer").fill("0");
      await page.keyboard.press("Enter");
      await page.getByTestId("check").waitFor();
    } else {
      await page.keyboard.press("Space");
    }
    await page.keyboard.press("1");
    await page.locator('.review[aria-busy="false"]').waitFor();
    await page.goto("/groups/demo/dashboard");
    await page.getByTestId("dashboard-cards").waitFor();
    await expectRendered(page, generators);
    await shot(page, "23-dashboard");
  });

  it("names import errors in Korean on a Korean page", async () => {
    await ctx.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    await page.goto(`/decks/${DECK}/import`);
    await page.locator("#import-files").setInputFiles({
      name: "broken.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# T\n\nok::fine\n\nbroken::$\\frac{1}$\n"),
    });
    await page.getByRole("button", { name: /미리보기/ }).click();
    const errors = page.getByTestId("import-errors");
    await errors.waitFor();
    const text = (await errors.textContent()) ?? "";
    expect(text).toContain("broken.md:5");
    // Which formula and why, in Korean (KaTeX's problem in the card editor's words).
    expect(text).toContain("수식 오류: “\\frac{1}”의 끝 — } 없이 수식이 끝났습니다.");
    // The parser's English detail is not shown after the Korean text.
    expect(text).not.toMatch(/invalid math|Expected|end of input/);
    await shot(page, "24-import-errors-ko");
    await ctx.clearCookies({ name: "strides-locale" });
  });

  it("previews an imported exercise in the saved language when no cookie says otherwise", async () => {
    // Korean saved in the settings, an English browser, no locale cookie: the page is Korean, and
    // so is the preview's exercise.
    const userId = DEMO_ACCOUNTS.instructor.id;
    await ctx.clearCookies({ name: "strides-locale" });
    await ctx.setExtraHTTPHeaders({ "accept-language": "en-US,en;q=0.9" });
    await handle.db.learnerSettings.update({ where: { userId }, data: { locale: "ko" } });
    try {
      await page.goto(`/decks/${DECK}/import`);
      expect(await page.locator("html").getAttribute("lang")).toBe("ko");
      await page.locator("#import-files").setInputFiles({
        name: "saved-lang.md",
        mimeType: "text/markdown",
        buffer: Buffer.from(
          "# Conv\n\n```exercise\ngenerator: conv-output-shape\nprompt: Output shape\n```\n",
        ),
      });
      await page.getByRole("button", { name: /미리보기/ }).click();
      const exercise = page.getByTestId("import-card").filter({ hasText: "Output shape" });
      await exercise.waitFor();
      const text = (await exercise.textContent()) ?? "";
      expect(text).toContain("정답");
      expect(text).not.toContain("Answer");
    } finally {
      await handle.db.learnerSettings.update({ where: { userId }, data: { locale: null } });
      await ctx.setExtraHTTPHeaders({});
    }
  });

  it("names card-editor and deck errors in Korean on a Korean page", async () => {
    await ctx.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    try {
      // An invalid card: the back is empty.
      await page.goto(`/decks/${DECK}/cards/new`);
      await page.locator("#card-front").fill("풀링 층의 역할은?");
      await page.getByRole("button", { name: "저장", exact: true }).click();
      const backError = page.locator("#back-error");
      await backError.waitFor();
      const backText = (await backError.textContent()) ?? "";
      expect(backText).toMatch(/[가-힣]/);
      expect(backText).not.toMatch(/required|Too small/i);
      expect(backText).toBe("뒷면: 필수 항목입니다.");
      await shot(page, "25-editor-error-ko");

      // Math KaTeX cannot read: the preview says where and why in Korean, not KaTeX's English.
      await page.locator("#card-back").fill("크기: $\\fraq{W}{S}$");
      const mathError = page.getByTestId("math-errors");
      await mathError.waitFor();
      const mathText = (await mathError.textContent()) ?? "";
      expect(mathText).toBe(
        "수식 오류: “\\fraq{W}{S}”의 1번째 글자 — KaTeX가 모르는 명령입니다: \\fraq",
      );
      expect(await page.locator(".preview .katex-error[title]").count()).toBe(0);
      // Saved anyway: the error at the field says the same, not KaTeX's English.
      await page.getByRole("button", { name: "저장", exact: true }).click();
      await expect
        .poll(async () => (await backError.textContent()) ?? "")
        .toBe("뒷면: 수식 오류: “\\fraq{W}{S}”의 1번째 글자 — KaTeX가 모르는 명령입니다: \\fraq");

      // A deck whose address is taken.
      await page.goto("/decks/new");
      await page.locator("#deck-name").fill("CNN 복습");
      await page.locator("#deck-slug").fill(DECK);
      await page.getByRole("button", { name: "덱 만들기" }).click();
      const slugError = page.locator("form").getByRole("alert");
      await slugError.waitFor();
      const slugText = (await slugError.textContent()) ?? "";
      expect(slugText).toMatch(/[가-힣]/);
      expect(slugText).not.toContain("this address is taken");
      expect(slugText).toContain("이미 사용 중인 주소");
      // What the author typed stays after the error.
      expect(await page.locator("#deck-name").inputValue()).toBe("CNN 복습");
      // A malformed address names the rule in Korean too.
      await page.locator("#deck-slug").fill("Bad Address!");
      await page.getByRole("button", { name: "덱 만들기" }).click();
      await expect
        .poll(async () => (await slugError.textContent()) ?? "")
        .toMatch(/^주소: 영문 소문자/);
      await shot(page, "26-deck-slug-taken-ko");
    } finally {
      await ctx.clearCookies({ name: "strides-locale" });
    }
  });
});
