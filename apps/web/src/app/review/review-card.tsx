// The card on the review screen and the session's summary: presentational, driven by
// review-session.tsx (which holds the state, the keyboard and the API calls).
import { useLocale, useTimeZone, useTranslations } from "next-intl";
import { formatIntervalLabel } from "@/features/review/interval-label";
import type { TCardView, TExerciseCheckView, TRatingValue } from "@/features/review/schema";
import type { SessionSummary } from "@/features/review/session-tally";
import { formatWhen } from "@/i18n/pick-locale";

export type Phase = "question" | "answer";

export const RATINGS: TRatingValue[] = [1, 2, 3, 4];
export const RATING_KEYS = ["again", "hard", "good", "easy"] as const;

function Html({ html, className }: { html: string; className?: string }) {
  // Server-rendered and escaped by the content package's renderer.
  // biome-ignore lint/security/noDangerouslySetInnerHtml: HTML produced on the server from card Markdown
  return <div className={className} dangerouslySetInnerHTML={{ __html: html }} />;
}

export function CardPane(props: {
  card: TCardView;
  phase: Phase;
  check: TExerciseCheckView | null;
  answer: string;
  ticks: boolean[];
  busy: boolean;
  /** The last answer checked could not be read (not graded): the format is shown as an error. */
  unreadable?: boolean;
  proposed: TRatingValue | null;
  cardRef: React.RefObject<HTMLElement | null>;
  inputRef: React.RefObject<HTMLInputElement | null>;
  /** The ratings, focused when the answer is shown (a list-recall card focuses its first item). */
  gradeRef: React.RefObject<HTMLFieldSetElement | null>;
  onAnswer: (v: string) => void;
  onCheck: () => void;
  onReveal: () => void;
  onTick: (i: number) => void;
  onRate: (r: TRatingValue) => void;
}) {
  const t = useTranslations("review");
  const tx = useTranslations("experience");
  const locale = useLocale();
  const { card, phase, check } = props;
  const revealed = phase === "answer";
  return (
    <>
      <article
        className="review-card card"
        ref={props.cardRef}
        tabIndex={-1}
        data-card-id={card.id}
        data-kind={card.kind}
        data-phase={phase}
        aria-label={t("card")}
      >
        <header className="review-context">
          {card.context.length > 0 ? (
            <span className="muted">{card.context.join(" › ")}</span>
          ) : null}
          <a href={card.source.href} className="muted source-link">
            {card.source.file
              ? `${card.source.file}${card.source.lineStart ? `:${card.source.lineStart}` : ""}`
              : t("source")}
          </a>
        </header>
        {card.frontHtml ? <Html className="card-front" html={card.frontHtml} /> : null}
        {card.exercise ? (
          <div className="exercise">
            <Html className="card-front" html={card.exercise.questionHtml} />
            <label htmlFor="exercise-answer">{t("yourAnswer")}</label>
            <p className="muted small" id="answer-format">
              {card.exercise.answerFormat}
            </p>
            <div className="answer-row">
              <input
                id="exercise-answer"
                ref={props.inputRef}
                value={props.answer}
                onChange={(e) => props.onAnswer(e.target.value)}
                aria-describedby={props.unreadable ? "answer-unreadable" : "answer-format"}
                aria-invalid={props.unreadable ? true : undefined}
                autoComplete="off"
                spellCheck={false}
                readOnly={revealed}
                inputMode="text"
              />
              <button type="button" onClick={props.onCheck} disabled={props.busy || revealed}>
                {t("check")} <kbd>Enter</kbd>
              </button>
            </div>
            {props.unreadable ? (
              <p className="error" id="answer-unreadable" data-testid="answer-unreadable">
                {t("unreadable", { format: card.exercise.answerFormat })}
              </p>
            ) : null}
          </div>
        ) : null}
        {revealed ? (
          <div className="card-back" id="card-answer" data-testid="answer">
            <hr />
            {check ? (
              <div className={check.correct ? "check ok" : "check wrong"} data-testid="check">
                <p>
                  <strong>{check.correct ? t("correct") : t("incorrect")}</strong>
                  {check.correct ? null : (
                    <>
                      {" "}
                      {t("expected")} <code>{check.answer}</code>
                    </>
                  )}
                </p>
                {check.mistake ? <p data-testid="mistake">{check.mistake.message}</p> : null}
                {check.reason ? (
                  <p className="muted small" data-testid="proposed-why">
                    {tx("proposedWhy", {
                      rating: t(RATING_KEYS[check.proposedRating - 1] ?? "good"),
                      reason:
                        check.reason === "firstCorrect"
                          ? tx("whyFirstCorrect", {
                              retention: `${Math.round((check.retention ?? 0.9) * 100)}%`,
                            })
                          : check.reason === "fast"
                            ? tx("whyFast")
                            : check.reason === "slow"
                              ? tx("whySlow")
                              : check.reason === "wrong"
                                ? tx("whyWrong")
                                : tx("whyCorrect"),
                    })}
                  </p>
                ) : null}
                <details open>
                  <summary>{t("solution")}</summary>
                  <Html html={check.solutionHtml} />
                </details>
              </div>
            ) : null}
            {card.items ? (
              <fieldset className="recall-items">
                <legend>{t("tickRecalled")}</legend>
                {card.items.map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items are positional
                  <div key={i} className="recall-item">
                    <input
                      type="checkbox"
                      id={`item-${i}`}
                      checked={props.ticks[i] ?? false}
                      onChange={() => props.onTick(i)}
                    />
                    <label htmlFor={`item-${i}`}>
                      {card.ordered ? `${i + 1}. ` : null}
                      <Html className="inline" html={item.html} />
                    </label>
                    {item.detailHtml ? (
                      <Html className="muted small" html={item.detailHtml} />
                    ) : null}
                  </div>
                ))}
              </fieldset>
            ) : null}
            {card.backHtml ? <Html html={card.backHtml} /> : null}
            {card.extraHtml ? <Html className="muted" html={card.extraHtml} /> : null}
          </div>
        ) : null}
      </article>
      <div className="review-actions">
        {revealed ? (
          // Focused when the answer is shown: a screen reader reads the answer with the group.
          <fieldset
            className="ratings"
            ref={props.gradeRef}
            tabIndex={-1}
            aria-describedby="card-answer"
          >
            <legend className="visually-hidden">{t("rateGroup")}</legend>
            {card.intervals.map((iv) => (
              <button
                key={iv.rating}
                type="button"
                className={`rating rating-${iv.rating}${props.proposed === iv.rating ? " proposed" : ""}`}
                onClick={() => props.onRate(iv.rating)}
                disabled={props.busy}
                aria-keyshortcuts={String(iv.rating)}
                aria-pressed={props.proposed === iv.rating}
                data-rating={iv.rating}
              >
                <span className="rating-name">{t(RATING_KEYS[iv.rating - 1] ?? "good")}</span>
                <span className="rating-interval">
                  {typeof iv.ms === "number" ? formatIntervalLabel(iv.ms, locale) : iv.label}
                </span>
                <kbd>{iv.rating}</kbd>
              </button>
            ))}
          </fieldset>
        ) : card.kind !== "exercise" ? (
          <button
            type="button"
            className="primary reveal"
            onClick={props.onReveal}
            aria-keyshortcuts="Space Enter"
          >
            {t("showAnswer")} <kbd>Space</kbd>
          </button>
        ) : null}
      </div>
    </>
  );
}

export function Summary({ tally, nextDue }: { tally: SessionSummary; nextDue: string | null }) {
  const t = useTranslations("review");
  // Intl directly, not next-intl's formatter (kept out of the review page's first load).
  const locale = useLocale();
  const timeZone = useTimeZone();
  const minutes = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: "minute",
    unitDisplay: "short",
    maximumFractionDigits: 1,
  }).format(tally.timeMs / 60_000);
  const rate =
    tally.reviews > 0
      ? new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(
          tally.passed / tally.reviews,
        )
      : null;
  return (
    <section className="card summary" aria-labelledby="summary-title" data-testid="summary">
      <h2 id="summary-title">{tally.reviews > 0 ? t("doneTitle") : t("nothingDue")}</h2>
      <dl>
        <dt>{t("summaryCards")}</dt>
        <dd>{tally.reviews}</dd>
        <dt>{t("summaryTime")}</dt>
        <dd data-testid="summary-time">{minutes}</dd>
        <dt>{t("summaryCorrect")}</dt>
        <dd data-testid="summary-correct">{rate === null ? "—" : rate}</dd>
        {tally.exercises > 0 ? (
          <>
            <dt>{t("summaryExercises")}</dt>
            <dd data-testid="summary-exercises">
              {tally.exercisesCorrect} / {tally.exercises}
            </dd>
          </>
        ) : null}
        <dt>{t("summaryNextDue")}</dt>
        <dd>
          {nextDue ? (
            // On the learner's clock (the provider's time zone), the same on server and browser.
            <time dateTime={nextDue} data-testid="summary-next-due">
              {formatWhen(new Date(nextDue), locale, timeZone)}
            </time>
          ) : (
            "—"
          )}
        </dd>
      </dl>
      <a className="button" href="/">
        {t("backHome")}
      </a>
    </section>
  );
}
