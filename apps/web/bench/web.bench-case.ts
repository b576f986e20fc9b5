/**
 * Web bench case (`npm run bench`), against a running production build (`next start`):
 *  - the review page's first-load JavaScript: the gzip sizes of the scripts Chromium downloads for
 *    /review until hydrated, against the same measure of a static page of the same build (/sign-in);
 *  - in Chromium, the time from pressing a rating key to the next card painted, p95 over ≥ 50 reviews
 *    (keydown timestamp → the new card in the DOM → the next animation frame and task after it).
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { percentile } from "../../../bench/bench-row.ts";
import {
  firstLoadJs,
  REVIEW_FIRST_LOAD_BUDGET_KB,
  REVIEW_FIRST_LOAD_TARGET_KB,
} from "./first-load-js.ts";

export interface WebBenchRow {
  measure: string;
  value: number;
  unit: string;
  baseline?: number;
  target?: string;
  met?: boolean;
  note?: string;
}

const LEARNER_EMAIL = "learner@strides.local";

/**
 * Sum of the gzip sizes of the scripts Chromium downloads to show `path` until it is hydrated
 * (`ready`) and the network is idle: what a learner's browser loads. Next's `noModule` polyfills
 * (~39 KB gzip), which a browser with ES modules never fetches, are not counted, unlike a count of
 * the HTML's script tags; chunks fetched during hydration are. Routing is on, so nothing comes from
 * the HTTP cache.
 */
export async function firstLoadJsGzip(context: BrowserContext, path: string, ready: string) {
  const page = await context.newPage();
  const bodies: Promise<Buffer | null>[] = [];
  page.on("response", (r) => {
    if (r.request().resourceType() === "script") bodies.push(r.body().catch(() => null));
  });
  try {
    await page.route("**/*", (route) => route.continue());
    await page.goto(path, { waitUntil: "networkidle" });
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState("networkidle");
    let bytes = 0;
    let scripts = 0;
    for (const body of await Promise.all(bodies)) {
      if (!body) continue;
      scripts++;
      bytes += gzipSync(body, { level: 9 }).length;
    }
    return { kb: bytes / 1024, scripts };
  } finally {
    await page.close();
  }
}

/** Installs the latency probe: keydown of 1–4 → next card element in the DOM → frame painted. */
const PROBE = `(() => {
  window.__lat = [];
  let t0 = null, prev = null;
  document.addEventListener("keydown", (e) => {
    if (["1","2","3","4"].includes(e.key)) {
      const el = document.querySelector("article.review-card");
      if (el && el.dataset.phase === "answer") { t0 = e.timeStamp; prev = el.dataset.cardId; }
    }
  }, true);
  new MutationObserver(() => {
    if (t0 === null) return;
    const el = document.querySelector("article.review-card");
    const done = document.querySelector("[data-testid=summary]");
    if ((el && el.dataset.cardId !== prev) || done) {
      const start = t0; t0 = null;
      requestAnimationFrame(() => setTimeout(() => window.__lat.push(performance.now() - start), 0));
    }
  }).observe(document.body, { subtree: true, childList: true, attributes: true });
})()`;

async function reviewLatencies(page: Page, want: number): Promise<number[]> {
  for (let i = 0; i < want * 2; i++) {
    const lat = (await page.evaluate("window.__lat.length")) as number;
    if (lat >= want) break;
    const card = page.locator("article.review-card");
    if ((await card.count()) === 0) break; // queue empty
    // A learner reads the card before answering: the previous rating has been answered by then.
    await page.locator('.review[aria-busy="false"]').waitFor();
    const id = await card.getAttribute("data-card-id");
    const kind = await card.getAttribute("data-kind");
    if (kind === "exercise") {
      await page.locator("#exercise-answer").fill("1");
      await page.keyboard.press("Enter");
      await page.locator("[data-testid=check]").waitFor();
    } else {
      await page.keyboard.press("Space");
    }
    await page.locator("article.review-card[data-phase=answer]").waitFor();
    await page.keyboard.press("3");
    await page
      .locator(`article.review-card:not([data-card-id="${id}"]), [data-testid=summary]`)
      .first()
      .waitFor();
    await page.waitForFunction(`window.__lat.length > ${lat}`);
  }
  return (await page.evaluate("window.__lat")) as number[];
}

/** `learnerPassword`: the demo password the bench server was seeded with (bench/lib/demo-server.ts). */
export async function benchWeb({
  baseUrl,
  learnerPassword,
}: {
  baseUrl: string;
  learnerPassword: string;
}): Promise<WebBenchRow[]> {
  const context = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), "strides-bench-")),
    {
      executablePath: process.env.STRIDES_CHROMIUM ?? "/usr/bin/chromium",
      headless: true,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      baseURL: baseUrl,
      // The probe is injected with evaluate(); the app's CSP (no eval) would refuse it.
      bypassCSP: true,
      viewport: { width: 1200, height: 900 },
    },
  );
  let latencies: number[] = [];
  let review = { kb: Number.NaN, scripts: 0 };
  let stat = { kb: Number.NaN, scripts: 0 };
  try {
    stat = await firstLoadJsGzip(context, "/sign-in", "form button[type=submit]");
    const page = await context.newPage();
    await page.goto("/sign-in");
    await page.locator("input[type=email]").fill(LEARNER_EMAIL);
    await page.locator("input[type=password]").fill(learnerPassword);
    await page.locator("form button[type=submit]").click();
    await page.waitForURL((u) => u.pathname === "/");
    // Enough new cards for the run (the demo preset lets learners change their daily limit).
    await page.goto("/settings");
    if ((await page.locator("#newPerDay").count()) > 0) {
      await page.locator("#newPerDay").fill("500");
      // The settings form's own submit button (the header has a sign-out form too).
      await page.locator("form:has(#newPerDay) button[type=submit]").click();
      await page.waitForURL((u) => u.searchParams.has("saved") || u.searchParams.has("error"));
    }
    review = await firstLoadJsGzip(context, "/review", ".review[data-ready]");
    await page.goto("/review");
    await page.evaluate(PROBE);
    latencies = await reviewLatencies(page, 60);
  } finally {
    await context.close();
  }
  const latency = percentile(latencies, 0.95);
  const built = firstLoadJs("/review");
  return [
    {
      measure: "review page first-load JS, build manifests (gzip)",
      value: built.kb,
      unit: "KB",
      baseline: built.frameworkKb,
      target: `≤ ${REVIEW_FIRST_LOAD_TARGET_KB} KB (budget ${REVIEW_FIRST_LOAD_BUDGET_KB} KB)`,
      met: built.kb <= REVIEW_FIRST_LOAD_TARGET_KB,
      note: `${built.files.length} scripts; baseline: Next's and React's shared chunks`,
    },
    {
      measure: "review page first-load JS (gzip)",
      value: review.kb,
      unit: "KB",
      baseline: stat.kb,
      target: "≤ 100 KB",
      met: review.kb <= 100,
      note: `${review.scripts} scripts; baseline: /sign-in of the same build`,
    },
    {
      measure: "rating key → next card painted, p95",
      value: latency,
      unit: "ms",
      target: "≤ 100 ms",
      met: latency <= 100,
      note: `${latencies.length} reviews in Chromium; median ${latencies.length ? [...latencies].sort((a, b) => a - b)[Math.floor(latencies.length / 2)]?.toFixed(1) : "n/a"} ms`,
    },
  ];
}
