// Reviewing offline in Chromium (its offline mode, and no API request reaching the server): the
// window of cards kept in IndexedDB, 20 ratings with an exercise, a list-recall card and an undo, a
// reload served by the service worker, then back online: every rating (less the undone one) in the
// database once, in order, at the time it was given, scheduled as ts-fsrs schedules it at that time.
import { type DbHandle, DEMO_ACCOUNTS, openDb, resetNewCardCursor } from "@strides/db";
import type { BrowserContext, Page } from "playwright-core";
import { createEmptyCard, fsrs, type Grade, generatorParameters } from "ts-fsrs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPassword, launchBrowser } from "./browser.ts";

// Browser globals used inside page.evaluate (the root tsconfig has no DOM library).
interface IdbRequest<T> {
  result: T;
  error: unknown;
  onsuccess: (() => void) | null;
  onerror: (() => void) | null;
}
interface IdbDatabase {
  transaction(store: string): { objectStore(name: string): { getAll(): IdbRequest<unknown[]> } };
  close(): void;
}
declare const indexedDB: {
  databases(): Promise<{ name?: string }[]>;
  open(name: string): IdbRequest<IdbDatabase>;
};
declare const navigator: {
  serviceWorker: { ready: Promise<unknown>; controller: unknown };
};
declare const caches: { keys(): Promise<string[]> };

// The instructor account, so the learner's own browser test keeps its fresh queue.
const account = DEMO_ACCOUNTS.instructor;
const DECK = "dl-basic-cnn";

interface Queued {
  requestId: string;
  cardId: string;
  rating: number;
  reviewedAt: string;
}

/**
 * The device offline: Chromium's offline mode, and no API request of the page reaches the server.
 * The offline mode alone leaks: it does not cover requests that pass through a service worker
 * (playwright#2311), and a reloaded document may start before it applies (a batch sent then
 * reached the server while the page saw it fail: seen once in CI).
 */
async function setDeviceOffline(context: BrowserContext, offline: boolean) {
  if (offline) {
    await context.setOffline(true);
    await context.route(API, (route) => route.abort("internetdisconnected"));
  } else {
    await context.unroute(API);
    await context.setOffline(false);
  }
}
const API = (url: URL) => url.pathname.startsWith("/api/");

/** Reads a store of the app's IndexedDB (only once the app created it: opening creates it). */
function readStore(page: Page, store: "window" | "queue") {
  return page.evaluate(async (name) => {
    const dbs = await indexedDB.databases();
    if (!dbs.some((d) => d.name === "strides-offline")) return null;
    return new Promise<unknown>((resolve, reject) => {
      const open = indexedDB.open("strides-offline");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const req = db.transaction(name).objectStore(name).getAll();
        req.onsuccess = () => {
          db.close();
          resolve(req.result);
        };
        req.onerror = () => reject(req.error);
      };
    });
  }, store);
}

async function until<T>(
  what: string,
  fn: () => Promise<T | null | undefined | false>,
  ms = 30_000,
) {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function currentCard(page: Page) {
  const card = page.locator("article.review-card");
  await card.waitFor();
  return {
    id: (await card.getAttribute("data-card-id")) ?? "",
    kind: (await card.getAttribute("data-kind")) ?? "",
  };
}

describe("offline review", () => {
  let context: BrowserContext;
  let page: Page;
  let handle: DbHandle;

  beforeAll(async () => {
    handle = await openDb(process.env.DATABASE_URL);
    context = await launchBrowser();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await handle?.close();
  });

  it("reviews 20 cards offline and records them once, in order, at their times", async () => {
    const db = handle.db;
    const userId = account.id;
    // An exercise and a list-recall card among the first new cards: swap them to the front of the
    // cards this account has not studied (positions are a permutation of 0…n-1).
    const deck = await db.deck.findUniqueOrThrow({ where: { slug: DECK } });
    const fresh = await db.card.findMany({
      where: { deckId: deck.id, retiredAt: null, states: { none: { userId } } },
      orderBy: { position: "asc" },
      take: 6,
    });
    for (const [kind, slot] of [
      ["exercise", 2],
      ["listRecall", 5],
    ] as const) {
      const target = fresh[slot];
      const c = await db.card.findFirstOrThrow({
        where: { deckId: deck.id, kind, retiredAt: null, states: { none: { userId } } },
        orderBy: { position: "asc" },
      });
      if (target && c.id !== target.id && !fresh.slice(0, slot).some((f) => f.id === c.id)) {
        await db.card.update({ where: { id: c.id }, data: { position: target.position } });
        await db.card.update({ where: { id: target.id }, data: { position: c.position } });
      }
    }
    // Whatever other test files studied or moved today: new cards from the deck's start, and
    // enough of them for 20 reviews (newPerDay is an option learners may change).
    await resetNewCardCursor({ db, deckId: deck.id });
    // A card this account left in learning (experience-instructor rates one Again) would come
    // first, not new: out of the way until after the run (files run in varying order).
    await db.cardState.updateMany({
      where: { userId, state: { in: [1, 3] } },
      data: { buriedUntil: new Date(Date.now() + 2 * 86_400_000) },
    });
    await db.learnerSettings.upsert({
      where: { userId },
      create: { userId, overrides: JSON.stringify({ newPerDay: 100 }) },
      update: { overrides: JSON.stringify({ newPerDay: 100 }) },
    });

    await page.goto("/sign-in");
    await page.getByLabel(/email|이메일/i).fill(account.email);
    await page.getByLabel(/password|비밀번호/i).fill(demoPassword(account.email));
    await page.getByRole("button", { name: /sign in|로그인/i }).click();
    await page.waitForURL((url) => url.pathname === "/");

    // Open the review; once the service worker controls the page, open it again so the worker
    // keeps a copy of the page, and wait for the window of cards in IndexedDB.
    await page.goto("/review");
    await page.locator(".review[data-ready]").waitFor();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // It claims open pages when it activates; should this page miss the claim (seen once in CI
    // on a busy machine), a reload is a navigation the active worker controls.
    const controlled = () => page.evaluate(() => navigator.serviceWorker.controller !== null);
    await until("the service worker to claim the page", controlled, 10_000).catch(async () => {
      await page.reload();
      await page.locator(".review[data-ready]").waitFor();
      await until("the service worker to control the page", controlled);
    });
    const reloadedAt = new Date().toISOString();
    await page.reload();
    await page.locator(".review[data-ready]").waitFor();
    // The window this page load read (the first load's may still be stored).
    const stored = (await until("the window", async () => {
      const w = (await readStore(page, "window")) as
        | { cards: unknown[]; generatedAt: string }[]
        | null;
      return w?.[0] && w[0].generatedAt > reloadedAt && w[0].cards.length >= 20 ? w[0] : null;
    })) as { cards: { card: { id: string; kind: string }; check: { answer: string } | null }[] };
    // Other test files may have reviewed as this account before: count from here.
    const logsBefore = await db.reviewLog.count({ where: { userId } });

    await setDeviceOffline(context, true);
    const ratings = [3, 4, 3, 2, 3, 1, 3, 4, 3, 3, 2, 3, 4, 3, 3, 1, 3, 3, 4, 3];
    const given: { cardId: string; before: number; after: number }[] = [];
    const kinds = new Set<string>();
    let undone = "";
    for (let i = 0; i < 20; i++) {
      if (i === 12) {
        // Reload while offline: the service worker serves the page, the window the card.
        const res = await page.reload();
        expect(res?.fromServiceWorker()).toBe(true);
        await page.locator(".review[data-ready]").waitFor();
        await page.getByTestId("offline-status").waitFor();
        expect(await page.getByTestId("offline-status").textContent()).toMatch(
          /Offline — 11 reviews waiting/,
        );
      }
      const card = await until(`a card not yet rated (rating ${i + 1})`, async () => {
        const c = await currentCard(page);
        return given.some((g) => g.cardId === c.id) ? null : c;
      }).catch(async (e: unknown) => {
        await page.screenshot({ path: "test-results/offline-failure.png" });
        const text = await page.locator(".review").textContent();
        throw new Error(`${e}; page: ${text?.slice(0, 400)}; given: ${given.length}`);
      });
      kinds.add(card.kind);
      const before = Date.now();
      if (card.kind === "exercise") {
        const answer = stored.cards.find((c) => c.card.id === card.id)?.check?.answer ?? "";
        await page.locator("#exercise-answer").fill(answer);
        await page.keyboard.press("Enter");
        await page.getByTestId("check").waitFor();
        expect(await page.getByTestId("check").textContent()).toMatch(/Correct/);
        await page.keyboard.press(String(ratings[i]));
      } else {
        await page.keyboard.press("Space");
        await page.locator("article.review-card[data-phase=answer]").waitFor();
        await page.keyboard.press(String(ratings[i]));
      }
      await page
        .locator(`article.review-card:not([data-card-id="${card.id}"]), [data-testid=summary]`)
        .first()
        .waitFor();
      await page.locator('.review[aria-busy="false"]').waitFor();
      given.push({ cardId: card.id, before, after: Date.now() });
      if (i === 8) {
        // Undo the 9th rating: the card comes back, and is not rated again.
        await page.keyboard.press("u");
        await page.locator(`article.review-card[data-card-id="${card.id}"]`).waitFor();
        undone = card.id;
        given.pop(); // rated again next (the 10th rating of the 20)
      }
    }
    expect(kinds).toContain("exercise");
    expect(kinds).toContain("listRecall");
    expect(undone).not.toBe("");
    // The undone card was rated again as one of the 20, so 19 distinct cards carry 19 reviews.
    const status = await page.getByTestId("offline-status").textContent();
    expect(status).toMatch(/Offline — 19 reviews waiting/);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(logsBefore);
    const queued = (await readStore(page, "queue")) as Queued[];
    expect(queued.map((q) => q.cardId)).toEqual(given.map((g) => g.cardId));
    for (const [i, q] of queued.entries()) {
      const t = Date.parse(q.reviewedAt);
      expect(t).toBeGreaterThanOrEqual((given[i]?.before ?? 0) - 5);
      expect(t).toBeLessThanOrEqual((given[i]?.after ?? 0) + 5);
    }

    await setDeviceOffline(context, false);
    await until("the queue to be sent", async () => {
      return (await db.reviewLog.count({ where: { userId } })) >= logsBefore + 19;
    });
    await page.getByTestId("offline-status").waitFor({ state: "detached" });
    const logs = await db.reviewLog.findMany({
      where: { userId, requestId: { in: queued.map((q) => q.requestId) } },
      orderBy: { reviewedAt: "asc" },
    });
    expect(logs.map((l) => [l.requestId, l.cardId, l.rating, l.reviewedAt.toISOString()])).toEqual(
      queued.map((q) => [q.requestId, q.cardId, q.rating, new Date(q.reviewedAt).toISOString()]),
    );
    // The undone rating was never sent; the card's second rating was.
    expect(logs.filter((l) => l.cardId === undone).map((l) => l.rating)).toEqual([ratings[9]]);
    const exercise = logs.find((l) => l.correct !== null);
    expect(exercise?.correct).toBe(true); // the server checked the same variant the browser did

    // Schedules: ts-fsrs called directly at each review's own time (new cards, the demo preset).
    const f = fsrs(
      generatorParameters({
        request_retention: 0.9,
        maximum_interval: 36500,
        enable_fuzz: true,
        enable_short_term: true,
        learning_steps: ["1m", "10m"],
        relearning_steps: ["10m"],
      }),
    );
    for (const l of logs) {
      expect(l.stateBefore).toBe(0);
      const expected = f.next(createEmptyCard(l.reviewedAt), l.reviewedAt, l.rating as Grade);
      expect(l.dueAfter.getTime()).toBe(expected.card.due.getTime());
      expect(l.stability).toBeCloseTo(expected.card.stability, 10);
      expect(l.difficulty).toBeCloseTo(expected.card.difficulty, 10);
    }

    // The same batch again (a device that did not see the answer): nothing new.
    const again = await page.evaluate(
      async (reviews) => {
        const res = await fetch("/api/v1/reviews/batch", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            sentAt: new Date().toISOString(),
            reviews: reviews.map((r) => ({ ...r, durationMs: 1000 })),
          }),
        });
        return (await res.json()) as { outcomes: { status: string }[] };
      },
      queued.map(({ requestId, cardId, rating, reviewedAt }) => ({
        requestId,
        cardId,
        rating,
        reviewedAt,
      })),
    );
    expect(again.outcomes.every((o) => o.status === "duplicate")).toBe(true);
    expect(await db.reviewLog.count({ where: { userId } })).toBe(logsBefore + 19);
  });

  it("clears the device's offline data and caches when signing out", async () => {
    await setDeviceOffline(context, false);
    await page.goto("/review");
    await page.locator(".review[data-ready]").waitFor();
    await page.getByRole("button", { name: /sign out|로그아웃/i }).click();
    await page.waitForURL((url) => url.pathname === "/" || url.pathname === "/sign-in");
    const left = await page.evaluate(async () => ({
      dbs: (await indexedDB.databases()).map((d) => d.name),
      caches: await caches.keys(),
    }));
    expect(left.dbs).not.toContain("strides-offline");
    // The service worker precaches again on its next start; no page of the account is kept.
    expect(left.caches.filter((c) => c.includes("review-shell"))).toEqual([]);
  });
});
