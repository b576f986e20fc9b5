// The offline review's two JSON endpoints, framework-free like review-api.ts: the window of
// upcoming cards (a read) and the batch of reviews given offline.
import "server-only";
import { AppError, renderMarkdownToHtml } from "@strides/content";
import {
  type ExerciseLangChoice,
  getReviewWindow,
  listDeckIdsForUser,
  submitReviewBatch,
} from "@strides/db";
import { shownCardView } from "@/features/review/review-steps";
import { type ApiResult, validate } from "@/lib/api-core";
import { db } from "@/lib/db";
import {
  type TBatchOutcomeView,
  type TReviewBatchResult,
  type TReviewWindowView,
  ZReviewBatchBody,
  ZWindowQuery,
} from "./schema";

/** GET /api/v1/review/window?deck=ID: today's cards (up to 200) and the next day's first 20. */
export async function getWindow(
  userId: string,
  params: Record<string, string>,
  now: Date,
  langs: ExerciseLangChoice = {},
): Promise<ApiResult> {
  const query = ZWindowQuery.safeParse(params);
  if (!query.success) throw new AppError("BAD_INPUT", "deck: must be a deck id", { field: "deck" });
  const deckIds = query.data.deck ? [query.data.deck] : await listDeckIdsForUser({ db, userId });
  const w = await getReviewWindow({ db, userId, deckIds, now, ...langs });
  const body: TReviewWindowView = {
    userId,
    generatedAt: w.generatedAt.toISOString(),
    dayEnd: w.today.end.toISOString(),
    counts: w.counts,
    cards: w.cards.map((c) => ({
      card: shownCardView(c),
      day: c.day,
      from: c.from.toISOString(),
      check: c.variant
        ? {
            lang: c.variant.lang,
            expected: c.variant.expected,
            mistakes: c.variant.mistakes ?? [],
            answer: c.variant.answer,
            solutionHtml: renderMarkdownToHtml(c.variant.solution),
            easyBelowMs: c.easyBelowMs,
            hardAfterMs: c.hardAfterMs,
            isNew: c.card.queue === "new",
            retention: c.desiredRetention,
          }
        : null,
    })),
  };
  return { status: 200, body };
}

const ACCESS_CODES = new Set(["NOT_FOUND", "FORBIDDEN"]);

/**
 * POST /api/v1/reviews/batch: each review scheduled at its own time, in order, exactly once. 200
 * with one outcome per review; when every review was refused for access (cards of others, unknown
 * cards), the status the single endpoint gives (404/403) with the same outcomes.
 */
export async function postReviewBatch(
  userId: string,
  raw: unknown,
  now: Date,
  langs: ExerciseLangChoice = {},
): Promise<ApiResult> {
  const body = validate(raw, ZReviewBatchBody);
  if (body.forUser !== undefined && body.forUser !== userId) {
    throw new AppError("CONFLICT", "these reviews were given by another account: sign in as it", {
      field: "forUser",
      key: "otherAccount",
    });
  }
  const r = await submitReviewBatch({
    db,
    userId,
    ...langs,
    reviews: body.reviews.map((x) => ({
      requestId: x.requestId,
      cardId: x.cardId,
      ...(x.rating !== undefined ? { rating: x.rating } : {}),
      ...(x.answer !== undefined ? { answer: x.answer } : {}),
      durationMs: x.durationMs,
      reviewedAt: new Date(x.reviewedAt),
    })),
    ...(body.sentAt ? { sentAt: new Date(body.sentAt) } : {}),
    now,
  });
  const outcomes: TBatchOutcomeView[] = r.outcomes.map((o) =>
    o.status === "refused"
      ? {
          requestId: o.requestId,
          cardId: o.cardId,
          status: o.status,
          reviewedAt: o.reviewedAt.toISOString(),
          reason: o.reason,
        }
      : {
          requestId: o.requestId,
          cardId: o.cardId,
          status: o.status,
          reviewedAt: o.reviewedAt.toISOString(),
          dueAfter: o.dueAfter.toISOString(),
          correct: o.correct,
        },
  );
  const result: TReviewBatchResult = { skewMs: r.skewMs, outcomes };
  const denied = outcomes.every((o) => o.reason && ACCESS_CODES.has(o.reason.code));
  const first = outcomes[0]?.reason;
  if (denied && first) {
    const status = first.code === "FORBIDDEN" ? 403 : 404;
    return { status, body: { error: first, ...result } };
  }
  return { status: 200, body: result };
}
