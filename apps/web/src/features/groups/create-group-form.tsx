"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { ActionForm, FieldError } from "./action-form";
import type { ActionResult } from "./actor";

function GoTo({ href }: { href: string }) {
  const router = useRouter();
  useEffect(() => router.push(href), [router, href]);
  return null;
}

export function CreateGroupForm({
  action,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ slug: string }>>;
}) {
  const t = useTranslations("groups");
  return (
    <section className="card" aria-labelledby="create-group">
      <h2 id="create-group">{t("create")}</h2>
      <ActionForm action={action} success={(r) => <GoTo href={`/groups/${r.slug}`} />}>
        <label htmlFor="group-name">{t("name")}</label>
        <input id="group-name" name="name" required maxLength={100} />
        <FieldError field="name" />
        <label htmlFor="group-slug">{t("slug")}</label>
        <input id="group-slug" name="slug" required pattern="[a-z0-9][a-z0-9\-]{1,39}" />
        <p className="muted">{t("slugHelp")}</p>
        <FieldError field="slug" />
        <p>
          <button type="submit" className="primary">
            {t("createSubmit")}
          </button>
        </p>
      </ActionForm>
    </section>
  );
}
