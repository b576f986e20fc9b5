import "katex/dist/katex.min.css";
import { getGeneratorInfo, isAppError } from "@strides/content";
import { getCardDetail } from "@strides/db";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { renderCardView } from "@/features/review/render-card-view";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

function Html({ html }: { html: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: escaped HTML rendered on the server from card Markdown
  return <div dangerouslySetInnerHTML={{ __html: html }} />;
}

const STATE_KEYS = ["stateNew", "stateLearning", "stateReview", "stateLearning"] as const;
const RATING_KEYS = ["again", "hard", "good", "easy"] as const;

export default async function CardPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const { id } = await params;
  const card = await getCardDetail({ db, userId: user.id, cardId: id }).catch((e: unknown) => {
    if (isAppError(e) && e.code === "NOT_FOUND") notFound();
    throw e;
  });
  const t = await getTranslations("cards");
  const tr = await getTranslations("review");
  const tx = await getTranslations("experience");
  // Dates on the viewer's clock and in the page's language (i18n/request.ts).
  const format = await getFormatter();
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const fmt = { format: (d: Date) => format.dateTime(d, "when") };
  const seconds = (ms: number) =>
    format.number(ms / 1000, {
      style: "unit",
      unit: "second",
      unitDisplay: "narrow",
      maximumFractionDigits: 1,
    });
  const content = JSON.parse(card.content) as { kind?: string; generator?: string };
  const view = renderCardView({
    id: card.id,
    deckId: card.deckId,
    kind: card.kind,
    content,
    context: card.context,
    tags: card.tags,
    queue: "new",
    notePath: card.note?.path ?? null,
    lineStart: card.lineStart,
    lineEnd: card.lineEnd,
    intervals: [],
    exercise: null,
    editHref: null,
    lang,
  });
  const s = card.state;
  return (
    <>
      <p>
        <Link href="/cards">← {t("back")}</Link>
      </p>
      <h1 className="visually-hidden">{t("title")}</h1>
      <article className="card review-card">
        <header className="review-context">
          <span className="muted">{view.context.join(" › ")}</span>
          <a className="muted" href={view.source.href}>
            {card.deck.name}
            {card.note ? ` · ${card.note.path}${card.lineStart ? `:${card.lineStart}` : ""}` : ""}
          </a>
        </header>
        <h2 className="small muted">{t("front")}</h2>
        {view.frontHtml ? <Html html={view.frontHtml} /> : null}
        {content.kind === "exercise" ? (
          <p>
            {t("exercise", {
              generator:
                getGeneratorInfo(content.generator ?? "")?.title[lang] ?? content.generator ?? "",
            })}
          </p>
        ) : null}
        {view.backHtml || view.items ? (
          <>
            <h2 className="small muted">{t("answer")}</h2>
            {view.items ? (
              <ul>
                {view.items.map((i) => (
                  <li key={i.html}>
                    <Html html={i.html} />
                  </li>
                ))}
              </ul>
            ) : null}
            {view.backHtml ? <Html html={view.backHtml} /> : null}
            {view.extraHtml ? <Html html={view.extraHtml} /> : null}
          </>
        ) : null}
        {view.tags.length > 0 ? (
          <div className="tags">
            {view.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </div>
        ) : null}
      </article>
      <section aria-labelledby="schedule-title">
        <h2 id="schedule-title">{t("schedule")}</h2>
        {s ? (
          <dl
            className="summary"
            data-testid="schedule"
            style={{ display: "grid", gridTemplateColumns: "auto 1fr", gap: "0.25rem 1rem" }}
          >
            <dt>{t("state")}</dt>
            <dd>
              {s.suspended ? t("isSuspended") : t(STATE_KEYS[s.state] ?? "stateNew")}
              {s.leech ? ` · ${t("isLeech")}` : ""}
            </dd>
            <dt>{t("colDue")}</dt>
            <dd>{s.state === 0 ? "—" : fmt.format(s.due)}</dd>
            <dt>{t("stability")}</dt>
            <dd>{t("days", { days: Math.round(s.stability * 10) / 10 })}</dd>
            <dt>{t("difficulty")}</dt>
            <dd>{Math.round(s.difficulty * 100) / 100}</dd>
            <dt>{t("reps")}</dt>
            <dd>{s.reps}</dd>
            <dt>{t("lapses")}</dt>
            <dd>{s.lapses}</dd>
            <dt>{t("lastReview")}</dt>
            <dd>{s.lastReview ? fmt.format(s.lastReview) : "—"}</dd>
          </dl>
        ) : (
          <p className="muted">{t("notStudied")}</p>
        )}
      </section>
      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("history")}</h2>
        {card.history.length === 0 ? (
          <p className="muted">{t("noHistory")}</p>
        ) : (
          <div className="table-scroll">
            <table data-testid="history">
              <thead>
                <tr>
                  <th scope="col">{t("colWhen")}</th>
                  <th scope="col">{t("colRating")}</th>
                  <th scope="col">{t("colInterval")}</th>
                  <th scope="col">{t("colDue")}</th>
                  <th scope="col">{t("colTime")}</th>
                  <th scope="col">{t("colCorrect")}</th>
                  <th scope="col">{tx("colAnswer")}</th>
                </tr>
              </thead>
              <tbody>
                {card.history.map((h) => (
                  <tr key={h.id}>
                    <td>{fmt.format(h.reviewedAt)}</td>
                    <td>{tr(RATING_KEYS[h.rating - 1] ?? "good")}</td>
                    <td>{t("days", { days: h.scheduledDays })}</td>
                    <td>{fmt.format(h.dueAfter)}</td>
                    <td>{seconds(h.durationMs)}</td>
                    <td>{h.correct === null ? "—" : h.correct ? "✓" : "✗"}</td>
                    <td data-testid="history-answer">{h.answer ? <code>{h.answer}</code> : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
