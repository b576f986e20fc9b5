// The authorization matrix: every server action and every route handler of the web app, with what
// each role may do. `authz.test.ts` fails when a route or an exported server action has no entry.
//
// Outcomes: allow (2xx, or an action's ok result); the exact refusal: 401 (not signed in:
// UNAUTHENTICATED, or a redirect to the sign-in page), 403 (FORBIDDEN: the caller sees the group or
// deck but may not do this), 404 (NOT_FOUND: the caller may not even know it exists, answered like a
// missing one); conflict (409: authorized but refused by a business rule, e.g. the last owner
// leaving); invalid (400: authorized, input refused).
import type { Fixture, Role } from "./fixture.ts";

export type Outcome = "allow" | 401 | 403 | 404 | "conflict" | "invalid";
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
const SIGNED_IN = row(401, "allow", "allow", "allow", "allow", "allow");
/** Staff of group Alpha (instructor, owner) and the instance admin; Alpha's member sees the group
 * (403), the outsider does not (404). */
const STAFF_A = row(401, 404, 403, "allow", "allow", "allow");
/** Members of group Alpha (any role) and the admin. */
const MEMBERS_A = row(401, 404, "allow", "allow", "allow", "allow");
const OWNER_A = row(401, 404, 403, 403, "allow", "allow");
/** Instance administration: every account knows the admin pages exist (403). */
const ADMIN = row(401, 403, 403, 403, 403, "allow");
/** Learners' own reviewing: members of a group subscribed to the deck (any role; the admin only
 * reviews decks of groups they belong to, and another group's deck answers like a missing one). */
const LEARNERS_A = row(401, 404, "allow", "allow", "allow", 404);

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
    expect: row(401, 404, "allow", "allow", "conflict", 403),
    why: "only members leave (the admin sees the group: 403); the last owner must hand over first",
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
    expect: row(401, 404, 403, 404, 404, "allow"),
    why: "Beta's deck is invisible to Alpha's staff (404); only the admin sees every deck",
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
    expect: row(401, 404, "allow", 404, 404, 404),
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
    expect: row(401, "allow", "allow", "allow", "conflict", "conflict"),
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
    id: "features/recovery/actions.ts#createResetLinkAction",
    call: act((fx) => ({ groupId: fx.groupA, userId: "u-member" })),
    expect: STAFF_A,
    why: "member.resetPassword: Alpha's staff for an account Alpha manages, the admin for anyone but an admin",
  },
  {
    id: "features/recovery/actions.ts#resetPasswordAction",
    call: act((fx) => ({
      token: fx.resetToken,
      password: "new-matrix-password",
      confirm: "new-matrix-password",
    })),
    expect: row("allow", "allow", "allow", "allow", "allow", "allow"),
    why: "holding a valid reset link is the permission (it is used up, and expires)",
  },
  {
    id: "features/settings/actions.ts#saveSettingsAction",
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
    params: () => ({ all: ["reset-password", "token"] }),
    expect: "public",
    why: "the mailed reset link; better-auth's endpoints the app serves (lib/auth-routes.ts: sign-up, sign-in, password change and reset) authenticate by themselves, the others answer 404",
  },
  {
    id: "api/auth/[...all] POST",
    params: () => ({ all: ["sign-in", "email"] }),
    expect: "public",
    why: "better-auth's endpoints the app serves (lib/auth-routes.ts: sign-up, sign-in, password change and reset) authenticate by themselves, the others answer 404",
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
    expect: MEMBERS_A,
    why: "card.read: members of a subscribed group, and the admin (who may author every deck)",
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
    expect: row(401, 404, "invalid", "invalid", "invalid", 404),
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
  {
    id: "api/v1/review/window GET",
    params: () => ({}),
    request: (fx) => ({ query: `deck=${fx.deckA}` }),
    expect: LEARNERS_A,
  },
  {
    id: "api/v1/reviews/batch POST",
    params: () => ({}),
    request: (fx) => ({
      json: {
        sentAt: new Date().toISOString(),
        reviews: [
          {
            requestId: "matrix-batch-1",
            cardId: fx.cardA,
            rating: 3,
            durationMs: 2000,
            reviewedAt: new Date(Date.now() - 60_000).toISOString(),
          },
        ],
      },
    }),
    expect: LEARNERS_A,
    why: "a batch whose every review is refused for access answers as the single endpoint (403/404)",
  },
];
