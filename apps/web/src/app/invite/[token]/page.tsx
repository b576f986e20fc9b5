import { describeInvite } from "@strides/db";
import { getTranslations } from "next-intl/server";
import { JoinGroup } from "@/features/groups/join-group";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";

export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("groups");
  const invite = await describeInvite({ db, token, now: new Date() });
  if (!invite.ok) {
    return (
      <section className="card">
        <h1>{t("inviteTitle")}</h1>
        <p role="alert" className="error">
          {t(`errors.${invite.reason}`)}
        </p>
      </section>
    );
  }
  const user = await getSessionUser();
  return (
    <section className="card" aria-labelledby="invite-title">
      <h1 id="invite-title">{t("inviteTitle")}</h1>
      <p>{t("inviteText", { group: invite.groupName, role: t(`roles.${invite.role}`) })}</p>
      <JoinGroup token={token} signedInAs={user?.email ?? null} />
    </section>
  );
}
