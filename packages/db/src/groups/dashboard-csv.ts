// The dashboard's tables as CSV (the one writer: formula cells are neutralised).
import { csvText } from "../csv/write-csv.ts";
import type { CardRow, MemberRow } from "./get-group-dashboard.ts";

export function membersCsv(members: readonly MemberRow[]): string {
  return csvText(
    [
      "name",
      "email",
      "role",
      "due_today",
      "overdue",
      "reviews_7d",
      "reviews_30d",
      "true_retention",
      "last_active",
    ],
    members.map((m) => [
      m.name,
      m.email,
      m.role,
      m.dueToday,
      m.overdue,
      m.reviews7,
      m.reviews30,
      m.trueRetention === null ? "" : m.trueRetention.toFixed(3),
      m.lastActive,
    ]),
  );
}

export function cardsCsv(cards: readonly CardRow[]): string {
  return csvText(
    ["card_id", "deck", "card", "reviews", "again_rate", "lapse_rate", "avg_seconds"],
    cards.map((c) => [
      c.cardId,
      c.deckSlug,
      c.text,
      c.reviews,
      c.againRate.toFixed(3),
      c.lapseRate.toFixed(3),
      (c.avgMs / 1000).toFixed(1),
    ]),
  );
}
