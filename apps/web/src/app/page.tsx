import {
  countDueToday,
  DEMO_ACCOUNTS,
  getDeckSummaryBySlug,
  getDueForecast,
  getReviewStats,
} from "@strides/db";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BarPlot } from "@/components/plots";
import { listDeckOverview } from "@/features/review/review-steps";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

const DEMO_DECK_SLUG = "dl-basic-cnn";

export default async function HomePage() {
  const t = await getTranslations("home");
  const user = await getSessionUser();
  if (!user) {
    const demoDeck =
      env.STRIDES_DEMO === "1" ? await getDeckSummaryBySlug({ db, slug: DEMO_DECK_SLUG }) : null;
    const ta = await getTranslations("app");
    return (
      <>
        <h1>{ta("name")}</h1>
        <p className="muted">{ta("tagline")}</p>
        {demoDeck ? (
          <section className="card" aria-labelledby="demo-title">
            <h2 id="demo-title">{t("demoTitle")}</h2>
            <p>
              {t("demoDeck")}: <strong data-testid="demo-deck">{demoDeck.name}</strong> —{" "}
              {t("cards", { count: demoDeck.cardCount })}
            </p>
            <p>{t("demoSignIn")}</p>
            <ul>
              <li>
                <code>{DEMO_ACCOUNTS.learner.email}</code>
              </li>
              <li>
                <code>{DEMO_ACCOUNTS.instructor.email}</code>
              </li>
            </ul>
            <Link className="button primary" href="/sign-in">
              {(await getTranslations("nav"))("signIn")}
            </Link>
          </section>
        ) : null}
      </>
    );
  }
  const now = new Date();
  const [decks, dueToday, stats, forecast, td] = await Promise.all([
    listDeckOverview({ userId: user.id, now }),
    countDueToday({ db, userId: user.id, now }),
    getReviewStats({ db, userId: user.id, now, days: 30 }),
    getDueForecast({ db, userId: user.id, now, days: 30 }),
    getTranslations("dashboard"),
  ]);
  const ts = await getTranslations("stats");
  const tr = await getTranslations("review");
  const tx = await getTranslations("experience");
  const tNoData = tx;
  // "Due today" is countDueToday's (the review queue's, the forecast's and the dashboard's too).
  const total = dueToday.due + dueToday.new;
  const today = stats.activity.at(-1)?.reviews ?? 0;
  return (
    <>
      <h1>{td("title")}</h1>
      <div className="stat-tiles">
        <p className="card">
          {td("streak")}
          <strong data-testid="streak">{td("streakDays", { count: stats.streak.current })}</strong>
          <span className="muted small">{td("longest", { count: stats.streak.longest })}</span>
        </p>
        <p className="card">
          {td("reviewsToday")}
          <strong>{today}</strong>
        </p>
        <p className="card">
          {td("dueToday")}
          <strong data-testid="due-total">{dueToday.due}</strong>
          <span className="muted small" data-testid="new-today">
            {tx("newToday", { count: dueToday.new })}
          </span>
        </p>
      </div>
      <p>
        {total > 0 ? (
          <Link className="button primary" href="/review" data-testid="start-review">
            {td("start")}
          </Link>
        ) : (
          <span className="muted">{td("allDone")}</span>
        )}
      </p>
      <h2>{t("decks")}</h2>
      {decks.length === 0 ? <p>{t("noDecks")}</p> : null}
      <div className="grid">
        {decks.map((deck) => (
          <section key={deck.id} className="card" aria-labelledby={`deck-${deck.id}`}>
            <h3 id={`deck-${deck.id}`}>
              <Link href={`/review?deck=${encodeURIComponent(deck.id)}`}>{deck.name}</Link>
            </h3>
            <p className="muted">{deck.description}</p>
            <p>{t("cards", { count: deck.cardCount })}</p>
            <p className="deck-counts review-counts" data-testid={`deck-counts-${deck.slug}`}>
              <span className="count-new">
                {tr("new")} <strong>{deck.counts.new}</strong>
              </span>
              <span className="count-learning">
                {tr("learning")} <strong>{deck.counts.learning}</strong>
              </span>
              <span className="count-review">
                {tr("due")} <strong>{deck.counts.review}</strong>
              </span>
            </p>
            <Link className="button" href={`/review?deck=${encodeURIComponent(deck.id)}`}>
              {td("startDeck", { deck: deck.name })}
            </Link>
          </section>
        ))}
      </div>
      <BarPlot
        empty={tNoData("noDataYet")}
        id="forecast"
        title={td("forecastTitle")}
        desc={ts("forecastDesc")}
        tableLabel={ts("table")}
        columns={[ts("colDay"), ts("colDue")]}
        data={forecast.map((f) => ({ label: f.key, value: f.due }))}
        format={(v) => String(Math.round(v))}
      />
    </>
  );
}
