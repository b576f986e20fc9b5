import { listAuthorDecks } from "@strides/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/features/groups/actor";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function DecksPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const t = await getTranslations("authoring");
  const decks = await listAuthorDecks({ db, actor });
  return (
    <>
      <h1>{t("decksTitle")}</h1>
      {decks.length === 0 ? <p className="muted">{t("noDecks")}</p> : null}
      <ul>
        {decks.map((d) => (
          <li key={d.id}>
            <Link href={`/decks/${d.slug}`}>{d.name}</Link>{" "}
            <span className="muted">{t("cardCount", { count: d._count.cards })}</span>
          </li>
        ))}
      </ul>
      <Link className="button" href="/decks/new">
        {t("createDeck")}
      </Link>
    </>
  );
}
