// The learner's context for reviewing decks (settings, presets, access, cursors) in one query.
import { AppError } from "@strides/content";
import { deckAccessSql, memberMaySql } from "../access/deck-access.ts";
import type { SchedulerSettings } from "../scheduling/fsrs-adapter.ts";
import { type LearnerDayOptions, learnerDayOf } from "../scheduling/learner-day.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { type PresetRow, resolveReviewSettings } from "./resolve-review-settings.ts";
import type { TReviewSettings } from "./schema.ts";
import { bool, type SqlReader, sql, str } from "./sql-values.ts";

export interface LearnerContext {
  day: LearnerDayOptions;
  locale: string | null;
  /** Settings per accessible deck. */
  decks: Map<string, TReviewSettings>;
  /** LearnerDeckProgress.newCursor per deck (absent: 0). */
  newCursors: Map<string, number>;
  /**
   * The slug of each deck the learner may author (the review screen's "edit this card" link): a
   * hint for the screen only; the authoring pages check the rule again (canAuthorDeck).
   */
  authorSlugs: Map<string, string>;
}

function parseWeights(text: string | null): number[] | null {
  if (!text) return null;
  try {
    const w = JSON.parse(text) as unknown;
    return Array.isArray(w) && w.every((x) => typeof x === "number") ? (w as number[]) : null;
  } catch {
    return null;
  }
}

/**
 * The learner's day settings and, for each deck, the resolved review settings and the learner's
 * new-card cursor, in one query. Throws NOT_FOUND for an unknown deck and for a deck the learner may
 * not review (deck.review), without telling them apart.
 */
export async function loadLearnerContext(
  db: SqlReader,
  userId: string,
  deckIds: string[],
  notFound: (deckId: string) => AppError = deckNotFound,
): Promise<LearnerContext> {
  if (deckIds.length === 0) {
    const rows = await sqlRunnerOf(db).query(sql`
      SELECT ls."timeZone", ls."dayStartHour", ls.locale FROM "LearnerSettings" ls
      WHERE ls."userId" = ${userId}`);
    return contextFromRows([], rows);
  }
  const rows = await sqlRunnerOf(db).query(sql`
    SELECT ${contextColumns(userId)} FROM "Deck" d ${contextJoins(userId)}
    WHERE d.id IN (${sql.join(deckIds)})
    ORDER BY d.id, gd."groupId"`);
  return contextFromRows(deckIds, rows, notFound);
}

const PRESET_COLUMNS = [
  "id",
  "desiredRetention",
  "newPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "maximumInterval",
  "enableFuzz",
  "leechThreshold",
  "leechAction",
  "easyBelowMs",
  "hardAfterMs",
  "learnerOverridable",
] as const;

export const presetColumns = (alias: "gp" | "dp") =>
  sql.raw(PRESET_COLUMNS.map((c) => `${alias}."${c}" AS "${alias}_${c}"`).join(", "));

/** The context's columns, for a query whose FROM has the deck as `d` followed by contextJoins. */
export function contextColumns(userId: string) {
  return sql`d.id AS "deckId", d.slug AS "deckSlug", gd."groupId" AS "groupId",
    ${deckAccessSql("deck.author", userId, sql.raw("d.id"))} AS "canAuthor",
    ${presetColumns("gp")}, ${presetColumns("dp")},
    ls."timeZone", ls."dayStartHour", ls.locale, ls.overrides, p."newCursor",
    (SELECT f.parameters FROM "FsrsParameters" f WHERE f."userId" = ${userId}
      ORDER BY f."fittedAt" DESC LIMIT 1) AS "learnerParams",
    (SELECT f.parameters FROM "FsrsParameters" f WHERE f."groupId" = gd."groupId"
      ORDER BY f."fittedAt" DESC LIMIT 1) AS "groupParams"`;
}

/**
 * The learner's links to deck `d` (through the groups where the deck rule lets them review it),
 * presets, settings, cursor. No link: the learner may not review the deck.
 */
export function contextJoins(userId: string) {
  return sql`LEFT JOIN "GroupDeck" gd ON gd."deckId" = d.id
      AND ${memberMaySql("deck.review", userId, sql.raw('gd."groupId"'))}
    LEFT JOIN "DeckPreset" gp ON gp.id = gd."presetId"
    LEFT JOIN "DeckPreset" dp ON dp.id = d."presetId"
    LEFT JOIN "LearnerSettings" ls ON ls."userId" = ${userId}
    LEFT JOIN "LearnerDeckProgress" p ON p."userId" = ${userId} AND p."deckId" = d.id`;
}

export type ContextRow = Record<string, unknown>;

function presetOf(row: ContextRow, alias: "gp" | "dp"): PresetRow | null {
  if (row[`${alias}_id`] === null || row[`${alias}_id`] === undefined) return null;
  const v = (c: string) => row[`${alias}_${c}`];
  return {
    id: String(v("id")),
    desiredRetention: Number(v("desiredRetention")),
    newPerDay: Number(v("newPerDay")),
    reviewsPerDay: Number(v("reviewsPerDay")),
    learningSteps: String(v("learningSteps")),
    relearningSteps: String(v("relearningSteps")),
    maximumInterval: Number(v("maximumInterval")),
    enableFuzz: bool(v("enableFuzz")),
    leechThreshold: Number(v("leechThreshold")),
    leechAction: String(v("leechAction")),
    easyBelowMs: Number(v("easyBelowMs")),
    hardAfterMs: Number(v("hardAfterMs")),
    learnerOverridable: String(v("learnerOverridable")),
  };
}

/** The error for a deck that is missing or that the learner may not review (the same one). */
export function deckNotFound(deckId: string): AppError {
  return new AppError("NOT_FOUND", `deck ${deckId} does not exist`, {
    field: "deckId",
    key: "deckNotFound",
  });
}

/** The error for a card that is missing or whose deck the learner may not review (the same one). */
export function cardNotFound(cardId: string): AppError {
  return new AppError("NOT_FOUND", `card ${cardId} does not exist`, {
    field: "cardId",
    key: "cardNotFound",
  });
}

/**
 * Builds the context from rows ordered by deck, then group id (the first link of a deck wins).
 * `notFound` is thrown for a deck the learner may not review (callers that reached the deck
 * through a card say the card is not found, so the deck's id is not revealed either).
 */
export function contextFromRows(
  deckIds: string[],
  rows: ContextRow[],
  notFound: (deckId: string) => AppError = deckNotFound,
): LearnerContext {
  const first = rows[0];
  const settings =
    first && first.timeZone !== null && first.timeZone !== undefined
      ? {
          timeZone: String(first.timeZone),
          dayStartHour: Number(first.dayStartHour),
          locale: first.locale === null || first.locale === undefined ? null : String(first.locale),
          overrides:
            first.overrides === null || first.overrides === undefined
              ? null
              : String(first.overrides),
        }
      : null;
  const learnerWeights = parseWeights(str(first?.learnerParams));
  const byDeck = new Map<string, ContextRow>();
  for (const r of rows) {
    const id = String(r.deckId);
    if (!byDeck.has(id)) byDeck.set(id, r);
  }
  const out = new Map<string, TReviewSettings>();
  const newCursors = new Map<string, number>();
  const authorSlugs = new Map<string, string>();
  for (const deckId of deckIds) {
    const row = byDeck.get(deckId);
    // A deck the learner may not review answers like a missing one: its existence is not revealed.
    if (!row || row.groupId === null || row.groupId === undefined) throw notFound(deckId);
    if (bool(row.canAuthor)) authorSlugs.set(deckId, String(row.deckSlug));
    if (row.newCursor !== null && row.newCursor !== undefined) {
      newCursors.set(deckId, Number(row.newCursor));
    }
    out.set(
      deckId,
      resolveReviewSettings({
        groupId: String(row.groupId),
        groupPreset: presetOf(row, "gp"),
        deckPreset: presetOf(row, "dp"),
        overridesJson: settings?.overrides ?? null,
        learnerWeights,
        groupWeights: parseWeights(str(row.groupParams)),
      }),
    );
  }
  return {
    day: learnerDayOf(settings),
    locale: settings?.locale ?? null,
    decks: out,
    newCursors,
    authorSlugs,
  };
}

export function schedulerSettings(s: TReviewSettings): SchedulerSettings {
  return {
    desiredRetention: s.desiredRetention,
    maximumInterval: s.maximumInterval,
    enableFuzz: s.enableFuzz,
    learningSteps: s.learningSteps,
    relearningSteps: s.relearningSteps,
    weights: s.weights,
  };
}
