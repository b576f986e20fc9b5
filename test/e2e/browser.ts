// Debian's Chromium through playwright-core, with the flags this offline machine needs.
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_ACCOUNTS } from "@strides/db";
import { type BrowserContext, chromium } from "playwright-core";

export const baseUrl = process.env.STRIDES_BASE_URL ?? "http://127.0.0.1:3000";
export const artifactsDir = join(process.cwd(), "test-results");

/**
 * A demo account's password, by its e-mail address: scripts/e2e.mjs makes a random one for each and
 * seeds the demo with them.
 */
export function demoPassword(email: string): string {
  const name =
    email === DEMO_ACCOUNTS.instructor.email
      ? "STRIDES_DEMO_INSTRUCTOR_PASSWORD"
      : email === DEMO_ACCOUNTS.learner.email
        ? "STRIDES_DEMO_LEARNER_PASSWORD"
        : null;
  if (!name) throw new Error(`${email} is not a demo account`);
  const password = process.env[name];
  if (!password) throw new Error(`${name} is not set: run browser tests with npm run test:e2e`);
  return password;
}

/** A browser as a visitor has it: language (Accept-Language), time zone and window size. */
export interface BrowserProfile {
  locale?: string;
  timezoneId?: string;
  viewport?: { width: number; height: number };
}

export async function launchBrowser(profile: BrowserProfile = {}): Promise<BrowserContext> {
  // In the run's data folder (scripts/e2e.mjs removes it when the run passes), else the temp dir.
  const parent = process.env.STRIDES_E2E_DIR ?? tmpdir();
  mkdirSync(parent, { recursive: true });
  const userDataDir = mkdtempSync(join(parent, "strides-chromium-"));
  return chromium.launchPersistentContext(userDataDir, {
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
    viewport: profile.viewport ?? { width: 1200, height: 900 },
    ...(profile.locale ? { locale: profile.locale } : {}),
    ...(profile.timezoneId ? { timezoneId: profile.timezoneId } : {}),
  });
}
