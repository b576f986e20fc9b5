import "katex/dist/katex.min.css";
import { isAppError } from "@strides/content";
import { DASHBOARD_MEMBER_PAGE_SIZE, getCardFaces, pageSlice } from "@strides/db";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { InTurns } from "@/components/in-turns";
import { Pager } from "@/components/pager";
import { BarPlot } from "@/components/plots";
import { CardFront } from "@/features/cards/card-front";
import { currentActor } from "@/features/groups/actor";
import { Sparkline } from "@/features/groups/sparkline";
import { db } from "@/lib/db";
import { pageHref, requestedPage } from "@/lib/paging";
import { loadDashboard } from "./load-dashboard";

export const dynamic = "force-dynamic";

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ cards?: string; members?: string }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const cardPage = requestedPage(query.cards);
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const loaded = await loadDashboard(actor, slug, cardPage).catch((error: unknown) => {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) notFound();
    throw error;
  });
  const { group, dashboard, computedAt } = loaded;
  const t = await getTranslations("groups");
  const tp = await getTranslations("dashboardPages");
  const { page, pages } = dashboard.cardPage;
  const format = await getFormatter();
  const tx = await getTranslations("experience");
  const ts = await getTranslations("stats");
  const pct = (v: number | null) =>
    v === null ? "—" : format.number(v, { style: "percent", maximumFractionDigits: 0 });
  const lang = (await getLocale()) === "ko" ? "ko" : "en";
  const faces = await getCardFaces({ db, cardIds: dashboard.cards.map((c) => c.cardId) });
  // The member table a page at a time: a school's group would otherwise render every member.
  const {
    items: members,
    page: memberPage,
    pages: memberPages,
  } = pageSlice(dashboard.members, requestedPage(query.members), DASHBOARD_MEMBER_PAGE_SIZE);
  // Each table's links keep the other table's page.
  const shown = { members: String(memberPage), cards: String(page) };
  const href = (key: "members" | "cards") => (p: number) =>
    pageHref(`/groups/${slug}/dashboard`, shown, key, p);
  return (
    <>
      <p>
        <Link href={`/groups/${slug}`}>← {group.name}</Link>
      </p>
      <h1>{t("dashboardTitle", { group: group.name })}</h1>
      <p className="muted" data-testid="dashboard-as-of">
        {tp("asOf", { time: format.dateTime(computedAt, "clock") })}
      </p>

      <section className="card" aria-labelledby="activity-title">
        <BarPlot
          empty={tx("noDataYet")}
          id="activity"
          title={t("activity")}
          desc={t("activityLabel")}
          tableLabel={ts("table")}
          columns={[ts("colDay"), ts("colReviews")]}
          data={dashboard.activity.map((d) => ({
            label: d.day,
            value: d.reviews,
            display: t("activityDay", { reviews: d.reviews, learners: d.learners }),
          }))}
          format={(v) => String(Math.round(v))}
        />
      </section>

      <section className="card" aria-labelledby="dash-members">
        <h2 id="dash-members">
          {t("members")}{" "}
          <a className="button" href={`/groups/${slug}/dashboard/members.csv`} download>
            CSV
          </a>
        </h2>
        <div className="table-scroll">
          <table data-testid="dashboard-members">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("dueToday")}</th>
                <th>{t("overdue")}</th>
                <th>{t("reviews7")}</th>
                <th>{t("reviews30")}</th>
                <th>{t("trueRetention")}</th>
                <th>{t("lastActive")}</th>
                <th>{t("activity")}</th>
              </tr>
            </thead>
            <tbody>
              <InTurns items={members}>
                {(m) => (
                  <tr key={m.userId} data-testid={`member-${m.email}`}>
                    <td>
                      {m.name} <span className="muted">{t(`roles.${m.role}`)}</span>
                    </td>
                    <td>{m.dueToday}</td>
                    <td>{m.overdue}</td>
                    <td>{m.reviews7}</td>
                    <td>{m.reviews30}</td>
                    <td>{pct(m.trueRetention)}</td>
                    <td>
                      {m.lastActive
                        ? format.relativeTime(m.lastActive, new Date())
                        : t("neverActive")}
                    </td>
                    <td>
                      <Sparkline
                        values={m.daily}
                        label={t("memberActivity", { name: m.name, count: m.reviews30 })}
                      />
                    </td>
                  </tr>
                )}
              </InTurns>
            </tbody>
          </table>
        </div>
        <Pager
          page={memberPage}
          pages={memberPages}
          href={href("members")}
          label={tp("memberLabel")}
          status={tp("memberPage", {
            page: memberPage,
            pages: memberPages,
            total: dashboard.members.length,
          })}
          testId="dashboard-member-pages"
        />
      </section>

      <section className="card" aria-labelledby="dash-cards">
        <h2 id="dash-cards">
          {t("hardestCards")}{" "}
          <a className="button" href={`/groups/${slug}/dashboard/cards.csv`} download>
            CSV
          </a>
        </h2>
        {dashboard.cards.length === 0 ? <p className="muted">{t("noReviews")}</p> : null}
        <div className="table-scroll">
          <table data-testid="dashboard-cards">
            <thead>
              <tr>
                <th>{t("card")}</th>
                <th>{t("reviews")}</th>
                <th>{t("againRate")}</th>
                <th>{t("lapseRate")}</th>
                <th>{t("avgTime")}</th>
              </tr>
            </thead>
            <tbody>
              <InTurns items={dashboard.cards}>
                {(c) => (
                  <tr key={c.cardId}>
                    <td>
                      {/* A plain link: a client-side Link per row would be rendered, hydrated and
                        prefetched 50 times on a page an instructor reloads often. */}
                      <a href={`/decks/${c.deckSlug}/cards/${c.cardId}`} data-testid="card-front">
                        <CardFront
                          content={faces.get(c.cardId)?.content}
                          lang={lang}
                          fallback={c.text || c.cardId}
                        />
                      </a>
                    </td>
                    <td>{c.reviews}</td>
                    <td>{pct(c.againRate)}</td>
                    <td>{pct(c.lapseRate)}</td>
                    <td>
                      {format.number(c.avgMs / 1000, {
                        style: "unit",
                        unit: "second",
                        unitDisplay: "narrow",
                        maximumFractionDigits: 1,
                      })}
                    </td>
                  </tr>
                )}
              </InTurns>
            </tbody>
          </table>
        </div>
        <Pager
          page={page}
          pages={pages}
          href={href("cards")}
          label={tp("label")}
          status={tp("page", { page, pages, total: dashboard.cardTotal })}
          testId="dashboard-card-pages"
        />
      </section>
    </>
  );
}
