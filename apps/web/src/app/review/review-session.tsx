"use client";
// The review screen: shows server-rendered card HTML, handles the keyboard, and talks to the JSON
// API (one POST per rating returns the next card). No KaTeX or Markdown code runs in the browser.
import { useFormatter, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { OfflineStatus, useReviewTransport } from "@/features/offline/offline-status";
import type { TExerciseCheckView, TRatingValue, TReviewStep } from "@/features/review/schema";
import { apiErrorText } from "@/lib/api-error-text";
import {
  CardPane,
  type Phase,
  RATING_KEYS,
  RATINGS,
  type SessionTally,
  Summary,
} from "./review-card";

function requestId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)
  );
}

function isActivatable(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.tagName === "BUTTON" || target.tagName === "A" || target.tagName === "SUMMARY")
  );
}

/** Proposed rating for a list-recall card from the share of items ticked. */
function ratingFromTicks(ticked: number, total: number): TRatingValue {
  if (total === 0 || ticked === total) return 3;
  return ticked / total >= 0.5 ? 2 : 1;
}

export function ReviewSession({ initial, deck }: { initial: TReviewStep; deck: string | null }) {
  const t = useTranslations("review");
  const tErrors = useTranslations("errors");
  const format = useFormatter();
  const [step, setStep] = useState<TReviewStep>(initial);
  // The JSON API, or the offline window and queue when there is no connection.
  const transport = useReviewTransport(deck, setStep);
  const [phase, setPhase] = useState<Phase>("question");
  const [answer, setAnswer] = useState("");
  const [check, setCheck] = useState<TExerciseCheckView | null>(null);
  const [ticks, setTicks] = useState<boolean[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const [tally, setTally] = useState<SessionTally>({
    reviews: 0,
    passed: 0,
    exercises: 0,
    exercisesCorrect: 0,
    timeMs: 0,
  });
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const card = step.card;
  // Set once hydrated: the keyboard handlers and the focus below only exist from then on.
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);

  // A new card: reset the per-card state and put the focus where the keyboard works.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the card changes
  useEffect(() => {
    shownAt.current = performance.now();
    setPhase("question");
    setAnswer("");
    setCheck(null);
    setTicks(card?.items ? card.items.map(() => false) : []);
    if (card?.kind === "exercise") inputRef.current?.focus();
    else cardRef.current?.focus();
  }, [card?.id]);

  const proposed: TRatingValue | null = useMemo(() => {
    if (!card || phase !== "answer") return null;
    if (check) return check.proposedRating;
    if (card.kind === "listRecall")
      return ratingFromTicks(ticks.filter(Boolean).length, ticks.length);
    return null;
  }, [card, phase, check, ticks]);

  const run = useCallback(
    async (fn: () => Promise<void>) => {
      setBusy(true);
      setError(null);
      try {
        await fn();
      } catch (e) {
        setError(
          apiErrorText(e, tErrors, (d) =>
            format.dateTime(d, {
              dateStyle: "medium",
              timeStyle: "short",
              // The interface formats in UTC by default; a due time is read on the learner's clock.
              timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
            }),
          ),
        );
      } finally {
        setBusy(false);
      }
    },
    [tErrors, format],
  );

  const reveal = useCallback(() => {
    if (card && phase === "question" && card.kind !== "exercise") setPhase("answer");
  }, [card, phase]);

  const checkAnswer = useCallback(() => {
    if (card?.kind !== "exercise" || busy || answer.trim() === "") return;
    void run(async () => {
      const result: TExerciseCheckView = await transport.check({
        cardId: card.id,
        answer,
        durationMs: Math.round(performance.now() - shownAt.current),
      });
      setCheck(result);
      setPhase("answer");
      setStatus(result.correct ? t("correct") : t("incorrect"));
      cardRef.current?.focus();
    });
  }, [card, busy, answer, run, t, transport]);

  const rate = useCallback(
    (rating: TRatingValue) => {
      if (!card || phase !== "answer" || busy) return;
      const durationMs = Math.round(performance.now() - shownAt.current);
      const before = step;
      const upcoming = step.upcoming;
      const optimistic = !!upcoming && upcoming.id !== card.id;
      if (upcoming && optimistic) {
        // Show the expected next card at once; the server's answer below confirms or replaces it.
        const counts = { ...step.counts };
        counts[card.queue] = Math.max(0, counts[card.queue] - 1);
        setStep({ card: upcoming, counts, nextDue: null, upcoming: null });
      }
      void run(async () => {
        const body = {
          requestId: requestId(),
          cardId: card.id,
          rating,
          ...(card.kind === "exercise" && answer.trim() !== "" ? { answer } : {}),
          durationMs,
        };
        const result = await transport.submit(body, card.queue).catch((e: unknown) => {
          if (optimistic) setStep(before); // not recorded: back to the card that was rated
          throw e;
        });
        setTally((s) => ({
          reviews: s.reviews + 1,
          passed: s.passed + (rating > 1 ? 1 : 0),
          exercises: s.exercises + (result.review.correct === null ? 0 : 1),
          exercisesCorrect: s.exercisesCorrect + (result.review.correct ? 1 : 0),
          timeMs: s.timeMs + durationMs,
        }));
        setStatus(t("rated", { rating: t(RATING_KEYS[rating - 1] ?? "good") }));
        setStep(result.next);
      });
    },
    [card, phase, busy, run, answer, t, step, transport],
  );

  const undo = useCallback(() => {
    if (busy) return;
    void run(async () => {
      const result = await transport.undo();
      setTally((s) => ({ ...s, reviews: Math.max(0, s.reviews - 1) }));
      setStatus(t("undone"));
      setStep(result.next);
    });
  }, [busy, run, t, transport]);

  const setAside = useCallback(
    (how: "suspend" | "bury") => {
      if (!card || busy) return;
      void run(async () => {
        const next = await transport.setAside(card.id, how);
        setStatus(how === "suspend" ? t("suspended") : t("buried"));
        setStep(next);
      });
    },
    [card, busy, run, t, transport],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey) return;
      if ((e.ctrlKey && e.key.toLowerCase() === "z") || (!e.ctrlKey && e.key === "u")) {
        if (isTyping(e.target)) return;
        e.preventDefault();
        undo();
        return;
      }
      if (e.ctrlKey || !card) return;
      if (isTyping(e.target)) {
        if (e.key === "Enter" && phase === "question") {
          e.preventDefault();
          checkAnswer();
        }
        return;
      }
      if (phase === "question") {
        if ((e.key === " " || e.key === "Enter") && !isActivatable(e.target)) {
          e.preventDefault();
          reveal();
        }
      } else if (RATINGS.includes(Number(e.key) as TRatingValue) && e.key.length === 1) {
        e.preventDefault();
        rate(Number(e.key) as TRatingValue);
      } else if (e.key === "Enter" && proposed !== null && !isActivatable(e.target)) {
        e.preventDefault();
        rate(proposed);
      }
      if (e.key === "@") setAside("suspend");
      else if (e.key === "-") setAside("bury");
      else if (e.key === "e" && card.editHref) window.location.assign(card.editHref);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [card, phase, proposed, reveal, rate, undo, checkAnswer, setAside]);

  const counts = (
    <section className="review-counts" aria-label={t("remaining")} data-testid="counts">
      <span className="count-new">
        {t("new")} <strong>{step.counts.new}</strong>
      </span>
      <span className="count-learning">
        {t("learning")} <strong>{step.counts.learning}</strong>
      </span>
      <span className="count-review">
        {t("due")} <strong>{step.counts.review}</strong>
      </span>
    </section>
  );

  return (
    <div className="review" aria-busy={busy} data-ready={ready || undefined}>
      <div className="review-bar">
        {counts}
        <div className="review-tools">
          <button
            type="button"
            onClick={undo}
            disabled={busy || tally.reviews === 0}
            aria-keyshortcuts="u Control+Z"
          >
            {t("undo")} <kbd>u</kbd>
          </button>
          {card ? (
            <>
              <button
                type="button"
                onClick={() => setAside("bury")}
                disabled={busy}
                aria-keyshortcuts="-"
              >
                {t("bury")} <kbd>-</kbd>
              </button>
              <button
                type="button"
                onClick={() => setAside("suspend")}
                disabled={busy}
                aria-keyshortcuts="@"
              >
                {t("suspend")} <kbd>@</kbd>
              </button>
              {card.editHref ? (
                <a className="button" href={card.editHref} aria-keyshortcuts="e">
                  {t("edit")} <kbd>e</kbd>
                </a>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <OfflineStatus transport={transport} />
      <p className="visually-hidden" role="status" aria-live="polite">
        {status}
      </p>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {card ? (
        <CardPane
          card={card}
          phase={phase}
          check={check}
          answer={answer}
          ticks={ticks}
          busy={busy}
          proposed={proposed}
          cardRef={cardRef}
          inputRef={inputRef}
          onAnswer={setAnswer}
          onCheck={checkAnswer}
          onReveal={reveal}
          onTick={(i) => setTicks((ts) => ts.map((v, j) => (j === i ? !v : v)))}
          onRate={rate}
        />
      ) : (
        <Summary tally={tally} nextDue={step.nextDue} />
      )}
    </div>
  );
}
