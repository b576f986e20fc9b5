// A school fixture's owner in the browser, for e2e files that make a big group of their own: the
// owner gets a password account (the demo accounts stay as other test files use them) and signs in;
// afterwards the fixture's group, deck and people are removed (later files share the database).
import type { Db } from "@strides/db";
import type { SchoolFixture } from "@strides/db/testing";
import { hashPassword } from "better-auth/crypto";
import type { BrowserContext, Page } from "playwright-core";
import { launchBrowser } from "./browser.ts";

export async function signInSchoolOwner(
  db: Db,
  fx: SchoolFixture,
  password: string,
): Promise<{ ctx: BrowserContext; page: Page }> {
  await db.account.create({
    data: {
      id: `${fx.ownerId}-credential`,
      accountId: fx.ownerId,
      providerId: "credential",
      userId: fx.ownerId,
      password: await hashPassword(password),
    },
  });
  const ctx = await launchBrowser();
  const page = await ctx.newPage();
  await page.goto("/sign-in");
  await page.getByLabel(/email/i).fill(`${fx.ownerId}@school.test`);
  await page.getByLabel(/password/i).fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  await page.waitForURL((url) => url.pathname === "/");
  return { ctx, page };
}

export async function removeSchool(db: Db, fx: SchoolFixture): Promise<void> {
  await db.group.delete({ where: { id: fx.groupId } });
  await db.deck.delete({ where: { id: fx.deckId } });
  await db.user.deleteMany({ where: { id: { in: [fx.ownerId, ...fx.memberIds] } } });
}
