"use client";
// The review screen: shows server-rendered card HTML, handles the keyboard, and talks to the JSON
// API (one POST per rating returns the next card). No KaTeX or Markdown code runs in the browser.
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { OfflineStatus, useReviewTransport } from "@/features/offline/offline-status";
import { keyTargetOf, type ReviewKeyAction, reviewKeyAction } from "@/features/review/review-keys";
import type { TExerciseCheckView, TRatingValue, TReviewStep } from "@/features/review/schema";
import { type RatedEntry, summarize, withoutUndone } from "@/features/review/session-tally";
import { formatWhen } from "@/i18n/pick-locale";
import { apiErrorText } from "@/lib/api-error-text";
import { KeyMapOverlay } from "./key-map-overlay";
import { CardPane, type Phase, RATING_KEYS, Summary } from "./review-card";

function requestId(): string {
  return typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12)}`;
}

/** Proposed rating for a list-recall card from the share of items ticked. */
function ratingFromTicks(ticked: number, total: number): TRatingValue {
  if (total === 0 || ticked === total) return 3;
  return ticked / total >= 0.5 ? 2 : 1;
}

export function ReviewSession({
  initial,
  deck,
  viewer,
}: {
  initial: TReviewStep;
  deck: string | null;
  /** The signed-in account's id: offline data of another account on this device is not used. */
  viewer: string;
}) {
  const t = useTranslations("review");
  const tErrors = useTranslations("errors");
  const tx = useTranslations("experience");
  // Intl directly, not next-intl's formatter: the review page's first load stays small.
  const locale = useLocale();
  const timeZone = useTimeZone();
  const [step, setStep] = useState<TReviewStep>(initial);
  // The JSON API, or the offline window and queue when there is no connection.
  const transport = useReviewTransport(viewer, deck, setStep);
  const [phase, setPhase] = useState<Phase>("question");
  const [answer, setAnswer] = useState("");
  const [unreadable, setUnreadable] = useState(false);
  const [check, setCheck] = useState<TExerciseCheckView | null>(null);
  const [ticks, setTicks] = useState<boolean[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  // Ratings of this session that stand (an undone one is removed): the summary counts these.
  const [rated, setRated] = useState<RatedEntry[]>([]);
  const tally = useMemo(() => summarize(rated), [rated]);
  const [helpOpen, setHelpOpen] = useState(false);
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const gradeRef = useRef<HTMLFieldSetElement>(null);
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
    setUnreadable(false);
    setCheck(null);
    setTicks(card?.items ? card.items.map(() => false) : []);
    if (card?.kind === "exercise") inputRef.current?.focus();
    else cardRef.current?.focus();
  }, [card?.id]);

  // The answer is shown: the focus goes to the grading controls (a list's first item to tick, else
  // the ratings), so the first Tab does not land on the card's source link and a click on "Show
  // answer" (which leaves the page) does not drop the focus to the document.
  // Only on the change of phase: a new card resets the phase to "question" in the effect above.
  useEffect(() => {
    if (phase !== "answer") return;
    const firstItem = cardRef.current?.querySelector<HTMLInputElement>(".recall-items input");
    if (firstItem) firstItem.focus();
    else gradeRef.current?.focus();
  }, [phase]);

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
          // A due time on the learner's clock (the provider's time zone is theirs).
          apiErrorText(e, tErrors, (d) => formatWhen(d, locale, timeZone)),
        );
      } finally {
        setBusy(false);
      }
    },
    [tErrors, locale, timeZone],
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
      // An answer the checker could not read ("abc" for an integer) is not graded: the learner
      // is told the expected format and answers again, the solution still hidden.
      if (!result.correct && result.understood === null) {
        setUnreadable(true);
        setStatus(t("unreadable", { format: card.exercise?.answerFormat ?? "" }));
        return;
      }
      setCheck(result);
      setPhase("answer");
      setStatus(result.correct ? t("correct") : t("incorrect"));
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
        if (!result.review.duplicate) {
          setRated((list) => [
            ...list,
            {
              cardId: card.id,
              rating,
              // Offline the server has not checked yet: the browser's check is the answer's.
              correct:
                result.review.correct ??
                (card.kind === "exercise" ? (check?.correct ?? null) : null),
              durationMs,
            },
          ]);
        }
        setStatus(t("rated", { rating: t(RATING_KEYS[rating - 1] ?? "good") }));
        setStep(result.next);
      });
    },
    [card, phase, busy, run, answer, t, step, transport, check],
  );

  const undo = useCallback(() => {
    if (busy) return;
    void run(async () => {
      const result = await transport.undo();
      setRated((list) => withoutUndone(list, result.undone));
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

  // The key map (features/review/review-keys.ts): the same keys on every card kind.
  useEffect(() => {
    const perform = (a: ReviewKeyAction) => {
      switch (a.type) {
        case "undo":
          return undo();
        case "check":
          return checkAnswer();
        case "leaveInput":
          return cardRef.current?.focus();
        case "focusAnswer":
          return inputRef.current?.focus();
        case "reveal":
          return reveal();
        case "rate":
          return rate(a.rating);
        case "acceptProposed":
          return proposed === null ? undefined : rate(proposed);
        case "suspend":
          return setAside("suspend");
        case "bury":
          return setAside("bury");
        case "edit":
          return card?.editHref ? window.location.assign(card.editHref) : undefined;
        case "cannotEdit":
          return setError(t("cannotEdit"));
        case "toggleHelp":
          return setHelpOpen((o) => !o);
        case "closeHelp":
          return setHelpOpen(false);
      }
    };
    const onKey = (e: KeyboardEvent) => {
      const action = reviewKeyAction(e, keyTargetOf(e.target), {
        hasCard: card !== null,
        kind: card?.kind ?? null,
        phase,
        proposed,
        helpOpen,
        canEdit: !!card?.editHref,
      });
      if (!action) return;
      e.preventDefault();
      perform(action);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [card, phase, proposed, helpOpen, reveal, rate, undo, checkAnswer, setAside, t]);

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
          <button
            type="button"
            onClick={() => setHelpOpen(true)}
            aria-keyshortcuts="?"
            aria-label={tx("keysOpen")}
            title={tx("keysOpen")}
            data-testid="keys-open"
          >
            <kbd>?</kbd>
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
          gradeRef={gradeRef}
          unreadable={unreadable}
          onAnswer={(v) => {
            setAnswer(v);
            setUnreadable(false);
          }}
          onCheck={checkAnswer}
          onReveal={reveal}
          onTick={(i) => setTicks((ts) => ts.map((v, j) => (j === i ? !v : v)))}
          onRate={rate}
        />
      ) : (
        <Summary tally={tally} nextDue={step.nextDue} />
      )}
      {helpOpen ? (
        <KeyMapOverlay onClose={() => setHelpOpen(false)} canEdit={!!card?.editHref} />
      ) : null}
    </div>
  );
}
