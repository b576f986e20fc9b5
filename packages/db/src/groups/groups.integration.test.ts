import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDb, type TestDb, testDbKind } from "../testing/test-db.ts";
import {
  type Actor,
  acceptInvite,
  changeMemberRole,
  createGroup,
  createInvite,
  deleteGroup,
  describeInvite,
  findGroupBySlug,
  GROUP_MEMBER_PAGE_SIZE,
  getGroupOverview,
  leaveGroup,
  listGroupsForUser,
  listInstanceUsers,
  loadActor,
  removeMember,
  renameGroup,
  revokeInvite,
  setGroupPreset,
  setInstanceRole,
  subscribeDeck,
} from "./index.ts";

const now = new Date("2026-03-01T09:00:00Z");
const hours = (h: number) => new Date(now.getTime() + h * 3_600_000);
const actor = (userId: string, instanceRole: "admin" | "user" = "user"): Actor => ({
  userId,
  instanceRole,
});

describe(`groups on ${testDbKind()}`, () => {
  let t: TestDb;
  let groupId: string;
  let otherGroupId: string;
  const owner = actor("owner");
  const teacher = actor("teacher");
  const learner = actor("learner");
  const outsider = actor("outsider");
  const admin = actor("admin", "admin");

  beforeAll(async () => {
    t = await createTestDb();
    for (const id of ["owner", "teacher", "learner", "outsider", "admin", "late"]) {
      await t.db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
    }
    const g = await createGroup({
      db: t.db,
      actor: owner,
      input: { name: "CNN", slug: "cnn" },
      now,
    });
    if (!g.ok) throw new Error("group not created");
    groupId = g.groupId;
    const o = await createGroup({
      db: t.db,
      actor: outsider,
      input: { name: "Other", slug: "other" },
      now,
    });
    if (!o.ok) throw new Error("group not created");
    otherGroupId = o.groupId;
  });
  afterAll(async () => t?.destroy());

  it("rejects a taken slug and a bad name at its field", async () => {
    expect(
      await createGroup({ db: t.db, actor: learner, input: { name: "X", slug: "cnn" }, now }),
    ).toEqual({ ok: false, reason: "slug_taken" });
    await expect(
      createGroup({ db: t.db, actor: learner, input: { name: "", slug: "ok-slug" }, now }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "name" });
  });

  it("loads an actor with their instance role, null for an unknown user", async () => {
    await t.db.user.create({
      data: { id: "boss", name: "Boss", email: "boss@example.com", role: "admin" },
    });
    expect(await loadActor({ db: t.db, userId: "boss" })).toEqual(actor("boss", "admin"));
    expect(await loadActor({ db: t.db, userId: "learner" })).toEqual(learner);
    expect(await loadActor({ db: t.db, userId: "nobody" })).toBeNull();
  });

  it("finds a group by its slug, NOT_FOUND for a slug no group has", async () => {
    expect(await findGroupBySlug({ db: t.db, slug: "cnn" })).toEqual({ id: groupId, name: "CNN" });
    await expect(findGroupBySlug({ db: t.db, slug: "nope" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("joins with an invite, once per person, up to its use limit", async () => {
    const inv = await createInvite({
      db: t.db,
      actor: owner,
      groupId,
      input: { role: "instructor", expiresInHours: 24, maxUses: 1 },
      now,
    });
    const row = await t.db.invite.findUniqueOrThrow({ where: { id: inv.inviteId } });
    expect(row.tokenHash).not.toBe(inv.token);
    expect(
      await acceptInvite({ db: t.db, userId: "teacher", token: inv.token, now }),
    ).toMatchObject({ ok: true, alreadyMember: false });
    // Re-using as a member uses nothing; another person finds it used up.
    expect(
      await acceptInvite({ db: t.db, userId: "teacher", token: inv.token, now }),
    ).toMatchObject({ ok: true, alreadyMember: true });
    expect(await acceptInvite({ db: t.db, userId: "late", token: inv.token, now })).toEqual({
      ok: false,
      reason: "invite_used_up",
    });
    expect(await describeInvite({ db: t.db, token: inv.token, now })).toEqual({
      ok: false,
      reason: "invite_used_up",
    });
  });

  it("counts concurrent joins against the limit exactly", async () => {
    const inv = await createInvite({
      db: t.db,
      actor: teacher,
      groupId,
      input: { role: "member", expiresInHours: 24, maxUses: 2 },
      now,
    });
    const results = await Promise.allSettled(
      ["learner", "late", "admin"].map((userId) =>
        acceptInvite({ db: t.db, userId, token: inv.token, now }),
      ),
    );
    const joined = results.filter((r) => r.status === "fulfilled" && r.value.ok).length;
    expect(joined).toBeLessThanOrEqual(2);
    const row = await t.db.invite.findUniqueOrThrow({ where: { id: inv.inviteId } });
    expect(row.uses).toBe(joined);
    expect(await t.db.membership.count({ where: { groupId, role: "member" } })).toBe(joined);
    // Make the fixture deterministic for the next tests: learner is a member, late and admin are not.
    await t.db.membership.deleteMany({ where: { groupId, userId: { in: ["late", "admin"] } } });
    await t.db.membership.upsert({
      where: { groupId_userId: { groupId, userId: "learner" } },
      create: { groupId, userId: "learner", role: "member" },
      update: {},
    });
  });

  it("refuses expired and revoked invites", async () => {
    const inv = await createInvite({
      db: t.db,
      actor: owner,
      groupId,
      input: { role: "member", expiresInHours: 1, maxUses: 5 },
      now,
    });
    expect(
      await acceptInvite({ db: t.db, userId: "late", token: inv.token, now: hours(1) }),
    ).toEqual({ ok: false, reason: "invite_expired" });
    await revokeInvite({ db: t.db, actor: owner, inviteId: inv.inviteId, now });
    expect(await acceptInvite({ db: t.db, userId: "late", token: inv.token, now })).toEqual({
      ok: false,
      reason: "invite_not_found",
    });
  });

  it("lets instructors invite members only, and members nobody", async () => {
    await expect(
      createInvite({
        db: t.db,
        actor: teacher,
        groupId,
        input: { role: "owner", expiresInHours: 1, maxUses: 1 },
        now,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", field: "role" });
    await expect(
      createInvite({
        db: t.db,
        actor: learner,
        groupId,
        input: { role: "member", expiresInHours: 1, maxUses: 1 },
        now,
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      createInvite({
        db: t.db,
        actor: outsider,
        groupId,
        input: { role: "member", expiresInHours: 1, maxUses: 1 },
        now,
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists a big group's members a page at a time, in the order they joined", async () => {
    const big = await createGroup({
      db: t.db,
      actor: admin,
      input: { name: "Big", slug: "big" },
      now,
    });
    if (!big.ok) throw new Error("group not created");
    const ids = Array.from({ length: GROUP_MEMBER_PAGE_SIZE + 3 }, (_, i) => `big-${i}`);
    await t.db.user.createMany({
      data: ids.map((id) => ({ id, name: id, email: `${id}@example.com` })),
    });
    // Two members joined in the same millisecond: the order between them is still fixed.
    await t.db.membership.createMany({
      data: ids.map((userId, i) => ({
        groupId: big.groupId,
        userId,
        createdAt: new Date(now.getTime() + Math.floor(i / 2) * 1000),
      })),
    });
    // The owner joined with the group, at `now` too ("admin" sorts before "big-0").
    const all = ["admin", ...ids];
    const page = (memberPage?: number) =>
      getGroupOverview({ db: t.db, actor: admin, slug: "big", memberPage });
    const first = (await page()).members;
    const second = (await page(2)).members;
    expect(first.items).toHaveLength(GROUP_MEMBER_PAGE_SIZE);
    expect([first.total, first.page, first.pages]).toEqual([all.length, 1, 2]);
    expect([...first.items, ...second.items].map((m) => m.id)).toEqual(all);
    // A page past the last shows the last; a page that is not a whole number from 1 is refused.
    const past = (await page(99)).members;
    expect(past.page).toBe(2);
    expect(past.items.map((m) => m.id)).toEqual(all.slice(GROUP_MEMBER_PAGE_SIZE));
    await expect(page(1.5)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await expect(page(-3)).rejects.toMatchObject({ code: "BAD_INPUT" });
    await deleteGroup({ db: t.db, actor: admin, groupId: big.groupId });
  });

  it("shows members and invites to staff only; hides other groups", async () => {
    const asLearner = await getGroupOverview({ db: t.db, actor: learner, slug: "cnn" });
    expect(asLearner.members.items).toEqual([]);
    expect(asLearner.invites).toEqual([]);
    const asTeacher = await getGroupOverview({ db: t.db, actor: teacher, slug: "cnn" });
    expect(asTeacher.members.items.map((m) => m.id).sort()).toEqual([
      "learner",
      "owner",
      "teacher",
    ]);
    // The reset link is offered (member.resetPassword) for an account the group manages only.
    const resettable = async () =>
      (await getGroupOverview({ db: t.db, actor: teacher, slug: "cnn" })).members.items
        .filter((m) => m.canResetPassword)
        .map((m) => m.id);
    expect(await resettable()).toEqual([]);
    const learnerHere = { groupId_userId: { groupId, userId: "learner" } };
    await t.db.membership.update({ where: learnerHere, data: { managed: true } });
    expect(await resettable()).toEqual(["learner"]);
    await t.db.membership.update({ where: learnerHere, data: { managed: false } });
    await expect(
      getGroupOverview({ db: t.db, actor: learner, slug: "other" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await listGroupsForUser({ db: t.db, actor: learner })).map((g) => g.slug)).toEqual([
      "cnn",
    ]);
    expect((await listGroupsForUser({ db: t.db, actor: admin })).map((g) => g.slug)).toEqual([
      "cnn",
      "other",
    ]);
  });

  it("changes roles (owner only) and keeps the last owner", async () => {
    await expect(
      changeMemberRole({
        db: t.db,
        actor: teacher,
        groupId,
        userId: "learner",
        role: "instructor",
      }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      changeMemberRole({ db: t.db, actor: owner, groupId, userId: "owner", role: "member" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(leaveGroup({ db: t.db, actor: owner, groupId })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await changeMemberRole({
      db: t.db,
      actor: owner,
      groupId,
      userId: "learner",
      role: "instructor",
    });
    await changeMemberRole({ db: t.db, actor: owner, groupId, userId: "learner", role: "member" });
    expect(
      (
        await t.db.membership.findUniqueOrThrow({
          where: { groupId_userId: { groupId, userId: "learner" } },
        })
      ).role,
    ).toBe("member");
  });

  it("removes members: instructors remove members only", async () => {
    await expect(
      removeMember({ db: t.db, actor: teacher, groupId, userId: "owner" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      removeMember({ db: t.db, actor: learner, groupId, userId: "teacher" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await t.db.membership.create({ data: { groupId, userId: "late", role: "member" } });
    await removeMember({ db: t.db, actor: teacher, groupId, userId: "late" });
    await t.db.membership.create({ data: { groupId, userId: "late", role: "member" } });
    await leaveGroup({ db: t.db, actor: actor("late"), groupId });
    expect(await t.db.membership.count({ where: { groupId, userId: "late" } })).toBe(0);
  });

  it("subscribes decks the actor can see and sets the group's preset", async () => {
    const deck = await t.db.deck.create({ data: { slug: "d1", name: "D1" } });
    const hidden = await t.db.deck.create({ data: { slug: "d2", name: "D2" } });
    await t.db.groupDeck.create({ data: { groupId: otherGroupId, deckId: hidden.id } });
    await expect(
      subscribeDeck({ db: t.db, actor: teacher, groupId, deckId: hidden.id, now }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await subscribeDeck({ db: t.db, actor: admin, groupId, deckId: deck.id, now });
    const input = {
      desiredRetention: 0.85,
      newPerDay: 10,
      reviewsPerDay: 100,
      learningSteps: "1m  10m",
      relearningSteps: "10m",
      maximumInterval: 365,
      learnerOverridable: ["newPerDay"],
    };
    await expect(
      setGroupPreset({ db: t.db, actor: learner, groupId, deckId: deck.id, input, now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setGroupPreset({
        db: t.db,
        actor: teacher,
        groupId,
        deckId: deck.id,
        input: { ...input, learningSteps: "soon" },
        now,
      }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "learningSteps" });
    const first = await setGroupPreset({
      db: t.db,
      actor: teacher,
      groupId,
      deckId: deck.id,
      input,
      now,
    });
    const again = await setGroupPreset({
      db: t.db,
      actor: teacher,
      groupId,
      deckId: deck.id,
      input: { ...input, newPerDay: 5 },
      now,
    });
    expect(again.presetId).toBe(first.presetId);
    const preset = await t.db.deckPreset.findUniqueOrThrow({ where: { id: first.presetId } });
    expect(preset).toMatchObject({
      newPerDay: 5,
      learningSteps: "1m 10m",
      learnerOverridable: "newPerDay",
      groupId,
    });
  });
});

describe(`instance administration on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await t.db.user.create({ data: { id: "a", name: "A", email: "a@example.com", role: "admin" } });
    await t.db.user.create({ data: { id: "u", name: "U", email: "u@example.com" } });
  });
  afterAll(async () => t?.destroy());

  it("is the admin's alone and keeps one admin", async () => {
    const admin = actor("a", "admin");
    await expect(listInstanceUsers({ db: t.db, actor: actor("u") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      setInstanceRole({ db: t.db, actor: actor("u"), userId: "u", role: "admin", now }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      setInstanceRole({ db: t.db, actor: admin, userId: "a", role: "user", now }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await setInstanceRole({ db: t.db, actor: admin, userId: "u", role: "admin", now });
    expect((await listInstanceUsers({ db: t.db, actor: admin })).items.map((u) => u.role)).toEqual([
      "admin",
      "admin",
    ]);
  });
});

describe(`renaming and deleting groups on ${testDbKind()}`, () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    for (const id of ["o", "i"]) {
      await t.db.user.create({ data: { id, name: id, email: `${id}@example.com` } });
    }
    await t.db.group.create({
      data: {
        id: "g",
        name: "G",
        slug: "g",
        memberships: {
          create: [
            { userId: "o", role: "owner" },
            { userId: "i", role: "instructor" },
          ],
        },
      },
    });
    await t.db.deck.create({
      data: { id: "d", slug: "d", name: "D", groups: { create: { groupId: "g" } } },
    });
  });
  afterAll(async () => t?.destroy());

  it("lets owners rename and delete; the deck stays", async () => {
    await expect(
      renameGroup({ db: t.db, actor: actor("i"), groupId: "g", name: "X" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      renameGroup({ db: t.db, actor: actor("o"), groupId: "g", name: "" }),
    ).rejects.toMatchObject({ code: "BAD_INPUT", field: "name" });
    await renameGroup({ db: t.db, actor: actor("o"), groupId: "g", name: "CNN 2026" });
    expect((await t.db.group.findUniqueOrThrow({ where: { id: "g" } })).name).toBe("CNN 2026");
    await expect(deleteGroup({ db: t.db, actor: actor("i"), groupId: "g" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await deleteGroup({ db: t.db, actor: actor("o"), groupId: "g" });
    expect(await t.db.group.count()).toBe(0);
    expect(await t.db.membership.count()).toBe(0);
    expect(await t.db.deck.count()).toBe(1);
  });
});
