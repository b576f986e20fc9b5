// Who may do what. A pure function of the actor's instance role and their role in the group, so the
// whole matrix is unit-tested without a database; the data functions load the membership and ask it.
export const GROUP_ROLES = ["owner", "instructor", "member"] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
export type InstanceRole = "admin" | "user";

export interface Actor {
  userId: string;
  instanceRole: InstanceRole;
}

export const GROUP_ACTIONS = [
  /** See the group's name, decks and own membership. */
  "group.view",
  /** Rename or delete the group. */
  "group.manage",
  "group.leave",
  "members.list",
  "members.remove",
  "members.changeRole",
  "invites.manage",
  "decks.subscribe",
  "decks.author",
  "presets.edit",
  "dashboard.view",
] as const;
export type GroupAction = (typeof GROUP_ACTIONS)[number];

export const INSTANCE_ACTIONS = ["group.create", "instance.manage", "instance.backup"] as const;
export type InstanceAction = (typeof INSTANCE_ACTIONS)[number];

const STAFF: readonly GroupRole[] = ["owner", "instructor"];

export const DECK_ACTIONS = [
  /** Study the deck: queue, reviews, own schedule. */
  "deck.review",
  /** See a card's content, its images and one's own history of it. */
  "card.read",
  /** Edit the deck's cards, import notes into it. */
  "deck.author",
] as const;
export type DeckAction = (typeof DECK_ACTIONS)[number];

/**
 * Who may act on a deck: the instance admin (when `admin`), or an account whose role, in some group
 * subscribed to the deck, is one of `roles`. The one definition: `can()` reads it, and the SQL
 * condition and Prisma filters of packages/db/src/access/deck-access.ts are built from it.
 */
export interface DeckRule {
  admin: boolean;
  roles: readonly GroupRole[];
}

export const DECK_RULES: Record<DeckAction, DeckRule> = {
  // The admin studies only the decks of groups they belong to.
  "deck.review": { admin: false, roles: GROUP_ROLES },
  "card.read": { admin: true, roles: GROUP_ROLES },
  "deck.author": { admin: true, roles: STAFF },
};

const GROUP_RULES: Record<GroupAction, readonly GroupRole[]> = {
  "group.view": GROUP_ROLES,
  "group.manage": ["owner"],
  "group.leave": GROUP_ROLES,
  "members.list": STAFF,
  "members.remove": STAFF,
  "members.changeRole": ["owner"],
  "invites.manage": STAFF,
  "decks.subscribe": STAFF,
  "decks.author": STAFF,
  "presets.edit": STAFF,
  "dashboard.view": STAFF,
};

export const MEMBER_ACTIONS = [
  /** Create a one-time password-reset link for another account. */
  "member.resetPassword",
] as const;
export type MemberAction = (typeof MEMBER_ACTIONS)[number];

/** The account a member action is about. */
export interface TargetAccount {
  userId: string;
  instanceRole: InstanceRole;
  /** Their role in the group the actor acts through (null: not a member). */
  role: GroupRole | null;
  /**
   * The account was made by signing up on this group's invite link (a learner account the group
   * manages), and it belongs to no other group.
   */
  managedHere: boolean;
}

/**
 * member.resetPassword: the admin for any other account but an admin's; an owner or instructor of
 * a group only for a plain member of it whose account the group manages (`managedHere`: made on the
 * group's invite link, in no other group). A reset link takes the account over, so a group's staff
 * never reach an account that existed before it joined them, or that another group also counts on:
 * creating a group and inviting someone gives no hold on their account. Nobody for themselves.
 */
function canActOnMember(actor: Actor, group: { role: GroupRole | null }, target: TargetAccount) {
  if (target.userId === actor.userId || target.instanceRole === "admin") return false;
  if (actor.instanceRole === "admin") return true;
  return (
    group.role !== null &&
    STAFF.includes(group.role) &&
    target.role === "member" &&
    target.managedHere
  );
}

export function isGroupRole(value: string): value is GroupRole {
  return (GROUP_ROLES as readonly string[]).includes(value);
}

/**
 * Whether `actor` may do `action`. For group actions pass the actor's role in that group (null when
 * not a member); for deck actions their roles in the groups subscribed to the deck. The instance admin may manage every group (but leaving needs a membership).
 */
export function can(
  options:
    | {
        actor: Actor | null;
        action: GroupAction;
        group: { role: GroupRole | null };
        deck?: undefined;
        target?: undefined;
      }
    | {
        actor: Actor | null;
        action: MemberAction;
        /** The actor's role in the group they act through. */
        group: { role: GroupRole | null };
        target: TargetAccount;
        deck?: undefined;
      }
    | {
        actor: Actor | null;
        action: InstanceAction;
        group?: undefined;
        deck?: undefined;
        target?: undefined;
      }
    | {
        actor: Actor | null;
        action: DeckAction;
        /** The actor's roles in the groups subscribed to the deck (empty: none). */
        deck: { roles: readonly GroupRole[] };
        group?: undefined;
        target?: undefined;
      },
): boolean {
  const { actor, action } = options;
  if (!actor) return false;
  if (options.target !== undefined) {
    return canActOnMember(actor, options.group, options.target);
  }
  if (options.deck !== undefined) {
    const rule = DECK_RULES[options.action];
    if (rule.admin && actor.instanceRole === "admin") return true;
    return options.deck.roles.some((role) => rule.roles.includes(role));
  }
  if (options.group === undefined) {
    if (action === "group.create") return true;
    return actor.instanceRole === "admin";
  }
  const role = options.group.role;
  if (action === "group.leave") return role !== null;
  if (actor.instanceRole === "admin") return true;
  if (role === null) return false;
  return GROUP_RULES[action as GroupAction].includes(role);
}

/** Roles an actor may hand out (invites, role changes): owners any role, instructors only member. */
export function assignableRoles(options: {
  actor: Actor;
  role: GroupRole | null;
}): readonly GroupRole[] {
  if (options.actor.instanceRole === "admin" || options.role === "owner") return GROUP_ROLES;
  if (options.role === "instructor") return ["member"];
  return [];
}
