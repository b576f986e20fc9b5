// The learner's settings on a real database: what the settings page shows (the options their
// presets let them override), what a save keeps, the first visit's time zone, the viewer's settings.

import { isAppError } from "@strides/content";
import { describe, expect, it } from "vitest";
import { loadLearnerContext } from "../review/learner-context.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { errorOf, useTestDb } from "../testing/review-test-helpers.ts";
import { adoptBrowserTimeZone } from "./adopt-browser-time-zone.ts";
import { loadLearnerSettings, saveLearnerSettings } from "./learner-settings.ts";
import { loadViewerSettings } from "./viewer-settings.ts";

const { db } = useTestDb();

const form = {
  timeZone: "Asia/Seoul",
  dayStartHour: 5,
  locale: "ko" as const,
  theme: "dark" as const,
};

describe("loadLearnerSettings", () => {
  it("shows the options the deck's preset lets the learner override, with their values", async () => {
    const fx = await createReviewFixture(db(), {
      preset: { newPerDay: 7, learnerOverridable: "newPerDay" },
    });
    const s = await loadLearnerSettings({ db: db(), userId: fx.userId });
    expect(s).toEqual({
      timeZone: "UTC",
      dayStartHour: 4,
      locale: "en",
      theme: "system",
      options: { newPerDay: 7 },
    });
  });

  it("a group's preset for the deck wins over the deck's; none: the defaults allow all three", async () => {
    const fx = await createReviewFixture(db(), {
      preset: { learnerOverridable: "newPerDay" },
    });
    const groupPreset = await db().deckPreset.create({
      data: { name: "g", learnerOverridable: "desiredRetention" },
    });
    await db().groupDeck.update({
      where: { groupId_deckId: { groupId: fx.groupId, deckId: fx.deckId } },
      data: { presetId: groupPreset.id },
    });
    const s = await loadLearnerSettings({ db: db(), userId: fx.userId });
    expect(s.options).toEqual({ desiredRetention: 0.9 });
    await db().groupDeck.update({
      where: { groupId_deckId: { groupId: fx.groupId, deckId: fx.deckId } },
      data: { presetId: null },
    });
    await db().deck.update({ where: { id: fx.deckId }, data: { presetId: null } });
    const defaults = await loadLearnerSettings({ db: db(), userId: fx.userId });
    expect(defaults.options).toEqual({ desiredRetention: 0.9, newPerDay: 20, reviewsPerDay: 200 });
  });

  it("a learner without settings or decks gets the default day, the browser's language", async () => {
    await db().user.create({ data: { id: "u0", name: "u0", email: "u0@example.test" } });
    expect(await loadLearnerSettings({ db: db(), userId: "u0" })).toEqual({
      timeZone: "UTC",
      dayStartHour: 4,
      locale: "system",
      theme: "system",
      options: {},
    });
  });
});

describe("saveLearnerSettings", () => {
  it("saves the day, language and theme, and only the overrides the presets allow", async () => {
    const fx = await createReviewFixture(db(), {
      preset: { learnerOverridable: "newPerDay reviewsPerDay" },
    });
    // An override stored earlier (another preset allowed it then) is kept as it is.
    await db().learnerSettings.update({
      where: { userId: fx.userId },
      data: { overrides: JSON.stringify({ desiredRetention: 0.8 }) },
    });
    await saveLearnerSettings({
      db: db(),
      userId: fx.userId,
      settings: { ...form, newPerDay: 3, desiredRetention: 0.95 },
    });
    const row = await db().learnerSettings.findUniqueOrThrow({ where: { userId: fx.userId } });
    expect(row).toMatchObject({
      timeZone: "Asia/Seoul",
      dayStartHour: 5,
      locale: "ko",
      theme: "dark",
    });
    expect(JSON.parse(row.overrides)).toEqual({ desiredRetention: 0.8, newPerDay: 3 });
    // The review service schedules with it.
    const ctx = await loadLearnerContext(db(), fx.userId, [fx.deckId]);
    expect(ctx.decks.get(fx.deckId)?.newPerDay).toBe(3);
    expect(ctx.day).toEqual({ timeZone: "Asia/Seoul", dayStartHour: 5 });
    const shown = await loadLearnerSettings({ db: db(), userId: fx.userId });
    expect(shown.options).toEqual({ newPerDay: 3, reviewsPerDay: 200 });
    // "system" clears the saved language (the browser's counts again).
    await saveLearnerSettings({
      db: db(),
      userId: fx.userId,
      settings: { ...form, locale: "system", theme: "system" },
    });
    expect((await loadLearnerSettings({ db: db(), userId: fx.userId })).locale).toBe("system");
  });

  it("refuses an unknown time zone and writes nothing", async () => {
    const fx = await createReviewFixture(db(), { cards: 1 });
    const e = await errorOf(
      saveLearnerSettings({
        db: db(),
        userId: fx.userId,
        settings: { ...form, timeZone: "Mars/Base" },
      }),
    );
    expect(isAppError(e) && [e.code, e.field]).toEqual(["BAD_INPUT", "timeZone"]);
    const row = await db().learnerSettings.findUniqueOrThrow({ where: { userId: fx.userId } });
    expect(row.timeZone).toBe("UTC");
  });

  it("creates the settings of a learner who had none", async () => {
    await db().user.create({ data: { id: "u0", name: "u0", email: "u0@example.test" } });
    await saveLearnerSettings({ db: db(), userId: "u0", settings: { ...form, newPerDay: 9 } });
    const row = await db().learnerSettings.findUniqueOrThrow({ where: { userId: "u0" } });
    // No deck: no option is allowed, so no override is stored.
    expect(row).toMatchObject({ timeZone: "Asia/Seoul", locale: "ko", overrides: "{}" });
  });
});

describe("adoptBrowserTimeZone and loadViewerSettings", () => {
  it("adopts the browser's zone once; a zone already saved is kept", async () => {
    await db().user.create({ data: { id: "u0", name: "u0", email: "u0@example.test" } });
    expect(await loadViewerSettings({ db: db(), userId: "u0" })).toEqual({
      saved: false,
      locale: null,
      timeZone: "UTC",
    });
    expect(await adoptBrowserTimeZone({ db: db(), userId: "u0", timeZone: "Asia/Seoul" })).toEqual({
      adopted: true,
      timeZone: "Asia/Seoul",
    });
    expect(
      await adoptBrowserTimeZone({ db: db(), userId: "u0", timeZone: "Europe/Paris" }),
    ).toEqual({
      adopted: false,
      timeZone: "Asia/Seoul",
    });
    expect(await loadViewerSettings({ db: db(), userId: "u0" })).toEqual({
      saved: true,
      locale: null,
      timeZone: "Asia/Seoul",
    });
    const e = await errorOf(adoptBrowserTimeZone({ db: db(), userId: "u0", timeZone: "Nowhere" }));
    expect(isAppError(e) && e.code).toBe("BAD_INPUT");
  });
});
