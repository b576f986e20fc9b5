import {
  getDueForecast,
  getMemoryDistribution,
  getReviewStats,
  listDecksForUser,
} from "@strides/db";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BarPlot, CalendarHeatmap, PercentLinePlot } from "@/components/plots";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function generateMetadata() {
  const t = await getTranslations("stats");
  return { title: `${t("title")} · Strides` };
}

function rangeLabel(from: number, to: number): string {
  return Number.isFinite(to) ? `${from}–${to}` : `≥ ${from}`;
}

export default async function StatsPage({
  searchParams,
}: {
  searchParams: Promise<{ deck?: string; by?: string }>;
}) {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("stats");
  const tNoData = await getTranslations("experience");
  const format = await getFormatter();
  const q = await searchParams;
  const decks = await listDecksForUser({ db, userId: user.id });
  const deck = decks.find((d) => d.id === q.deck);
  const deckIds = deck ? [deck.id] : undefined;
  const now = new Date();
  const [summary, forecast, memory] = await Promise.all([
    getReviewStats({ db, userId: user.id, now, ...(deckIds ? { deckIds } : {}) }),
    getDueForecast({ db, userId: user.id, now, ...(deckIds ? { deckIds } : {}) }),
    getMemoryDistribution({ db, userId: user.id, ...(deckIds ? { deckIds } : {}) }),
  ]);
  const by = q.by === "week" || q.by === "month" ? q.by : "day";
  const retention = summary.retention[by].slice(by === "day" ? -30 : by === "week" ? -26 : -12);
  const last30 = summary.activity.slice(-30);
  const pct = (passed: number, total: number) => (total > 0 ? (passed / total) * 100 : 0);
  const byLabel = { day: t("byDay"), week: t("byWeek"), month: t("byMonth") } as const;
  const tableColumn = { day: t("colDay"), week: t("colWeek"), month: t("colMonth") } as const;
  return (
    <>
      <h1>{t("title")}</h1>
      <form className="filters" method="get">
        <div>
          <label htmlFor="stats-deck">{t("deck")}</label>
          <select id="stats-deck" name="deck" defaultValue={deck?.id ?? ""}>
            <option value="">{t("allDecks")}</option>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="by" value={by} />
        <button type="submit">{t("show")}</button>
      </form>
      <div className="stat-tiles" style={{ marginTop: "1rem" }}>
        <p className="card">
          {t("totalReviews")}
          <strong>{summary.totals.reviews}</strong>
        </p>
        <p className="card">
          {t("totalTime")}
          <strong>
            {/* Tenths under ten minutes: half a minute of study is not "0 min". */}
            {format.number(summary.totals.timeMs / 60000, {
              style: "unit",
              unit: "minute",
              unitDisplay: "short",
              maximumFractionDigits: summary.totals.timeMs < 600_000 ? 1 : 0,
            })}
          </strong>
        </p>
        <p className="card">
          {t("activeDays")}
          <strong>{summary.totals.activeDays}</strong>
        </p>
        <p className="card">
          {t("streak")}
          <strong>{summary.streak.current}</strong>
        </p>
        <p className="card">
          {t("cardsStudied")}
          <strong>{memory.cards}</strong>
        </p>
      </div>
      <CalendarHeatmap
        id="heatmap"
        title={t("heatmapTitle")}
        desc={t("heatmapDesc")}
        tableLabel={t("table")}
        columns={[t("colDay"), t("colReviews")]}
        days={summary.activity}
      />
      <nav aria-label={t("retentionTitle")} className="review-tools">
        {(["day", "week", "month"] as const).map((b) => (
          <a
            key={b}
            className="button"
            aria-current={b === by ? "page" : undefined}
            href={`/stats?${new URLSearchParams({ ...(deck ? { deck: deck.id } : {}), by: b }).toString()}`}
          >
            {byLabel[b]}
          </a>
        ))}
      </nav>
      <PercentLinePlot
        empty={tNoData("noDataYet")}
        id="retention"
        title={`${t("retentionTitle")} (${byLabel[by]})`}
        desc={t("retentionDesc")}
        tableLabel={t("table")}
        columns={[tableColumn[by], t("colPassed")]}
        data={retention.map((r) => ({
          label: r.key,
          value: pct(r.passed, r.total),
          display: `${Math.round(pct(r.passed, r.total))}% (${r.passed} / ${r.total})`,
        }))}
      />
      <BarPlot
        empty={tNoData("noDataYet")}
        id="forecast"
        title={t("forecastTitle")}
        desc={t("forecastDesc")}
        tableLabel={t("table")}
        columns={[t("colDay"), t("colDue")]}
        data={forecast.map((f) => ({ label: f.key, value: f.due }))}
        format={(v) => String(Math.round(v))}
      />
      <BarPlot
        empty={tNoData("noDataYet")}
        id="stability"
        title={t("stabilityTitle")}
        desc={t("stabilityDesc")}
        tableLabel={t("table")}
        columns={[t("colRange"), t("colCards")]}
        data={memory.stability.map((b) => ({ label: rangeLabel(b.from, b.to), value: b.count }))}
        format={(v) => String(Math.round(v))}
      />
      <BarPlot
        empty={tNoData("noDataYet")}
        id="difficulty"
        title={t("difficultyTitle")}
        desc={t("difficultyDesc")}
        tableLabel={t("table")}
        columns={[t("colRange"), t("colCards")]}
        data={memory.difficulty.map((b) => ({
          label: Number.isFinite(b.to) ? String(b.from) : `${b.from}`,
          value: b.count,
        }))}
        format={(v) => String(Math.round(v))}
      />
      <BarPlot
        empty={tNoData("noDataYet")}
        id="time"
        title={t("timeTitle")}
        desc={t("timeDesc")}
        tableLabel={t("table")}
        columns={[t("colDay"), t("colMinutes")]}
        data={last30.map((d) => ({ label: d.key, value: d.timeMs / 60000 }))}
        format={(v) => String(Math.round(v * 10) / 10)}
      />
    </>
  );
}
