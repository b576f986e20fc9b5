"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm, FieldError } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";
import { slugFromName } from "./slug-from-name";

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
  // The address follows the name until the author edits it. Every field is controlled: a form
  // action resets uncontrolled fields, which would clear what the author typed when it fails.
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [slug, setSlug] = useState("");
  const [slugEdited, setSlugEdited] = useState(false);
  const [seed] = useState(() => Math.random().toString(36).slice(2, 8));
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
      <input
        id="deck-name"
        name="name"
        required
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          if (!slugEdited)
            setSlug(e.currentTarget.value ? slugFromName(e.currentTarget.value, seed) : "");
        }}
      />
      <FieldError field="name" />
      <label htmlFor="deck-slug">{t("deckSlug")}</label>
      <input
        id="deck-slug"
        name="slug"
        required
        value={slug}
        onChange={(e) => {
          setSlug(e.currentTarget.value);
          setSlugEdited(e.currentTarget.value !== "");
        }}
      />
      <FieldError field="slug" />
      <label htmlFor="deck-description">{t("deckDescription")}</label>
      <textarea
        id="deck-description"
        name="description"
        rows={2}
        value={description}
        onChange={(e) => setDescription(e.currentTarget.value)}
      />
      <p>
        <button type="submit" className="primary">
          {t("createDeck")}
        </button>
      </p>
    </ActionForm>
  );
}
