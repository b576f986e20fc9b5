// The learner's settings page: their day (time zone, day start), language and theme, and the
// scheduling options their decks' presets let them override. Loaded and saved here, one rule for
// which options may be overridden (what the page shows is what a save accepts).
import { AppError } from "@strides/content";
import { deckLinkWhere } from "../access/deck-access.ts";
import type { Db } from "../client.ts";
import { listDecksForUser } from "../decks/list-decks-for-user.ts";
import { loadLearnerContext } from "../review/learner-context.ts";
import { DEFAULT_PRESET } from "../review/resolve-review-settings.ts";
import { learnerDayOf } from "../scheduling/learner-day.ts";

/** Options a learner may override when a preset of their decks allows it. */
export const OVERRIDABLE_FIELDS = ["desiredRetention", "newPerDay", "reviewsPerDay"] as const;
export type OverridableField = (typeof OVERRIDABLE_FIELDS)[number];

export type LocaleSetting = "system" | "en" | "ko";
export type ThemeSetting = "system" | "light" | "dark";

export interface LearnerSettingsView {
  timeZone: string;
  dayStartHour: number;
  locale: LocaleSetting;
  theme: ThemeSetting;
  /** Overridable options the learner's presets allow, with their current values. */
  options: Partial<Record<OverridableField, number>>;
}

/** The settings form as validated by the caller; an override counts only where it is allowed. */
export interface LearnerSettingsInput {
  timeZone: string;
  dayStartHour: number;
  locale: LocaleSetting;
  theme: ThemeSetting;
  desiredRetention?: number | undefined;
  newPerDay?: number | undefined;
  reviewsPerDay?: number | undefined;
}

/** Whether `tz` is an IANA time zone this runtime knows. */
export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * The options any preset of the learner's reviewable deck links lists in `learnerOverridable` (a
 * group's preset for the deck, else the deck's, else the default), with the values in effect.
 */
async function overridableOptions(
  db: Db,
  userId: string,
  deckIds: string[],
): Promise<LearnerSettingsView["options"]> {
  const options: LearnerSettingsView["options"] = {};
  if (deckIds.length === 0) return options;
  const [ctx, links] = await Promise.all([
    loadLearnerContext(db, userId, deckIds),
    db.groupDeck.findMany({
      where: { deckId: { in: deckIds }, ...deckLinkWhere("deck.review", userId) },
      select: {
        preset: { select: { learnerOverridable: true } },
        deck: { select: { preset: { select: { learnerOverridable: true } } } },
      },
    }),
  ]);
  const allowed = new Set<string>();
  for (const l of links) {
    const text =
      l.preset?.learnerOverridable ??
      l.deck.preset?.learnerOverridable ??
      DEFAULT_PRESET.learnerOverridable;
    for (const f of text.split(/\s+/)) allowed.add(f);
  }
  const first = ctx.decks.values().next().value;
  for (const f of OVERRIDABLE_FIELDS) {
    if (allowed.has(f) && first) options[f] = first[f];
  }
  return options;
}

/** The learner's settings and the scheduling options their deck presets let them change. */
export async function loadLearnerSettings(o: {
  db: Db;
  userId: string;
}): Promise<LearnerSettingsView> {
  const [settings, decks] = await Promise.all([
    o.db.learnerSettings.findUnique({ where: { userId: o.userId } }),
    listDecksForUser({ db: o.db, userId: o.userId }),
  ]);
  const options = await overridableOptions(
    o.db,
    o.userId,
    decks.map((d) => d.id),
  );
  const locale =
    settings?.locale === "en" || settings?.locale === "ko" ? settings.locale : "system";
  const theme =
    settings?.theme === "light" || settings?.theme === "dark" ? settings.theme : "system";
  return { ...learnerDayOf(settings), locale, theme, options };
}

function parseOverrides(text: string | undefined): Record<string, unknown> {
  try {
    const parsed = JSON.parse(text ?? "{}") as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/**
 * Saves the settings form. Overrides are merged into the learner's stored ones, only for the
 * options `loadLearnerSettings` shows them (an option not allowed keeps its stored value).
 * BAD_INPUT for an unknown time zone.
 */
export async function saveLearnerSettings(o: {
  db: Db;
  userId: string;
  settings: LearnerSettingsInput;
}): Promise<void> {
  const form = o.settings;
  const current = await loadLearnerSettings(o);
  if (!isTimeZone(form.timeZone)) {
    throw new AppError("BAD_INPUT", `unknown time zone "${form.timeZone}"`, { field: "timeZone" });
  }
  const stored = await o.db.learnerSettings.findUnique({
    where: { userId: o.userId },
    select: { overrides: true },
  });
  const overrides = parseOverrides(stored?.overrides);
  for (const field of OVERRIDABLE_FIELDS) {
    const v = form[field];
    if (current.options[field] !== undefined && v !== undefined) overrides[field] = v;
  }
  const data = {
    timeZone: form.timeZone,
    dayStartHour: form.dayStartHour,
    locale: form.locale === "system" ? null : form.locale,
    theme: form.theme,
    overrides: JSON.stringify(overrides),
  };
  await o.db.learnerSettings.upsert({
    where: { userId: o.userId },
    create: { userId: o.userId, ...data },
    update: data,
  });
}
