import { describe, expect, it } from "vitest";
import {
  type Actor,
  assignableRoles,
  can,
  DECK_ACTIONS,
  GROUP_ACTIONS,
  type GroupRole,
  type TargetAccount,
} from "./permissions.ts";

const user: Actor = { userId: "u", instanceRole: "user" };
const admin: Actor = { userId: "a", instanceRole: "admin" };

describe("can", () => {
  it("denies everything to anonymous and to non-members", () => {
    for (const action of GROUP_ACTIONS) {
      expect(can({ actor: null, action, group: { role: "owner" } })).toBe(false);
      expect(can({ actor: user, action, group: { role: null } })).toBe(false);
    }
    expect(can({ actor: null, action: "group.create" })).toBe(false);
  });

  it("gives members only view and leave", () => {
    const allowed = GROUP_ACTIONS.filter((action) =>
      can({ actor: user, action, group: { role: "member" } }),
    );
    expect(allowed).toEqual(["group.view", "group.leave"]);
  });

  it("gives instructors management but not role changes or group settings", () => {
    const denied = GROUP_ACTIONS.filter(
      (action) => !can({ actor: user, action, group: { role: "instructor" } }),
    );
    expect(denied).toEqual(["group.manage", "members.changeRole"]);
  });

  it("gives owners everything and the admin everything except leaving a group they are not in", () => {
    for (const action of GROUP_ACTIONS) {
      expect(can({ actor: user, action, group: { role: "owner" } })).toBe(true);
      expect(can({ actor: admin, action, group: { role: null } })).toBe(action !== "group.leave");
    }
  });

  it("keeps instance administration to the admin", () => {
    expect(can({ actor: user, action: "instance.manage" })).toBe(false);
    expect(can({ actor: user, action: "instance.backup" })).toBe(false);
    expect(can({ actor: user, action: "group.create" })).toBe(true);
    expect(can({ actor: admin, action: "instance.backup" })).toBe(true);
  });

  it("lets members of a subscribed group review and read a deck, and only its staff author it", () => {
    const allowed = (actor: Actor | null, roles: GroupRole[]) =>
      DECK_ACTIONS.filter((action) => can({ actor, action, deck: { roles } }));
    expect(allowed(null, ["owner"])).toEqual([]);
    expect(allowed(user, [])).toEqual([]);
    expect(allowed(user, ["member"])).toEqual(["deck.review", "card.read"]);
    expect(allowed(user, ["member", "instructor"])).toEqual(DECK_ACTIONS);
    expect(allowed(user, ["owner"])).toEqual(DECK_ACTIONS);
    // The admin reads and authors every deck but studies only their groups' decks.
    expect(allowed(admin, [])).toEqual(["card.read", "deck.author"]);
    expect(allowed(admin, ["member"])).toEqual(DECK_ACTIONS);
  });

  it("lets staff reset only the managed learner accounts of their group, the admin anyone but an admin", () => {
    const target = (o: Partial<TargetAccount> = {}): TargetAccount => ({
      userId: "t",
      instanceRole: "user",
      role: "member",
      managedHere: true,
      ...o,
    });
    const may = (actor: Actor | null, role: GroupRole | null, t: TargetAccount) =>
      can({ actor, action: "member.resetPassword", group: { role }, target: t });
    expect(may(user, "instructor", target())).toBe(true);
    expect(may(user, "owner", target())).toBe(true);
    // An account that joined the group (not made on its invite), or is in another group too: the
    // attack of creating a group, inviting someone and resetting their password.
    expect(may(user, "owner", target({ managedHere: false }))).toBe(false);
    expect(may(user, "instructor", target({ managedHere: false }))).toBe(false);
    expect(may(user, "member", target())).toBe(false);
    expect(may(user, null, target())).toBe(false);
    expect(may(null, "owner", target())).toBe(false);
    expect(may(user, "owner", target({ role: null }))).toBe(false);
    expect(may(user, "owner", target({ role: "instructor" }))).toBe(false);
    expect(may(user, "owner", target({ role: "owner" }))).toBe(false);
    expect(may(user, "owner", target({ instanceRole: "admin" }))).toBe(false);
    expect(may(user, "owner", target({ userId: user.userId }))).toBe(false);
    expect(may(admin, null, target({ role: null, managedHere: false }))).toBe(true);
    expect(may(admin, null, target({ role: "owner", managedHere: false }))).toBe(true);
    expect(may(admin, null, target({ instanceRole: "admin" }))).toBe(false);
    expect(may(admin, null, target({ userId: admin.userId }))).toBe(false);
  });

  it("lets owners assign any role and instructors only member", () => {
    const roles = (role: GroupRole | null) => assignableRoles({ actor: user, role });
    expect(roles("owner")).toEqual(["owner", "instructor", "member"]);
    expect(roles("instructor")).toEqual(["member"]);
    expect(roles("member")).toEqual([]);
    expect(assignableRoles({ actor: admin, role: null })).toHaveLength(3);
  });
});
