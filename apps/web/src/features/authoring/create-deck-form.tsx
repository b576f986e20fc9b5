"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

function GoTo({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => router.push(href), [router, href]);
  return null;
}

export function CreateDeckForm({
  action,
  groups,
  groupId,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ slug: string }>>;
  groups: { id: string; name: string }[];
  groupId?: string;
}) {
  const t = useTranslations("authoring");
  return (
    <ActionForm action={action} success={(r) => <GoTo href={`/decks/${r.slug}`} />}>
      <label htmlFor="deck-group">{t("group")}</label>
      <select id="deck-group" name="groupId" defaultValue={groupId}>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
      <label htmlFor="deck-name">{t("deckName")}</label>
      <input id="deck-name" name="name" required />
      <FieldError field="name" />
      <label htmlFor="deck-slug">{t("deckSlug")}</label>
      <input id="deck-slug" name="slug" required />
      <FieldError field="slug" />
      <label htmlFor="deck-description">{t("deckDescription")}</label>
      <textarea id="deck-description" name="description" rows={2} />
      <p>
        <button type="submit" className="primary">
          {t("createDeck")}
        </button>
      </p>
    </ActionForm>
  );
}
