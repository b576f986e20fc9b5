// A deck image is served only while its reader may read the deck: neither the browser's HTTP cache
// nor the service worker's cache hands out a copy once access is gone (removed from the group, or
// the next person on a shared browser). The server revalidates every use (no-cache, a 304 for an
// unchanged image, after the access check); the service worker goes to the network first and
// drops its copy when refused.
import { createHash, randomUUID } from "node:crypto";
import { createDeck, createGroup, type DbHandle, loadActor, openDb } from "@strides/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser } from "../e2e/browser.ts";

const baseUrl = process.env.STRIDES_BASE_URL ?? "http://127.0.0.1:3000";

// The browser globals the page-side callbacks use (this project's TypeScript has no DOM library).
declare const navigator: {
  serviceWorker: { ready: Promise<unknown>; controller: unknown };
};
declare const caches: { open(name: string): Promise<{ match(url: string): Promise<unknown> }> };
declare class Image {
  onload: (() => void) | null;
  onerror: (() => void) | null;
  src: string;
  readonly naturalWidth: number;
}

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

interface Reader {
  cookie: string;
  userId: string;
  groupId: string;
  imageUrl: string;
}

describe("deck images after access is lost", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await handle?.close();
  });

  /** A fresh account that owns a group with a deck holding one image. */
  async function reader(): Promise<Reader> {
    const id = randomUUID().slice(0, 8);
    const email = `img-${id}@strides.local`;
    const res = await fetch(`${baseUrl}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl },
      body: JSON.stringify({ email, password: "image-test-password", name: "Image reader" }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0])
      .join("; ");
    const { db } = handle;
    // The first account of a fresh instance is its admin, who may read every deck: this reader
    // must be an ordinary account whatever ran before.
    const user = await db.user.update({ where: { email }, data: { role: "user" } });
    const actor = await loadActor({ db, userId: user.id });
    if (!actor) throw new Error("no actor");
    const now = new Date();
    const group = await createGroup({ db, actor, input: { name: "Img", slug: `img-${id}` }, now });
    if (!group.ok) throw new Error("group slug taken");
    const deck = await createDeck({
      db,
      actor,
      groupId: group.groupId,
      input: { name: "Img", slug: `img-${id}` },
      now,
    });
    if (!deck.ok) throw new Error("deck slug taken");
    await db.asset.create({
      data: {
        deckId: deck.deckId,
        path: "fig.png",
        mimeType: "image/png",
        size: PNG.length,
        sha256: createHash("sha256").update(PNG).digest("hex"),
        data: PNG,
      },
    });
    return {
      cookie,
      userId: user.id,
      groupId: group.groupId,
      imageUrl: `/decks/img-${id}/assets/fig.png`,
    };
  }

  /** The reader leaves the group (as a removal would), so the deck is no longer theirs. */
  async function loseAccess(r: Reader): Promise<void> {
    await handle.db.membership.delete({
      where: { groupId_userId: { groupId: r.groupId, userId: r.userId } },
    });
  }

  it("asks the browser to revalidate every use, and checks access before answering 304", async () => {
    const r = await reader();
    const first = await fetch(`${baseUrl}${r.imageUrl}`, { headers: { cookie: r.cookie } });
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/no-cache/);
    expect(first.headers.get("cache-control")).not.toMatch(/max-age=[1-9]/);
    const etag = first.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await fetch(`${baseUrl}${r.imageUrl}`, {
      headers: { cookie: r.cookie, "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    await loseAccess(r);
    const after = await fetch(`${baseUrl}${r.imageUrl}`, {
      headers: { cookie: r.cookie, "if-none-match": etag },
    });
    expect(after.status).toBe(404);
  });

  it("is not shown from the service worker's or the browser's cache once access is lost", async () => {
    const r = await reader();
    const context = await launchBrowser();
    try {
      const host = new URL(baseUrl).hostname;
      await context.addCookies(
        r.cookie.split("; ").map((c) => {
          const [name = "", ...rest] = c.split("=");
          return { name, value: rest.join("="), domain: host, path: "/" };
        }),
      );
      const page = context.pages()[0] ?? (await context.newPage());
      await page.goto("/");
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready;
      });
      if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
        await page.reload();
      }
      expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      /** Loads the image as a card shows it (an <img>): its width, 0 when refused. */
      const show = (url: string) =>
        page.evaluate(
          (src) =>
            new Promise<number>((resolve) => {
              const img = new Image();
              img.onload = () => resolve(img.naturalWidth);
              img.onerror = () => resolve(0);
              img.src = src;
            }),
          url,
        );
      expect(await show(r.imageUrl)).toBe(1);
      const cached = (url: string) =>
        page.evaluate(
          async (u) => (await (await caches.open("strides-images")).match(u)) !== undefined,
          url,
        );
      // The service worker stores its copy after answering the page.
      await expect.poll(() => cached(r.imageUrl), { timeout: 5000 }).toBe(true);
      await loseAccess(r);
      // A new document: within one, a browser reuses an image it has shown without asking again.
      await page.reload();
      expect(await show(r.imageUrl)).toBe(0);
      expect(await cached(r.imageUrl)).toBe(false);
    } finally {
      await context.close();
    }
  });
});
