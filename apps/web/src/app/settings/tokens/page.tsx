import { API_TOKEN_DAYS, listApiTokens, loadActor } from "@strides/db";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { SmallAction } from "@/features/groups/small-action";
import { db } from "@/lib/db";
import { getSessionUser } from "@/lib/session";
import { createTokenAction, revokeTokenAction } from "./actions";
import { CreateTokenForm } from "./create-token-form";

export const dynamic = "force-dynamic";

export default async function TokensPage() {
  const user = await getSessionUser();
  if (!user) redirect("/sign-in");
  const t = await getTranslations("account");
  const format = await getFormatter();
  const [tokens, actor] = await Promise.all([
    listApiTokens({ db, userId: user.id }),
    loadActor({ db, userId: user.id }),
  ]);
  const now = new Date();
  const when = (d: Date | null) => (d ? format.dateTime(d, "when") : t("never"));
  return (
    <>
      <h1>{t("tokensTitle")}</h1>
      <p className="muted">{t("tokensHelp")}</p>
      <section className="card">
        <CreateTokenForm
          action={createTokenAction}
          isAdmin={actor?.instanceRole === "admin"}
          days={API_TOKEN_DAYS}
        />
      </section>
      <div className="table-scroll">
        <table data-testid="token-list">
          <thead>
            <tr>
              <th>{t("tokenName")}</th>
              <th>{t("tokenScope")}</th>
              <th>{t("created")}</th>
              <th>{t("tokenExpires")}</th>
              <th>{t("lastUsed")}</th>
              <th>{t("status")}</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td>{tok.scope}</td>
                <td>{when(tok.createdAt)}</td>
                <td>{when(tok.expiresAt)}</td>
                <td>{when(tok.lastUsedAt)}</td>
                <td>
                  {tok.revokedAt ? (
                    t("revokedAt", { when: when(tok.revokedAt) })
                  ) : tok.expiresAt <= now ? (
                    t("tokenExpired", { when: when(tok.expiresAt) })
                  ) : (
                    <SmallAction
                      action={revokeTokenAction}
                      fields={{ tokenId: tok.id }}
                      button={t("revoke")}
                      label={`${t("revoke")} ${tok.name}`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
