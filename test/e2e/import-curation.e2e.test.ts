// Import curation in the browser, in English and in Korean: a note with flagged cards and a missing
// image → rendered cards (KaTeX), flagged first, the missing image named → the image added in the
// same preview → one card edited, one rejected, a flag bulk-rejected → published: the deck has the
// edited card and not the rejected ones → the same note re-imported: the rejected ones stay out,
// the edit stays.
// Each language imports its own note and image into the demo deck (ids and assets stay apart).

import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { DEMO_ACCOUNTS } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactsDir, baseUrl, demoPassword, launchBrowser } from "./browser.ts";

const PNG = Buffer.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
]);

function note(w: string) {
  return `# Curation ${w}

## Definitions

Quokka${w} stride::The step of the kernel.

Wombat${w} padding::Zeros around the input.

Numbat${w} output size::$\\frac{W - K + 2P}{S} + 1$

## 피어세션

- Pooling${w} : 학습할 parameter가 없다.

## Diagrams

- Conv${w} layer : ![conv](img/conv-${w}.png)
- Paper${w} : [Deep Residual Learning](https://arxiv.org/abs/1512.03385)
`;
}

async function shot(page: Page, name: string) {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({
    path: join(artifactsDir, `import-curation-${name}.png`),
    fullPage: true,
  });
}

async function upload(page: Page, w: string) {
  await page.goto("/decks/dl-basic-cnn/import");
  await page.locator("#import-files").setInputFiles({
    name: `curation-${w}.md`,
    mimeType: "text/markdown",
    buffer: Buffer.from(note(w)),
  });
  await page.getByRole("button", { name: /preview|미리보기/i }).click();
  await page.getByTestId("import-card").first().waitFor();
}

function cardWith(page: Page, text: string) {
  return page.getByTestId("import-card").filter({ hasText: text });
}

describe.each([
  ["en", "E"],
  ["ko", "K"],
] as const)("import curation in the browser (%s)", (locale, w) => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await launchBrowser();
    await context.addCookies([
      { name: "strides-locale", value: locale, domain: new URL(baseUrl).hostname, path: "/" },
    ]);
    page = await context.newPage();
    await page.goto("/sign-in");
    await page.getByLabel(/email|이메일/i).fill(DEMO_ACCOUNTS.instructor.email);
    await page.getByLabel(/password|비밀번호/i).fill(demoPassword(DEMO_ACCOUNTS.instructor.email));
    await page.getByRole("button", { name: /sign in|로그인/i }).click();
    await page.waitForURL((url) => url.pathname === "/");
  });
  afterAll(async () => context?.close());

  it("shows rendered cards, flagged first, and names the missing image", async () => {
    await upload(page, w);
    expect(await page.locator("html").getAttribute("lang")).toBe(locale);
    const flags = await page
      .getByTestId("import-card")
      .evaluateAll((els) => els.map((e) => e.getAttribute("data-flags") ?? ""));
    expect(flags[0]).not.toBe("");
    const firstPlain = flags.indexOf("");
    expect(firstPlain).toBeGreaterThan(0);
    expect(flags.slice(firstPlain).every((f) => f === "")).toBe(true);
    expect(await cardWith(page, `Numbat${w}`).locator(".katex").count()).toBeGreaterThan(0);
    const missing = page.getByTestId("missing-images");
    await expect(missing.textContent()).resolves.toContain(`conv-${w}.png`);
    await expect(missing.textContent()).resolves.toMatch(
      locale === "ko" ? /업로드에 없습니다/ : /not in the upload/,
    );
    await expect(page.locator("mark[data-flag]").first().textContent()).resolves.toMatch(
      locale === "ko" ? /학습 내용 아님|답이 이미지나 링크뿐/ : /Not study material|only an image/,
    );
    expect(await page.getByRole("button", { name: /^(publish|게시)$/i }).isDisabled()).toBe(true);
    await shot(page, `${locale}-preview`);
  });

  it("adds the image in the same preview", async () => {
    await page.locator("#import-more-files").setInputFiles({
      name: `conv-${w}.png`,
      mimeType: "image/png",
      buffer: PNG,
    });
    await page.getByTestId("missing-images").waitFor({ state: "detached" });
    await expect(page.getByTestId("import-summary").textContent()).resolves.toMatch(
      /1 images|이미지 1/,
    );
  });

  it("edits one card, rejects one, bulk-rejects a flag, and publishes", async () => {
    const stride = cardWith(page, `Quokka${w}`);
    await stride.getByRole("button", { name: /^(edit|수정)$/i }).click();
    await stride.getByLabel(/^(back|뒷면)$/i).fill(`How far the kernel moves ${w}`);
    await stride.getByRole("button", { name: /save edit|수정 저장/i }).click();
    expect(await stride.getAttribute("data-state")).toBe("edited");
    await cardWith(page, `Wombat${w}`)
      .getByRole("button", { name: /^(reject|거절)$/i })
      .click();
    await page.getByTestId("reject-flag-media-only-back").click();
    for (const text of [`Wombat${w}`, `Conv${w}`]) {
      expect(await cardWith(page, text).getAttribute("data-state")).toBe("rejected");
    }
    // A label over a link only is a link list, not a card: nothing to reject.
    expect(await cardWith(page, `Paper${w}`).count()).toBe(0);
    await shot(page, `${locale}-curated`);
    await page.getByRole("button", { name: /^(publish|게시)$/i }).click();
    await expect(page.getByTestId("import-report").textContent()).resolves.toMatch(
      /2 rejected|거절 2/,
    );
  });

  it("the deck has the edited card and not the rejected ones", async () => {
    // The search reads the back too: the edited back finds the card under its front.
    await page.goto(`/decks/dl-basic-cnn?q=${encodeURIComponent(`kernel moves ${w}`)}`);
    await page
      .getByRole("link", { name: new RegExp(`Quokka${w}`) })
      .first()
      .waitFor();
    for (const gone of [`Wombat${w}`, `Paper${w}`]) {
      await page.goto(`/decks/dl-basic-cnn?q=${gone}`);
      expect(await page.getByRole("link", { name: new RegExp(gone) }).count()).toBe(0);
    }
  });

  it("re-importing the same note leaves the rejected cards out", async () => {
    await upload(page, w);
    expect(await page.getByTestId("import-card-earlier").count()).toBe(2);
    expect(await cardWith(page, `Wombat${w}`).count()).toBe(0);
    expect(await cardWith(page, `Quokka${w}`).count()).toBe(1);
    // The edited card keeps the edit (the note's card has not changed), and the preview says so.
    const edited = cardWith(page, `Quokka${w}`);
    expect(await edited.locator("[data-testid=earlier-edit][data-edit=kept]").count()).toBe(1);
    await expect(edited.textContent()).resolves.toContain(`How far the kernel moves ${w}`);
    expect(await page.getByTestId("missing-images").count()).toBe(0);
    await shot(page, `${locale}-reimport`);
  });
});
