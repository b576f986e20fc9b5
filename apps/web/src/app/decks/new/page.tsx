import { can, listGroupsForUser } from "@strides/db";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { createDeckAction } from "@/features/authoring/actions";
import { CreateDeckForm } from "@/features/authoring/create-deck-form";
import { currentActor } from "@/features/groups/actor";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export default async function NewDeckPage({
  searchParams,
}: {
  searchParams: Promise<{ group?: string }>;
}) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  const t = await getTranslations("authoring");
  const groups = (await listGroupsForUser({ db, actor })).filter((g) =>
    can({
      actor,
      action: "decks.author",
      group: { role: g.role === "owner" || g.role === "instructor" ? g.role : null },
    }),
  );
  const { group } = await searchParams;
  return (
    <>
      <h1>{t("createDeck")}</h1>
      {groups.length === 0 ? (
        <p className="muted">{t("needGroup")}</p>
      ) : (
        <CreateDeckForm
          action={createDeckAction}
          groups={groups}
          {...(group ? { groupId: group } : {})}
        />
      )}
    </>
  );
}
