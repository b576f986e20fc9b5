import { DEMO_ACCOUNTS } from "@strides/db";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, launchBrowser } from "./browser.ts";

describe("home and sign-in", () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await launchBrowser();
  });
  afterAll(async () => {
    await context?.close();
  });

  it("shows the demo deck to a visitor and lets the demo learner sign in", async () => {
    const page = await context.newPage();
    await page.goto("/");
    await expect(page.getByTestId("demo-deck").textContent()).resolves.toContain("DL Basic");
    // The demo password is never shown to a visitor (it is printed on the server's console).
    expect(await page.content()).not.toContain(demoPassword(DEMO_ACCOUNTS.learner.email));
    expect(await page.content()).not.toContain(demoPassword(DEMO_ACCOUNTS.instructor.email));
    expect(await page.content()).not.toContain("strides-demo");
    await page.goto("/sign-in");
    await page.getByLabel(/email|이메일/i).fill(DEMO_ACCOUNTS.learner.email);
    await page.getByLabel(/password|비밀번호/i).fill(demoPassword(DEMO_ACCOUNTS.learner.email));
    await page.getByRole("button", { name: /sign in|로그인/i }).click();
    await page.waitForURL((url) => url.pathname === "/");
    await page.getByRole("heading", { name: "DL Basic — CNN" }).waitFor();
  });
});
