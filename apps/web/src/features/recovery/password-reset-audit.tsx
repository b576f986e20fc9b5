// The admin page's list of password resets: who created each link (or the command line, or a
// mail), for whom, when, and when it was used.
import type { PasswordResetAuditRow } from "@strides/db";
import { getFormatter, getTranslations } from "next-intl/server";

export async function PasswordResetAudit({ rows }: { rows: PasswordResetAuditRow[] }) {
  const t = await getTranslations("recovery");
  const format = await getFormatter();
  const when = (d: Date) => format.dateTime(d, "when");
  return (
    <section className="card" aria-labelledby="resets-title">
      <h2 id="resets-title">{t("auditTitle")}</h2>
      {rows.length === 0 ? (
        <p className="muted">{t("auditEmpty")}</p>
      ) : (
        <div className="table-scroll">
          <table data-testid="reset-audit">
            <thead>
              <tr>
                <th>{t("auditCreated")}</th>
                <th>{t("auditBy")}</th>
                <th>{t("auditFor")}</th>
                <th>{t("auditExpires")}</th>
                <th>{t("auditUsed")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>{when(r.createdAt)}</td>
                  <td>
                    {r.createdBy ? r.createdBy.email : r.via === "staff" ? "—" : t(`via_${r.via}`)}
                  </td>
                  <td>{r.user.email}</td>
                  <td>{when(r.expiresAt)}</td>
                  <td>{r.usedAt ? when(r.usedAt) : t("auditUnused")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
