"use client";
// A staff member's or the admin's button creating a one-time reset link for an account; the link is
// shown once, to be passed on in person or in the group's chat.
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm } from "@/features/groups/action-form";
import type { ActionResult } from "@/features/groups/actor";

function ResetLink({ token, expiresAt }: { token: string; expiresAt: string }) {
  const t = useTranslations("recovery");
  const format = useFormatter();
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  return (
    <div className="card" role="status">
      <p>
        {t("linkShownOnce", {
          expires: format.dateTime(new Date(expiresAt), "when"),
        })}
      </p>
      <input
        readOnly
        value={`${origin}/reset/${token}`}
        aria-label={t("resetLink")}
        data-testid="reset-link"
      />
    </div>
  );
}

export function ResetLinkButton({
  action,
  userId,
  groupId,
  name,
}: {
  action: (
    prev: unknown,
    form: FormData,
  ) => Promise<ActionResult<{ token: string; expiresAt: string }>>;
  userId: string;
  groupId?: string;
  name: string;
}) {
  const t = useTranslations("recovery");
  return (
    <ActionForm
      action={action}
      className="inline"
      label={t("createLinkFor", { name })}
      confirm={t("createLinkConfirm", { name })}
      success={(r) => <ResetLink token={r.token} expiresAt={r.expiresAt} />}
    >
      <input type="hidden" name="userId" value={userId} />
      {groupId ? <input type="hidden" name="groupId" value={groupId} /> : null}
      <button type="submit">{t("createLink")}</button>
    </ActionForm>
  );
}
