// Account recovery without mail, in the browser: an instructor creates a reset link for a member of
// the group; the member opens it in a fresh browser, sets a new password and signs in; the old
// password and the member's old session no longer work, and the link cannot be used again. (Expiry
// is tested at the domain level with an explicit clock: packages/db/src/recovery.)
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type DbHandle, openDb } from "@strides/db";
import { hashPassword } from "better-auth/crypto";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, launchBrowser } from "./browser.ts";

const run = randomUUID().slice(0, 8);
const teacherEmail = `teacher-${run}@example.com`;
const memberEmail = `member-${run}@example.com`;
const OLD = "old-password-1";
const NEW = "new-password-2";
const groupSlug = `recovery-${run}`;

async function shot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `recovery-${name}.png`), fullPage: true });
}

/** Signs in; resolves to whether the app let them in. */
async function signIn(page: Page, email: string, password: string): Promise<boolean> {
  await page.goto("/sign-in");
  await page.getByLabel(/email|이메일/i).fill(email);
  await page.getByLabel(/^(password|비밀번호)$/i).fill(password);
  await page.getByRole("button", { name: /sign in|로그인/i }).click();
  const outcome = await Promise.race([
    page.waitForURL((url) => url.pathname === "/").then(() => true),
    page
      .locator("form p.error[role=alert]")
      .waitFor()
      .then(() => false),
  ]);
  return outcome;
}

describe("account recovery with a reset link", () => {
  let handle: DbHandle;
  let staff: BrowserContext;
  let oldBrowser: BrowserContext;
  let fresh: BrowserContext;
  let link = "";

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    const hash = await hashPassword(OLD);
    const ids: Record<string, string> = {};
    for (const email of [teacherEmail, memberEmail]) {
      const id = randomUUID();
      ids[email] = id;
      await handle.db.user.create({
        data: {
          id,
          email,
          name: email.split("@")[0] ?? email,
          accounts: {
            create: { id: randomUUID(), accountId: id, providerId: "credential", password: hash },
          },
        },
      });
    }
    await handle.db.group.create({
      data: {
        name: `Recovery ${run}`,
        slug: groupSlug,
        memberships: {
          create: [
            { userId: ids[teacherEmail] ?? "", role: "instructor" },
            // As if made on the group's invite link: an account the group manages.
            { userId: ids[memberEmail] ?? "", role: "member", managed: true },
          ],
        },
      },
    });
    staff = await launchBrowser();
    oldBrowser = await launchBrowser();
    fresh = await launchBrowser();
  });
  afterAll(async () => {
    await staff?.close();
    await oldBrowser?.close();
    await fresh?.close();
    await handle?.close();
  });

  it("lets the member in again with a new password, once, and ends the old session", async () => {
    // The member's old session, from before they forgot their password.
    const old = await oldBrowser.newPage();
    expect(await signIn(old, memberEmail, OLD)).toBe(true);
    expect((await old.request.get("/api/v1/decks")).status()).toBe(200);

    // Without SMTP, "forgot password" says whom to ask.
    const anon = await fresh.newPage();
    await anon.goto("/sign-in");
    await anon.getByRole("link", { name: /forgot|잊으셨나요/i }).click();
    await expect(anon.getByTestId("ask-instructor").textContent()).resolves.toMatch(
      /instructor|강사/,
    );

    // The instructor creates the link on the group page.
    const teacher = await staff.newPage();
    expect(await signIn(teacher, teacherEmail, OLD)).toBe(true);
    await teacher.goto(`/groups/${groupSlug}`);
    teacher.on("dialog", (d) => void d.accept());
    const row = teacher.locator("tr", { hasText: memberEmail });
    await row.getByRole("button", { name: /reset link|재설정 링크/i }).click();
    const field = teacher.getByTestId("reset-link");
    await field.waitFor();
    link = await field.inputValue();
    expect(link).toMatch(/\/reset\/[A-Za-z0-9_-]{40,}$/);
    // No such button for the instructor's own row (staff are never reset by staff).
    const own = teacher.locator("tr", { hasText: teacherEmail });
    expect(await own.getByRole("button", { name: /reset link|재설정 링크/i }).count()).toBe(0);
    await shot(teacher, "link-created");

    // The member, in a fresh browser, opens it and sets a new password.
    const member = await fresh.newPage();
    await member.goto(link);
    await expect(member.locator("h1").textContent()).resolves.toMatch(/password|비밀번호/i);
    await member.locator("#new-password").fill(NEW);
    await member.locator("#confirm-password").fill(NEW);
    await member.getByRole("button", { name: /set the new password|새 비밀번호 저장/i }).click();
    await member.locator("[role=status]", { hasText: /changed|바뀌었/ }).waitFor();
    await shot(member, "password-set");
    expect(await signIn(member, memberEmail, NEW)).toBe(true);
    expect((await member.request.get("/api/v1/decks")).status()).toBe(200);

    // The old password and the old session no longer work.
    const retry = await oldBrowser.newPage();
    expect((await retry.request.get("/api/v1/decks")).status()).toBe(401);
    expect(await signIn(retry, memberEmail, OLD)).toBe(false);

    // The link works once.
    const again = await (await fresh.newPage()).goto(link);
    expect(again?.status()).toBe(200);
    const page = fresh.pages().at(-1) as Page;
    await expect(page.getByTestId("reset-link-refused").textContent()).resolves.toMatch(
      /already used|이미 사용/,
    );
    const audit = await handle.db.passwordReset.findMany({
      where: { user: { email: memberEmail } },
      select: { usedAt: true, createdBy: { select: { email: true } } },
    });
    expect(audit.map((a) => [a.createdBy?.email, a.usedAt !== null])).toEqual([
      [teacherEmail, true],
    ]);
  });
});
