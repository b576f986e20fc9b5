// The authorization matrix: every server action and every route handler of the web app, with what
// each role may do. `authz.test.ts` fails when a route or an exported server action has no entry.
//
// Outcomes: allow (2xx, or an action's ok result), deny (401/403/404 or UNAUTHENTICATED, FORBIDDEN,
// NOT_FOUND), conflict (409: authorized but refused by a business rule, e.g. the last owner leaving),
// invalid (400: authorized, input refused).
import type { Fixture, Role } from "./fixture.ts";

export type Outcome = "allow" | "deny" | "conflict" | "invalid";
export type Row = Record<Role, Outcome>;

const row = (
  anonymous: Outcome,
  outsider: Outcome,
  member: Outcome,
  instructor: Outcome,
  owner: Outcome,
  admin: Outcome,
): Row => ({ anonymous, outsider, member, instructor, owner, admin });

/** Any signed-in account, for its own data. */
const SIGNED_IN = row("deny", "allow", "allow", "allow", "allow", "allow");
/** Staff of group Alpha (instructor, owner) and the instance admin. */
const STAFF_A = row("deny", "deny", "deny", "allow", "allow", "allow");
/** Members of group Alpha (any role) and the admin. */
const MEMBERS_A = row("deny", "deny", "allow", "allow", "allow", "allow");
const OWNER_A = row("deny", "deny", "deny", "deny", "allow", "allow");
const ADMIN = row("deny", "deny", "deny", "deny", "deny", "allow");
/** Learners' own reviewing: members of a group subscribed to the deck (any role; the admin only
 * reviews decks of groups they belong to). */
const LEARNERS_A = row("deny", "deny", "allow", "allow", "allow", "deny");

type Call = (fn: (...args: unknown[]) => Promise<unknown>, fx: Fixture) => Promise<unknown>;

export interface ActionEntry {
  /** Path under apps/web/src, then `#` and the export's name. */
  id: string;
  call: Call;
  expect: Row;
  why?: string;
}

export interface RouteEntry {
  /** The route's folder under apps/web/src/app, then a space and the method. */
  id: string;
  params: (fx: Fixture) => Record<string, string | string[]>;
  request?: (fx: Fixture) => { query?: string; body?: FormData; json?: unknown };
  /** Another route to call first as the same role (its outcome is not checked). */
  before?: { id: string; request: (fx: Fixture) => { json?: unknown } };
  expect: Row | "public";
  why?: string;
}

function form(fields: Record<string, string | string[]>): FormData {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) {
    for (const x of Array.isArray(v) ? v : [v]) f.append(k, x);
  }
  return f;
}
const act =
  (fields: (fx: Fixture) => Record<string, string | string[]>): Call =>
  (fn, fx) =>
    fn(null, form(fields(fx)));

const NOTE = "# CNN\n\nStride::The step of the kernel.\n";
const upload = () => {
  const f = new FormData();
  f.append("files", new File([NOTE], "cnn.md", { type: "text/markdown" }));
  return { body: f };
};

export const ACTIONS: ActionEntry[] = [
  {
    id: "features/auth/actions.ts#signOutAction",
    call: (fn) => fn(),
    expect: row("allow", "allow", "allow", "allow", "allow", "allow"),
    why: "ends only the caller's own session (none for a visitor)",
  },
  {
    id: "features/groups/actions.ts#createGroupAction",
    call: act(() => ({ name: "New group", slug: "new-group" })),
    expect: SIGNED_IN,
    why: "any account may start a group (and becomes its owner)",
  },
  {
    id: "features/groups/actions.ts#createInviteAction",
    call: act((fx) => ({ groupId: fx.groupA, role: "member", expiresInHours: "24", maxUses: "5" })),
    expect: STAFF_A,
  },
  {
    id: "features/groups/actions.ts#revokeInviteAction",
    call: act((fx) => ({ inviteId: fx.inviteId })),
    expect: STAFF_A,
  },
  {
    id: "features/groups/actions.ts#acceptInviteAction",
    call: (fn, fx) => fn(fx.inviteToken),
    expect: SIGNED_IN,
    why: "holding a valid invite link is the permission",
  },
  {
    id: "features/groups/actions.ts#leaveGroupAction",
    call: act((fx) => ({ groupId: fx.groupA })),
    expect: row("deny", "deny", "allow", "allow", "conflict", "deny"),
    why: "only members leave; the last owner must hand over first",
  },
  {
    id: "features/groups/actions.ts#renameGroupAction",
    call: act((fx) => ({ groupId: fx.groupA, name: "Alpha 2026" })),
    expect: OWNER_A,
  },
  {
    id: "features/groups/actions.ts#deleteGroupAction",
    call: act((fx) => ({ groupId: fx.groupA })),
    expect: OWNER_A,
  },
  {
    id: "features/groups/actions.ts#removeMemberAction",
    call: act((fx) => ({ groupId: fx.groupA, userId: "u-member" })),
    expect: STAFF_A,
  },
  {
    id: "features/groups/actions.ts#changeRoleAction",
    call: act((fx) => ({ groupId: fx.groupA, userId: "u-member", role: "instructor" })),
    expect: OWNER_A,
  },
  {
    id: "features/groups/actions.ts#subscribeDeckAction",
    call: act((fx) => ({ groupId: fx.groupA, deckId: fx.deckB })),
    expect: ADMIN,
    why: "Beta's deck is invisible to Alpha's staff; only the admin sees every deck",
  },
  {
    id: "features/groups/actions.ts#unsubscribeDeckAction",
    call: act((fx) => ({ groupId: fx.groupA, deckId: fx.deckA })),
    expect: STAFF_A,
  },
  {
    id: "features/groups/actions.ts#setPresetAction",
    call: act((fx) => ({
      groupId: fx.groupA,
      deckId: fx.deckA,
      desiredRetention: "0.85",
      newPerDay: "10",
      reviewsPerDay: "100",
      learningSteps: "1m 10m",
      relearningSteps: "10m",
      maximumInterval: "365",
      learnerOverridable: ["newPerDay"],
    })),
    expect: STAFF_A,
  },
  {
    id: "app/settings/tokens/actions.ts#createTokenAction",
    call: act(() => ({ name: "laptop" })),
    expect: SIGNED_IN,
  },
  {
    id: "app/settings/tokens/actions.ts#revokeTokenAction",
    call: act((fx) => ({ tokenId: fx.memberTokenId })),
    expect: row("deny", "deny", "allow", "deny", "deny", "deny"),
    why: "a token is revoked only by its owner",
  },
  {
    id: "features/admin/actions.ts#setInstanceRoleAction",
    call: act(() => ({ userId: "u-member", role: "admin" })),
    expect: ADMIN,
  },
  {
    id: "app/settings/account/actions.ts#deleteAccountAction",
    call: act(() => ({ password: "matrix-password-1" })),
    expect: row("deny", "allow", "allow", "allow", "conflict", "conflict"),
    why: "own account only; the only owner of a shared group and the only admin must hand over first",
  },
  {
    id: "features/authoring/actions.ts#createDeckAction",
    call: act((fx) => ({ groupId: fx.groupA, name: "New deck", slug: "new-deck" })),
    expect: STAFF_A,
  },
  {
    id: "features/authoring/actions.ts#saveCardAction",
    call: (fn, fx) =>
      fn({
        deckId: fx.deckA,
        deckSlug: "alpha-deck",
        fields: { kind: "basic", front: "What is $k$?", back: "Kernel size", tags: "" },
      }),
    expect: STAFF_A,
  },
  {
    id: "features/authoring/actions.ts#setRetiredAction",
    call: act((fx) => ({ deckId: fx.deckA, cardId: fx.cardA, retired: "1" })),
    expect: STAFF_A,
  },
  {
    id: "features/review/actions.ts#saveSettingsAction",
    call: (fn) =>
      fn(form({ timeZone: "Asia/Seoul", dayStartHour: "4", locale: "ko", theme: "dark" })),
    expect: SIGNED_IN,
    why: "the learner's own settings",
  },
  {
    id: "features/settings/actions.ts#adoptTimeZoneAction",
    call: (fn) => fn("Asia/Seoul"),
    expect: SIGNED_IN,
    why: "the learner's own first settings (kept when already saved)",
  },
];

export const ROUTES: RouteEntry[] = [
  {
    id: "api/auth/[...all] GET",
    params: () => ({ all: ["get-session"] }),
    expect: "public",
    why: "better-auth's endpoints (sign-in, sign-up, sign-out, session) authenticate by themselves",
  },
  {
    id: "api/auth/[...all] POST",
    params: () => ({ all: ["sign-in", "email"] }),
    expect: "public",
    why: "better-auth's endpoints (sign-in, sign-up, sign-out, session) authenticate by themselves",
  },
  { id: "admin/backup GET", params: () => ({}), expect: ADMIN },
  {
    id: "decks/[slug]/assets/[...path] GET",
    params: () => ({ slug: "alpha-deck", path: ["img", "a.png"] }),
    expect: MEMBERS_A,
    why: "images are served to members of a group subscribed to the deck",
  },
  {
    id: "decks/[slug]/import/preview POST",
    params: () => ({ slug: "alpha-deck" }),
    request: upload,
    expect: STAFF_A,
  },
  {
    id: "decks/[slug]/import/publish POST",
    params: () => ({ slug: "alpha-deck" }),
    request: upload,
    expect: STAFF_A,
  },
  {
    id: "groups/[slug]/dashboard/cards.csv GET",
    params: () => ({ slug: "alpha" }),
    expect: STAFF_A,
  },
  {
    id: "groups/[slug]/dashboard/members.csv GET",
    params: () => ({ slug: "alpha" }),
    expect: STAFF_A,
  },
  { id: "settings/account/export GET", params: () => ({}), expect: SIGNED_IN },
  {
    id: "api/v1/decks GET",
    params: () => ({}),
    expect: SIGNED_IN,
    why: "lists the caller's own decks",
  },
  {
    id: "api/v1/cards/[id] GET",
    params: (fx) => ({ id: fx.cardA }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/cards/[id]/bury POST",
    params: (fx) => ({ id: fx.cardA }),
    request: () => ({ json: {} }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/cards/[id]/suspend POST",
    params: (fx) => ({ id: fx.cardA }),
    request: () => ({ json: {} }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/review/next GET",
    params: () => ({}),
    request: (fx) => ({ query: `deck=${fx.deckA}` }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/review/check POST",
    params: () => ({}),
    request: (fx) => ({ json: { cardId: fx.cardA, answer: "3", durationMs: 1000 } }),
    expect: row("deny", "deny", "invalid", "invalid", "invalid", "deny"),
    why: "the fixture card is not an exercise: learners of the deck get 400, others 404",
  },
  {
    id: "api/v1/reviews POST",
    params: () => ({}),
    request: (fx) => ({
      json: { requestId: "matrix-request-1", cardId: fx.cardA, rating: 3, durationMs: 2000 },
    }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/reviews/undo POST",
    params: () => ({}),
    request: () => ({ json: {} }),
    before: {
      id: "api/v1/reviews POST",
      request: (fx) => ({
        json: { requestId: "matrix-request-1", cardId: fx.cardA, rating: 3, durationMs: 2000 },
      }),
    },
    expect: LEARNERS_A,
    why: "undoes the caller's own review of Alpha's card, made just before (if they could)",
  },
];
