"use client";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { ActionForm, FieldError } from "./action-form";
import type { ActionResult } from "./actor";

function InviteLink({ token }: { token: string }) {
  const t = useTranslations("groups");
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const tx = useTranslations("experience");
  const [copied, setCopied] = useState(false);
  const link = `${origin}/invite/${token}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(link);
    } catch {
      // No clipboard permission (plain http): select the text so Ctrl+C copies it.
      (document.querySelector("[data-testid=invite-link]") as HTMLInputElement | null)?.select();
      document.execCommand?.("copy");
    }
    setCopied(true);
  }
  return (
    <div className="card" role="status">
      <p>{t("inviteShownOnce")}</p>
      <div className="answer-row">
        <input readOnly value={link} aria-label={t("inviteLink")} data-testid="invite-link" />
        <button type="button" onClick={copy} data-testid="invite-copy">
          {copied ? tx("copied") : tx("copy")}
        </button>
      </div>
    </div>
  );
}

export function InviteForm({
  action,
  groupId,
  roles,
}: {
  action: (prev: unknown, form: FormData) => Promise<ActionResult<{ token: string }>>;
  groupId: string;
  roles: readonly string[];
}) {
  const t = useTranslations("groups");
  return (
    <ActionForm
      action={action}
      success={(r) => <InviteLink token={r.token} />}
      label={t("inviteCreate")}
    >
      <input type="hidden" name="groupId" value={groupId} />
      <div className="grid">
        <div>
          <label htmlFor="invite-role">{t("role")}</label>
          <select id="invite-role" name="role" defaultValue="member">
            {roles.map((r) => (
              <option key={r} value={r}>
                {t(`roles.${r}`)}
              </option>
            ))}
          </select>
          <FieldError field="role" />
        </div>
        <div>
          <label htmlFor="invite-hours">{t("expiresInHours")}</label>
          <input
            id="invite-hours"
            name="expiresInHours"
            type="number"
            min={1}
            max={2160}
            defaultValue={168}
          />
          <FieldError field="expiresInHours" />
        </div>
        <div>
          <label htmlFor="invite-uses">{t("maxUses")}</label>
          <input
            id="invite-uses"
            name="maxUses"
            type="number"
            min={1}
            max={1000}
            defaultValue={30}
          />
          <FieldError field="maxUses" />
        </div>
      </div>
      <p>
        <button type="submit" className="primary">
          {t("inviteCreate")}
        </button>
      </p>
    </ActionForm>
  );
}
