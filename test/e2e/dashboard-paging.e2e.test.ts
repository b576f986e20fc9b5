// The dashboard of a big group, a page of members at a time (issue 18): 56 members make two pages
// of the member table; the links keep the card table's page; a page past the last shows the last,
// in the member table and in the card table; the same in Korean. The group's own page lists its members a page at a time as well.
import {
  DASHBOARD_MEMBER_PAGE_SIZE,
  type DbHandle,
  GROUP_MEMBER_PAGE_SIZE,
  openDb,
} from "@strides/db";
import { createSchoolFixture, type SchoolFixture } from "@strides/db/testing";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { baseUrl } from "./browser.ts";
import { removeSchool, signInSchoolOwner } from "./school-owner.ts";

const SLUG = "paging";
const LEARNERS = 55; // and the fixture's owner, who signs in: 56 members
const PASSWORD = "paging-owner-password";

describe("the dashboard's member pages", () => {
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
      logsPerMember: 3,
      days: 5,
      cards: 5,
      slug: SLUG,
    });
    ({ ctx, page } = await signInSchoolOwner(handle.db, fx, PASSWORD));
  });
  afterAll(async () => {
    await ctx?.close();
    if (fx) await removeSchool(handle.db, fx);
    await handle?.close();
  });

  const rows = () => page.getByTestId("dashboard-members").locator("tbody tr");
  const nav = () => page.getByTestId("dashboard-member-pages");
  const total = LEARNERS + 1; // the learners and the owner

  it("shows the members a page at a time, and the next page from its link", async () => {
    await page.goto(`/groups/${SLUG}/dashboard`);
    await nav().waitFor();
    expect(await rows().count()).toBe(DASHBOARD_MEMBER_PAGE_SIZE);
    expect(await nav().textContent()).toContain(`Page 1 of 2 (${total} members)`);
    const ids = () => rows().evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-testid")));
    const first = await ids();
    await nav().getByRole("link", { name: /next/i }).click();
    await page.waitForURL((url) => url.searchParams.get("members") === "2");
    await nav()
      .getByText(/Page 2 of 2/)
      .waitFor();
    expect(await rows().count()).toBe(total - DASHBOARD_MEMBER_PAGE_SIZE);
    // The rows are rendered a slice at a time (InTurns): every member once, none twice.
    expect(new Set([...first, ...(await ids())]).size).toBe(total);
    // The member link keeps the card table's page.
    expect(new URL(page.url()).searchParams.get("cards")).toBe("1");
    await nav()
      .getByRole("link", { name: /previous/i })
      .click();
    await page.waitForURL((url) => url.searchParams.get("members") === "1");
    await nav()
      .getByText(/Page 1 of 2/)
      .waitFor();
  });

  it("shows the last page for a page past it", async () => {
    await page.goto(`/groups/${SLUG}/dashboard?members=9`);
    await nav()
      .getByText(/Page 2 of 2/)
      .waitFor();
    expect(await rows().count()).toBe(total - DASHBOARD_MEMBER_PAGE_SIZE);
    // The card table's one page for any page past it (it said "Page 9 of 1" over no rows).
    const cards = () => page.getByTestId("dashboard-cards").locator("tbody tr");
    await page.goto(`/groups/${SLUG}/dashboard`);
    await page.getByTestId("dashboard-cards").waitFor();
    const reviewed = await cards().count();
    expect(reviewed).toBeGreaterThan(0);
    await page.goto(`/groups/${SLUG}/dashboard?cards=9&members=2`);
    await nav()
      .getByText(/Page 2 of 2/)
      .waitFor();
    expect(await cards().count()).toBe(reviewed);
    // The member table's links keep the card table's page shown, not the one asked for.
    await nav()
      .getByRole("link", { name: /previous/i })
      .click();
    await page.waitForURL((url) => url.searchParams.get("members") === "1");
    expect(new URL(page.url()).searchParams.get("cards")).toBe("1");
  });

  it("lists the group page's members a page at a time too", async () => {
    const members = () => page.getByTestId("group-members").locator("tbody tr");
    const pages = () => page.getByTestId("group-member-pages");
    await page.goto(`/groups/${SLUG}`);
    await pages().waitFor();
    expect(await members().count()).toBe(GROUP_MEMBER_PAGE_SIZE);
    expect(await pages().textContent()).toContain(`Page 1 of 2 (${total} members)`);
    await pages().getByRole("link", { name: /next/i }).click();
    await page.waitForURL((url) => url.searchParams.get("members") === "2");
    await pages()
      .getByText(/Page 2 of 2/)
      .waitFor();
    expect(await members().count()).toBe(total - GROUP_MEMBER_PAGE_SIZE);
  });

  it("names the pages in Korean on a Korean page", async () => {
    await ctx.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    await page.goto(`/groups/${SLUG}/dashboard`);
    await nav().waitFor();
    expect(await nav().textContent()).toContain(`2쪽 중 1쪽 (멤버 ${total}명)`);
    expect(await page.getByTestId("dashboard-as-of").textContent()).toMatch(
      /^\d{1,2}:\d{2}:\d{2} 기준 수치$/,
    );
    await nav().getByRole("link", { name: /다음/ }).click();
    await page.waitForURL((url) => url.searchParams.get("members") === "2");
    expect(await rows().count()).toBe(total - DASHBOARD_MEMBER_PAGE_SIZE);
  });
});
