// A deck's cards, the card browser and the instance's accounts a page at a time (issue 18): a deck of
// 55 cards and an instance of more than 50 accounts make two pages; the links keep the search; a page
// past the last shows the last; a search's % and _ are the characters typed; the admin finds an
// account by email; the same pages in Korean.
import { type DbHandle, openDb, PAGE_SIZE } from "@strides/db";
import { createSchoolFixture, type SchoolFixture } from "@strides/db/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./browser.ts";
import { removeSchool, signInSchoolOwner } from "./school-owner.ts";

const SLUG = "longlists";
const DECK = `${SLUG}-deck`;
const CARDS = 55;
const LEARNERS = 55; // and the fixture's owner, who signs in and is made the instance's admin
const PASSWORD = "long-lists-owner-password";

describe("long lists a page at a time", () => {
  let handle: DbHandle;
  let ctx: BrowserContext;
  let page: Page;
  let fx: SchoolFixture;

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    fx = await createSchoolFixture({
      db: handle.db,
      now: new Date(),
      members: LEARNERS,
      logsPerMember: 2,
      days: 3,
      cards: CARDS,
      slug: SLUG,
    });
    await handle.db.user.update({ where: { id: fx.ownerId }, data: { role: "admin" } });
    ({ ctx, page } = await signInSchoolOwner(handle.db, fx, PASSWORD));
  });
  afterAll(async () => {
    await ctx?.close();
    if (fx) await removeSchool(handle.db, fx);
    await handle?.close();
  });

  const rows = (testId: string) => page.getByTestId(testId).locator("tbody tr");

  it("shows a deck's cards a page at a time, keeping the search", async () => {
    const nav = page.getByTestId("deck-card-pages");
    await page.goto(`/decks/${DECK}?q=Stride`);
    await nav.waitFor();
    expect(await rows("deck-cards").count()).toBe(PAGE_SIZE);
    expect(await nav.textContent()).toContain(`Page 1 of 2 (${CARDS} cards)`);
    await nav.getByRole("link", { name: /next/i }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await nav.getByText(/Page 2 of 2/).waitFor();
    expect(new URL(page.url()).searchParams.get("q")).toBe("Stride");
    expect(await rows("deck-cards").count()).toBe(CARDS - PAGE_SIZE);
    // The second page's cards are the deck's last, with their actions.
    await expect(rows("deck-cards").last().textContent()).resolves.toContain("layer 54");
    expect(await rows("deck-cards").last().getByRole("button", { name: "Retire" }).count()).toBe(1);
    // A page past the last shows the last; a search of one page has no pager.
    await page.goto(`/decks/${DECK}?page=9`);
    await nav.getByText(/Page 2 of 2/).waitFor();
    await page.goto(`/decks/${DECK}?q=${encodeURIComponent("layer 1")}`);
    await page.getByTestId("deck-cards").waitFor();
    expect(await rows("deck-cards").count()).toBe(11); // layers 1 and 10–19
    expect(await nav.count()).toBe(0);
    // % and _ are not wildcards: no card's text holds them, and the page says it found none.
    for (const q of ["%", "layer_1"]) {
      await page.goto(`/decks/${DECK}?q=${encodeURIComponent(q)}`);
      await expect(page.getByTestId("deck-no-match").textContent()).resolves.toContain(q);
      expect(await page.getByTestId("deck-cards").count(), q).toBe(0);
    }
  });

  it("pages the card browser from 1, keeping the search and the filters", async () => {
    const nav = page.getByTestId("card-pages");
    const fronts = page.getByTestId("card-front");
    await page.goto("/cards?q=STRIDE&state=new");
    await nav.waitFor();
    expect(await fronts.count()).toBe(PAGE_SIZE);
    expect(await nav.textContent()).toContain(`Page 1 of 2 (${CARDS} cards)`);
    await nav.getByRole("link", { name: /next/i }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    await nav.getByText(/Page 2 of 2/).waitFor();
    const url = new URL(page.url());
    expect([url.searchParams.get("q"), url.searchParams.get("state")]).toEqual(["STRIDE", "new"]);
    expect(await fronts.count()).toBe(CARDS - PAGE_SIZE);
    // A page past the last shows the last; an old 0-based first page is the first.
    await page.goto("/cards?page=9");
    await nav.getByText(/Page 2 of 2/).waitFor();
    expect(await fronts.count()).toBe(CARDS - PAGE_SIZE);
    await page.goto("/cards?page=0");
    await nav.getByText(/Page 1 of 2/).waitFor();
    // % and _ are the characters typed; ASCII case is ignored.
    for (const [q, count] of [
      ["%", "No cards"],
      ["layer_1", "No cards"],
      ["LAYER 5", "10 cards"], // layers 5, 15, 25, 35, 45 and 50–54
    ] as const) {
      await page.goto(`/cards?q=${encodeURIComponent(q)}`);
      await expect(page.getByTestId("card-count").textContent(), q).resolves.toBe(count);
    }
  });

  it("shows the accounts a page at a time, and finds one by email", async () => {
    const accounts = await handle.db.user.count();
    const nav = page.getByTestId("admin-user-pages");
    await page.goto("/admin");
    await nav.waitFor();
    expect(await rows("admin-users").count()).toBe(PAGE_SIZE);
    expect(await nav.textContent()).toContain(`(${accounts} accounts)`);
    await nav.getByRole("link", { name: /next/i }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(await rows("admin-users").count()).toBe(Math.min(PAGE_SIZE, accounts - PAGE_SIZE));
    const learner = fx.memberIds[42] as string;
    await page.getByLabel(/find an account/i).fill(learner.toUpperCase());
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get("q") === learner.toUpperCase());
    await expect(rows("admin-users").first().textContent()).resolves.toContain(
      `${learner}@school.test`,
    );
    expect(await rows("admin-users").count()).toBe(1);
    expect(await nav.count()).toBe(0);
    // A % or _ typed is that character: no account's name or email holds one.
    for (const q of ["%", "_"]) {
      await page.goto(`/admin?q=${encodeURIComponent(q)}`);
      await page.getByTestId("admin-no-users").waitFor();
      expect(await rows("admin-users").count(), q).toBe(0);
    }
  });

  it("names the pages in Korean on a Korean page", async () => {
    await ctx.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    await page.goto(`/decks/${DECK}`);
    const nav = page.getByTestId("deck-card-pages");
    await nav.waitFor();
    expect(await nav.textContent()).toContain(`2쪽 중 1쪽 (카드 ${CARDS}장)`);
    await nav.getByRole("link", { name: /다음/ }).click();
    await page.waitForURL((url) => url.searchParams.get("page") === "2");
    expect(await rows("deck-cards").count()).toBe(CARDS - PAGE_SIZE);
    await page.goto("/cards");
    await expect(page.getByTestId("card-pages").textContent()).resolves.toContain(
      `2쪽 중 1쪽 (카드 ${CARDS}장)`,
    );
    await page.goto("/admin");
    await expect(page.getByTestId("admin-user-pages").textContent()).resolves.toMatch(
      /2쪽 중 1쪽 \(계정 \d+개\)/,
    );
  });
});
