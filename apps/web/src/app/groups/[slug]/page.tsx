import { isAppError } from "@strides/content";
import {
  assignableRoles,
  DEFAULT_PRESET,
  getGroupOverview,
  listSubscribableDecks,
} from "@strides/db";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Pager } from "@/components/pager";
import {
  changeRoleAction,
  createInviteAction,
  deleteGroupAction,
  leaveGroupAction,
  removeMemberAction,
  renameGroupAction,
  revokeInviteAction,
  setPresetAction,
  subscribeDeckAction,
  unsubscribeDeckAction,
} from "@/features/groups/actions";
import { currentActor } from "@/features/groups/actor";
import { InviteForm } from "@/features/groups/invite-form";
import { PresetForm } from "@/features/groups/preset-form";
import { SmallAction } from "@/features/groups/small-action";
import { createResetLinkAction } from "@/features/recovery/actions";
import { ResetLinkButton } from "@/features/recovery/reset-link-button";
import { db } from "@/lib/db";
import { pageHref, requestedPage } from "@/lib/paging";

export const dynamic = "force-dynamic";

async function load(slug: string, memberPage: number) {
  const actor = await currentActor();
  if (!actor) redirect("/sign-in");
  try {
    return { actor, group: await getGroupOverview({ db, actor, slug, memberPage }) };
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

export default async function GroupPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ joined?: string; members?: string }>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const joined = query.joined === "1";
  const tx = await getTranslations("experience");
  const { actor, group } = await load(slug, requestedPage(query.members));
  const t = await getTranslations("groups");
  const tp = await getTranslations("dashboardPages");
  const format = await getFormatter();
  const roles = assignableRoles({ actor, role: group.role });
  const subscribable = group.canManage
    ? await listSubscribableDecks({ db, actor, groupId: group.id })
    : [];
  return (
    <>
      <h1>{group.name}</h1>
      <p className="muted">
        {group.role ? t(`roles.${group.role}`) : t("adminView")}
        {group.canManage ? (
          <>
            {" · "}
            <Link href={`/groups/${group.slug}/dashboard`}>{t("dashboard")}</Link>
          </>
        ) : null}
      </p>

      {joined ? (
        <section className="card" role="status" data-testid="joined-prompt">
          <p>{tx("joined", { group: group.name })}</p>
          {group.decks.length > 0 ? (
            <Link className="button primary" href="/review" data-testid="joined-start-review">
              {tx("startReview")}
            </Link>
          ) : (
            <p className="muted">{tx("joinedNoDecks")}</p>
          )}
        </section>
      ) : null}

      <section className="card" aria-labelledby="decks-title">
        <h2 id="decks-title">{t("decks")}</h2>
        {group.decks.length === 0 ? <p className="muted">{t("noDecks")}</p> : null}
        {group.decks.map((d) => (
          <div key={d.id} data-testid={`group-deck-${d.slug}`}>
            <h3>
              {group.canManage ? (
                <Link href={`/decks/${d.slug}`}>{d.name}</Link>
              ) : (
                <Link href={`/review?deck=${encodeURIComponent(d.id)}`}>{d.name}</Link>
              )}{" "}
              <span className="muted">{t("cardCount", { count: d.cardCount })}</span>
            </h3>
            {group.canManage ? (
              <details>
                <summary>{t("preset")}</summary>
                <PresetForm
                  action={setPresetAction}
                  groupId={group.id}
                  deckId={d.id}
                  preset={d.preset ?? DEFAULT_PRESET}
                />
                <SmallAction
                  action={unsubscribeDeckAction}
                  fields={{ groupId: group.id, deckId: d.id }}
                  button={t("unsubscribe")}
                  confirm={t("unsubscribeConfirm")}
                />
              </details>
            ) : null}
          </div>
        ))}
        {group.canManage ? (
          <>
            {subscribable.length > 0 ? (
              <SmallAction
                action={subscribeDeckAction}
                fields={{ groupId: group.id }}
                button={t("subscribe")}
                label={t("subscribe")}
              >
                <label htmlFor="subscribe-deck" className="visually-hidden">
                  {t("deck")}
                </label>
                <select id="subscribe-deck" name="deckId">
                  {subscribable.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.name}
                    </option>
                  ))}
                </select>
              </SmallAction>
            ) : null}
            <p>
              <Link className="button" href={`/decks/new?group=${group.id}`}>
                {t("newDeck")}
              </Link>
            </p>
          </>
        ) : null}
      </section>

      {group.canManage ? (
        <section className="card" aria-labelledby="members-title">
          <h2 id="members-title">{t("members")}</h2>
          <div className="table-scroll">
            <table data-testid="group-members">
              <thead>
                <tr>
                  <th>{t("name")}</th>
                  <th>{t("email")}</th>
                  <th>{t("role")}</th>
                  <th>{t("joined")}</th>
                  <th />
                  <th />
                </tr>
              </thead>
              <tbody>
                {group.members.items.map((m) => (
                  <tr key={m.id}>
                    <td>{m.name}</td>
                    <td>{m.email}</td>
                    <td>
                      {group.isOwner ? (
                        <SmallAction
                          action={changeRoleAction}
                          fields={{ groupId: group.id, userId: m.id }}
                          button={t("changeRole")}
                        >
                          <select
                            name="role"
                            defaultValue={m.role}
                            aria-label={`${t("role")}: ${m.name}`}
                          >
                            {roles.map((r) => (
                              <option key={r} value={r}>
                                {t(`roles.${r}`)}
                              </option>
                            ))}
                          </select>
                        </SmallAction>
                      ) : (
                        t(`roles.${m.role}`)
                      )}
                    </td>
                    <td>{format.dateTime(m.joinedAt, { dateStyle: "medium" })}</td>
                    <td>
                      {m.id !== actor.userId && roles.includes(m.role as never) ? (
                        <SmallAction
                          action={removeMemberAction}
                          fields={{ groupId: group.id, userId: m.id }}
                          button={t("remove")}
                          confirm={t("removeConfirm", { name: m.name })}
                        />
                      ) : null}
                    </td>
                    <td>
                      {m.canResetPassword ? (
                        <ResetLinkButton
                          action={createResetLinkAction}
                          userId={m.id}
                          groupId={group.id}
                          name={m.name}
                        />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            page={group.members.page}
            pages={group.members.pages}
            href={(p) => pageHref(`/groups/${group.slug}`, {}, "members", p)}
            label={tp("memberLabel")}
            status={tp("memberPage", {
              page: group.members.page,
              pages: group.members.pages,
              total: group.members.total,
            })}
            testId="group-member-pages"
          />
        </section>
      ) : null}

      {group.canManage ? (
        <section className="card" aria-labelledby="invites-title">
          <h2 id="invites-title">{t("invites")}</h2>
          <InviteForm action={createInviteAction} groupId={group.id} roles={roles} />
          {group.invites.length > 0 ? (
            <div className="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th>{t("role")}</th>
                    <th>{t("uses")}</th>
                    <th>{t("expires")}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {group.invites.map((i) => (
                    <tr key={i.id}>
                      <td>{t(`roles.${i.role}`)}</td>
                      <td>
                        {i.uses} / {i.maxUses}
                      </td>
                      <td>{format.dateTime(i.expiresAt, "when")}</td>
                      <td>
                        <SmallAction
                          action={revokeInviteAction}
                          fields={{ inviteId: i.id }}
                          button={t("revoke")}
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}

      {group.isOwner ? (
        <section className="card" aria-labelledby="settings-title">
          <h2 id="settings-title">{t("groupSettings")}</h2>
          <SmallAction
            action={renameGroupAction}
            fields={{ groupId: group.id }}
            button={t("rename")}
            label={t("rename")}
          >
            <label htmlFor="group-rename" className="visually-hidden">
              {t("name")}
            </label>
            <input
              id="group-rename"
              name="name"
              defaultValue={group.name}
              required
              maxLength={100}
            />
          </SmallAction>{" "}
          <SmallAction
            action={deleteGroupAction}
            fields={{ groupId: group.id }}
            button={t("deleteGroup")}
            danger
            confirm={t("deleteGroupConfirm", { name: group.name })}
          />
        </section>
      ) : null}

      {group.role && group.role !== "owner" ? (
        <SmallAction
          action={leaveGroupAction}
          fields={{ groupId: group.id }}
          button={t("leave")}
          confirm={t("leaveConfirm")}
        />
      ) : null}
    </>
  );
}
