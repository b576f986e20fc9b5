// A study group end to end: the instructor imports a note and publishes it, invites a learner; the
// learner joins with the link, reviews, and makes and revokes an API token; the instructor sees the
// activity on the group dashboard and the security headers are on every page.

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEMO_ACCOUNTS } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, baseUrl, demoPassword, launchBrowser } from "./browser.ts";

const NOTE = `# Receptive fields

## Definition

Receptive field::The input region that one output unit depends on.

Dilation $d$ with kernel $k$ covers::$d(k-1)+1$ input positions.
`;
const learnerEmail = `learner2-${Date.now()}@example.com`;

async function shot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `groups-${name}.png`), fullPage: true });
}

async function signIn(page: Page, email: string) {
  await page.goto("/sign-in");
  await page.getByLabel(/email|이메일/i).fill(email);
  await page.getByLabel(/password|비밀번호/i).fill(demoPassword(email));
  await page.getByRole("button", { name: /sign in|로그인/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

describe("a study group in the browser", () => {
  let instructor: BrowserContext;
  let learner: BrowserContext;
  let teacher: Page;
  let student: Page;
  let inviteLink = "";

  beforeAll(async () => {
    instructor = await launchBrowser();
    learner = await launchBrowser();
    teacher = await instructor.newPage();
    student = await learner.newPage();
    await signIn(teacher, DEMO_ACCOUNTS.instructor.email);
  });
  afterAll(async () => {
    await instructor?.close();
    await learner?.close();
  });

  it("sends security headers with a CSP that allows self-hosted fonts", async () => {
    const r = await fetch(`${baseUrl}/sign-in`);
    const csp = r.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("font-src 'self' data:");
    expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(r.headers.get("x-frame-options")).toBe("DENY");
    expect(r.headers.get("x-content-type-options")).toBe("nosniff");
    const crossSite = await fetch(`${baseUrl}/decks/dl-basic-cnn/import/publish`, {
      method: "POST",
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(crossSite.status).toBe(403);
  });

  it("shows import errors with file and line and publishes nothing", async () => {
    await teacher.goto("/decks/dl-basic-cnn/import");
    await teacher.locator("#import-files").setInputFiles({
      name: "broken.md",
      mimeType: "text/markdown",
      buffer: Buffer.from("# T\n\nok::fine\n\nbroken::$\\frac{1}$\n"),
    });
    await teacher.getByRole("button", { name: /preview|미리보기/i }).click();
    await expect(teacher.getByTestId("import-errors").textContent()).resolves.toContain(
      "broken.md:5",
    );
    expect(await teacher.getByRole("button", { name: /publish|게시/i }).isDisabled()).toBe(true);
  });

  it("imports a note: preview shows the diff, publish writes it", async () => {
    await teacher.goto("/decks/dl-basic-cnn/import");
    await teacher.locator("#import-files").setInputFiles({
      name: "receptive-fields.md",
      mimeType: "text/markdown",
      buffer: Buffer.from(NOTE),
    });
    await teacher.getByRole("button", { name: /preview|미리보기/i }).click();
    // Two cards written with ::, and an exercise proposed from the formula $d(k-1)+1$.
    await expect(teacher.getByTestId("import-summary").textContent()).resolves.toMatch(
      /3 added|추가 3/,
    );
    await shot(teacher, "import-preview");
    await teacher.getByRole("button", { name: /publish|게시/i }).click();
    await expect(teacher.getByTestId("import-report").textContent()).resolves.toMatch(
      /3 added|추가 3/,
    );
    // Publishing again changes nothing.
    await teacher.getByRole("button", { name: /preview|미리보기/i }).click();
    await expect(teacher.getByTestId("import-summary").textContent()).resolves.toMatch(
      /0 added, 0 changed, 0 retired, 3 left alone|추가 0, 변경 0, 폐기 0, 그대로 3/,
    );
    // Nothing would change: publishing is not offered.
    expect(await teacher.getByRole("button", { name: /publish|게시/i }).isDisabled()).toBe(true);
    await teacher.goto("/decks/dl-basic-cnn?q=Receptive");
    await teacher
      .getByRole("link", { name: /Receptive field/ })
      .first()
      .waitFor();
  });

  it("keeps what was typed when creating a group fails (an address already taken)", async () => {
    await teacher.goto("/groups");
    await teacher.locator("#group-name").fill("Second study group");
    await teacher.locator("#group-slug").fill("demo");
    await teacher.getByRole("button", { name: /create group|그룹 만들기/i }).click();
    await teacher.locator("#group-slug ~ p.error[role=alert]").first().waitFor();
    expect(await teacher.locator("#group-name").inputValue()).toBe("Second study group");
    expect(await teacher.locator("#group-slug").inputValue()).toBe("demo");
  });

  it("creates an invite link that is shown once", async () => {
    await teacher.goto("/groups/demo");
    await teacher.getByRole("button", { name: /create invite link|초대 링크 만들기/i }).click();
    const field = teacher.getByTestId("invite-link");
    await field.waitFor();
    inviteLink = await field.inputValue();
    expect(inviteLink).toMatch(/\/invite\/[A-Za-z0-9_-]{20,}$/);
    await shot(teacher, "group");
  });

  it("lets a new learner create an account from the link and join", async () => {
    await student.goto(new URL(inviteLink).pathname);
    await student
      .getByText(/Demo study group/)
      .first()
      .waitFor();
    // The password's rule is said before the form is sent, and read with the field.
    const password = student.locator("#join-password");
    const rule = student.locator(`#${await password.getAttribute("aria-describedby")}`);
    await expect(rule.textContent()).resolves.toMatch(/At least 8 characters|8자 이상/);
    await student.getByLabel(/^name|^이름/i).fill("Second Learner");
    await student.getByLabel(/email|이메일/i).fill(learnerEmail);
    await student.getByLabel(/password|비밀번호/i).fill("second-learner-password");
    // Creating the account joins the group too (one step).
    await student.getByRole("button", { name: /create account|계정 만들기/i }).click();
    await student.waitForURL((url) => url.pathname === "/groups/demo");
    await student.getByRole("heading", { name: "Demo study group" }).waitFor();
  });

  it("speaks Korean to a Korean browser", async () => {
    const r = await fetch(`${baseUrl}/invite/not-a-token`, {
      headers: { "accept-language": "ko-KR" },
    });
    expect(await r.text()).toContain("유효하지 않은 초대 링크");
  });

  it("shows a member the group without its members or invites", async () => {
    await student.goto("/groups/demo");
    await student.getByTestId("group-deck-dl-basic-cnn").waitFor();
    expect(await student.getByRole("heading", { name: /^members$/i }).count()).toBe(0);
    expect(await student.getByRole("button", { name: /create invite link/i }).count()).toBe(0);
  });

  it("lets the learner review a card", async () => {
    await student.goto("/review");
    await student.locator(".review[data-ready]").waitFor(); // hydrated: the keys below work
    const card = student.locator("article.review-card");
    await card.waitFor();
    for (let i = 0; i < 20 && (await card.getAttribute("data-kind")) !== "basic"; i++) {
      const id = await card.getAttribute("data-card-id");
      // An exercise's answer box takes "-" (negative answers): Esc leaves it first.
      if ((await card.getAttribute("data-kind")) === "exercise")
        await student.keyboard.press("Escape");
      await student.keyboard.press("-");
      await student
        .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
        .first()
        .waitFor();
    }
    const id = await card.getAttribute("data-card-id");
    await student.keyboard.press("Space");
    await student.locator("article.review-card[data-phase=answer]").waitFor();
    await student.keyboard.press("3");
    await student
      .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
      .first()
      .waitFor();
  });

  it("revokes an API token with immediate effect", async () => {
    await student.goto("/settings/tokens");
    await student.getByLabel(/^name|^이름/i).fill("script");
    await student.getByRole("button", { name: /create token|토큰 만들기/i }).click();
    const token = await student.getByTestId("new-token").inputValue();
    const call = () =>
      fetch(`${baseUrl}/api/v1/decks`, { headers: { authorization: `Bearer ${token}` } });
    expect((await call()).status).toBe(200);
    await student.reload();
    await student
      .getByRole("form", { name: /revoke script|폐기 script/i })
      .getByRole("button")
      .click();
    await student.getByText(/revoked|폐기됨/).waitFor();
    expect((await call()).status).toBe(401);
  });

  it("shows the learner's activity on the instructor's dashboard", async () => {
    await teacher.goto("/groups/demo/dashboard");
    const row = teacher.getByTestId(`member-${learnerEmail}`);
    await row.waitFor();
    const cells = await row.locator("td").allTextContents();
    // name, due today, overdue, reviews 7 days, reviews 30 days, …
    expect(Number(cells[3])).toBeGreaterThanOrEqual(1);
    // The figures say when they were computed (a big group's are reused for a moment).
    expect(await teacher.getByTestId("dashboard-as-of").textContent()).toMatch(
      /^Figures as of \d{1,2}:\d{2}:\d{2}/,
    );
    const csv = await teacher.evaluate(async () => {
      const r = await fetch("/groups/demo/dashboard/members.csv");
      return r.text();
    });
    expect(csv).toContain(learnerEmail);
    await shot(teacher, "dashboard");
    await teacher.goto("/decks/dl-basic-cnn/cards/new");
    await teacher.locator("#card-kind").selectOption("exercise");
    await teacher.getByTestId("exercise-sample").locator(".katex, strong").first().waitFor();
    await shot(teacher, "editor-exercise");
  });

  it("does not offer the group's owner to leave it (in Korean too)", async () => {
    await instructor.addCookies([
      { name: "strides-locale", value: "ko", domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    await teacher.goto("/groups/demo");
    await teacher.getByRole("button", { name: "그룹 삭제" }).waitFor();
    expect(await teacher.getByRole("button", { name: "그룹 나가기" }).count()).toBe(0);
  });
});
