import { DEMO_ACCOUNTS, DEMO_PASSWORD, getDeckSummaryBySlug, listDecksForUser } from "@strides/db";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
            <p>{t("demoText", { password: DEMO_PASSWORD })}</p>
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
  const decks = await listDecksForUser({ db, userId: user.id });
  return (
    <>
      <h1>{t("decks")}</h1>
      {decks.length === 0 ? <p>{t("noDecks")}</p> : null}
      <div className="grid">
        {decks.map((deck) => (
          <section key={deck.id} className="card" aria-labelledby={`deck-${deck.id}`}>
            <h2 id={`deck-${deck.id}`}>{deck.name}</h2>
            <p className="muted">{deck.description}</p>
            <p>{t("cards", { count: deck.cardCount })}</p>
          </section>
        ))}
      </div>
    </>
  );
}
