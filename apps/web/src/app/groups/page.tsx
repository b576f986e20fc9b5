import { listGroupsForUser } from "@strides/db";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { createGroupAction } from "@/features/groups/actions";
import { currentActor } from "@/features/groups/actor";
import { CreateGroupForm } from "@/features/groups/create-group-form";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function GroupsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const t = await getTranslations("groups");
  const groups = await listGroupsForUser({ db, actor });
  return (
    <>
      <h1>{t("title")}</h1>
      <p>
        <Link href="/decks">{t("authorDecks")}</Link>
        {" · "}
        <Link href="/settings/account">{t("account")}</Link>
        {actor.instanceRole === "admin" ? (
          <>
            {" · "}
            <Link href="/admin">{t("administration")}</Link>
          </>
        ) : null}
      </p>
      {groups.length === 0 ? <p className="muted">{t("none")}</p> : null}
      <ul data-testid="group-list">
        {groups.map((g) => (
          <li key={g.id}>
            <Link href={`/groups/${g.slug}`}>{g.name}</Link>{" "}
            <span className="muted">
              {g.role ? t(`roles.${g.role}`) : t("adminView")} ·{" "}
              {t("memberCount", { count: g.memberCount })} ·{" "}
              {t("deckCount", { count: g.deckCount })}
            </span>
          </li>
        ))}
      </ul>
      <CreateGroupForm action={createGroupAction} />
    </>
  );
}
