import { can, listInstanceUsers, listPasswordResets, PAGE_SIZE } from "@strides/db";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import { setInstanceRoleAction } from "@/features/admin/actions";
import { currentActor } from "@/features/groups/actor";
import { SmallAction } from "@/features/groups/small-action";
import { createResetLinkAction } from "@/features/recovery/actions";
import { PasswordResetAudit } from "@/features/recovery/password-reset-audit";
import { ResetLinkButton } from "@/features/recovery/reset-link-button";
import { db } from "@/lib/db";
import { listQuery, pageHref } from "@/lib/paging";

export const dynamic = "force-dynamic";

export default async function AdminPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  if (!can({ actor, action: "instance.manage" })) notFound();
  const { q, page } = listQuery(await searchParams);
  const t = await getTranslations("admin");
  const format = await getFormatter();
  // A page of the accounts (a school has hundreds), found by name or email.
  const [users, resets] = await Promise.all([
    listInstanceUsers({ db, actor, ...(q ? { query: q } : {}), page, pageSize: PAGE_SIZE }),
    listPasswordResets({ db, actor }),
  ]);
  return (
    <>
      <h1>{t("title")}</h1>
      <section className="card" aria-labelledby="backup-title">
        <h2 id="backup-title">{t("backup")}</h2>
        <p>{t("backupHelp")}</p>
        <a className="button primary" href="/admin/backup" download>
          {t("download")}
        </a>
        <p className="muted">{t("restoreHelp")}</p>
        <pre>npm run restore -- strides-backup.json.gz</pre>
      </section>
      <section className="card" aria-labelledby="users-title">
        <h2 id="users-title">{t("users")}</h2>
        <search>
          <form method="get">
            <label htmlFor="user-search">{t("searchUsers")}</label>{" "}
            <input id="user-search" name="q" type="search" defaultValue={q ?? ""} />{" "}
            <button type="submit">{t("search")}</button>
          </form>
        </search>
        {users.total === 0 ? (
          <p className="muted" data-testid="admin-no-users">
            {t("noUsers")}
          </p>
        ) : null}
        <div className="table-scroll">
          <table data-testid="admin-users">
            <thead>
              <tr>
                <th>{t("name")}</th>
                <th>{t("email")}</th>
                <th>{t("created")}</th>
                <th>{t("groups")}</th>
                <th>{t("reviews")}</th>
                <th>{t("role")}</th>
              </tr>
            </thead>
            <tbody>
              {users.items.map((u) => (
                <tr key={u.id}>
                  <td>{u.name}</td>
                  <td>{u.email}</td>
                  <td>{format.dateTime(u.createdAt, { dateStyle: "medium" })}</td>
                  <td>{u.groups}</td>
                  <td>{u.reviews}</td>
                  <td>
                    {u.role === "admin" ? t("admin") : t("user")}{" "}
                    <SmallAction
                      action={setInstanceRoleAction}
                      fields={{ userId: u.id, role: u.role === "admin" ? "user" : "admin" }}
                      button={u.role === "admin" ? t("removeAdmin") : t("makeAdmin")}
                    />{" "}
                    {u.role !== "admin" ? (
                      <ResetLinkButton action={createResetLinkAction} userId={u.id} name={u.name} />
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <Pager
          page={users.page}
          pages={users.pages}
          href={(p) => pageHref("/admin", { q }, "page", p)}
          label={t("userPages")}
          status={t("userPage", { page: users.page, pages: users.pages, total: users.total })}
          testId="admin-user-pages"
        />
      </section>
      <PasswordResetAudit rows={resets} />
    </>
  );
}
