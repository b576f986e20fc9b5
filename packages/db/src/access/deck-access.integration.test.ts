// The deck rule has one definition (DECK_RULES, asked through can()); its SQL condition, its Prisma
// filters and the data functions built on them must agree with it. Random worlds of accounts,
// groups, memberships and subscriptions, on the database of the project (SQLite or Postgres): every
// account × deck × action is answered by can() from the world itself and compared with each copy.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  authorDeckSlug,
  canAuthorDeck,
  listAuthorDecks,
} from "../authoring/require-deck-author.ts";
import { readDeckAsset } from "../authoring/store-deck-assets.ts";
import { getCardDetail } from "../browse/get-card-detail.ts";
import { searchCards } from "../browse/search-cards.ts";
import { listDeckIdsForUser, listDecksForUser } from "../decks/list-decks-for-user.ts";
import {
  type Actor,
  can,
  DECK_ACTIONS,
  type DeckAction,
  GROUP_ROLES,
  type GroupRole,
} from "../groups/permissions.ts";
import { loadLearnerContext } from "../review/learner-context.ts";
import { sql } from "../review/sql-values.ts";
import { sqlRunnerOf } from "../sql-runner.ts";
import { createTestDb, type TestDb } from "../testing/test-db.ts";
import { canReviewDeck } from "./can-review-deck.ts";
import { canOnDeck, deckAccessSql, deckWhere } from "./deck-access.ts";

const USERS = 4;
const GROUPS = 3;
const DECKS = 3;

interface World {
  admins: boolean[];
  /** memberships[user][group]: the role, or null. */
  memberships: (GroupRole | null)[][];
  /** subscribed[group][deck] */
  subscribed: boolean[][];
}

const world: fc.Arbitrary<World> = fc.record({
  admins: fc.array(fc.boolean(), { minLength: USERS, maxLength: USERS }),
  memberships: fc.array(
    fc.array(fc.option(fc.constantFrom(...GROUP_ROLES), { nil: null }), {
      minLength: GROUPS,
      maxLength: GROUPS,
    }),
    { minLength: USERS, maxLength: USERS },
  ),
  subscribed: fc.array(fc.array(fc.boolean(), { minLength: DECKS, maxLength: DECKS }), {
    minLength: GROUPS,
    maxLength: GROUPS,
  }),
});

/** can()'s answer, from the world alone. */
function expected(w: World, u: number, d: number, action: DeckAction): boolean {
  const actor: Actor = { userId: `u${u}`, instanceRole: w.admins[u] ? "admin" : "user" };
  const roles: GroupRole[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const role = w.memberships[u]?.[g];
    if (role && w.subscribed[g]?.[d]) roles.push(role);
  }
  return can({ actor, action, deck: { roles } });
}

let t: TestDb;
let run = 0;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(async () => {
  await t?.destroy();
});

async function insert(w: World, p: string) {
  const db = t.db;
  for (let u = 0; u < USERS; u++) {
    const id = `${p}u${u}`;
    await db.user.create({
      data: { id, name: id, email: `${id}@example.test`, role: w.admins[u] ? "admin" : "user" },
    });
  }
  for (let d = 0; d < DECKS; d++) {
    const id = `${p}d${d}`;
    await db.deck.create({ data: { id, slug: id, name: id } });
    await db.card.create({
      data: {
        id: `${id}c`,
        deckId: id,
        key: `${id}k`,
        kind: "basic",
        contentHash: "h",
        content: JSON.stringify({ kind: "basic", front: "f", back: "b" }),
        siblingKey: `${id}k`,
        searchText: "f",
      },
    });
    await db.asset.create({
      data: {
        deckId: id,
        path: "a.png",
        mimeType: "image/png",
        size: 1,
        sha256: "s",
        data: new Uint8Array([1]),
      },
    });
  }
  for (let g = 0; g < GROUPS; g++) {
    const id = `${p}g${g}`;
    await db.group.create({ data: { id, name: id, slug: id } });
    for (let d = 0; d < DECKS; d++) {
      if (w.subscribed[g]?.[d])
        await db.groupDeck.create({ data: { groupId: id, deckId: `${p}d${d}` } });
    }
    for (let u = 0; u < USERS; u++) {
      const role = w.memberships[u]?.[g];
      if (role) await db.membership.create({ data: { groupId: id, userId: `${p}u${u}`, role } });
    }
  }
}

const ok = (promise: Promise<unknown>) =>
  promise.then(
    () => true,
    (e: { code?: string }) => {
      if (e.code === "NOT_FOUND") return false;
      throw e;
    },
  );

describe("the deck rule's copies follow can()", () => {
  it("on random memberships, roles and subscriptions", async () => {
    await fc.assert(
      fc.asyncProperty(world, async (w) => {
        const p = `r${run++}`;
        await insert(w, p);
        const db = t.db;
        for (let u = 0; u < USERS; u++) {
          const userId = `${p}u${u}`;
          const actor: Actor = { userId, instanceRole: w.admins[u] ? "admin" : "user" };
          const byAction = new Map<DeckAction, string[]>();
          for (const action of DECK_ACTIONS) {
            const want: string[] = [];
            for (let d = 0; d < DECKS; d++) if (expected(w, u, d, action)) want.push(`${p}d${d}`);
            byAction.set(action, want);
            const rows = await sqlRunnerOf(db).query(sql`SELECT d.id FROM "Deck" d
              WHERE d.id LIKE ${`${p}d%`} AND ${deckAccessSql(action, userId, sql.raw("d.id"))}
              ORDER BY d.id`);
            expect(
              rows.map((r) => String(r.id)),
              `SQL ${action} ${userId}`,
            ).toEqual(want);
            const viaPrisma = await db.deck.findMany({
              where: { AND: [{ id: { startsWith: p } }, deckWhere(action, actor)] },
              orderBy: { id: "asc" },
              select: { id: true },
            });
            expect(
              viaPrisma.map((r) => r.id),
              `Prisma ${action} ${userId}`,
            ).toEqual(want);
            for (let d = 0; d < DECKS; d++) {
              const deckId = `${p}d${d}`;
              const may = await canOnDeck({ db, actor, action, deckId });
              expect(may, `canOnDeck ${action} ${userId} ${deckId}`).toBe(want.includes(deckId));
            }
          }
          const review = byAction.get("deck.review") ?? [];
          const read = byAction.get("card.read") ?? [];
          const author = byAction.get("deck.author") ?? [];
          expect((await listDeckIdsForUser({ db, userId })).sort()).toEqual(review);
          expect((await listDecksForUser({ db, userId })).map((d) => d.id).sort()).toEqual(review);
          const search = await searchCards({ db, userId, now: new Date() });
          expect(search.items.map((r) => r.deckId).sort()).toEqual(review);
          const authored = (await listAuthorDecks({ db, actor })).map((d) => d.id);
          expect(authored.filter((id) => id.startsWith(p)).sort()).toEqual(author);
          for (let d = 0; d < DECKS; d++) {
            const deckId = `${p}d${d}`;
            const label = `${userId} ${deckId}`;
            expect(await canReviewDeck({ db, userId, deckId }), label).toBe(
              review.includes(deckId),
            );
            expect(await ok(loadLearnerContext(db, userId, [deckId])), label).toBe(
              review.includes(deckId),
            );
            expect(await canAuthorDeck({ db, actor, deckId }), label).toBe(author.includes(deckId));
            expect(await authorDeckSlug({ db, userId, deckId }), label).toBe(
              author.includes(deckId) ? deckId : null,
            );
            expect(await ok(getCardDetail({ db, userId, cardId: `${deckId}c` })), label).toBe(
              read.includes(deckId),
            );
            const asset = await readDeckAsset({
              db,
              userId,
              instanceRole: actor.instanceRole,
              deckSlug: deckId,
              path: "a.png",
            });
            expect(asset !== null, label).toBe(read.includes(deckId));
          }
        }
      }),
      { numRuns: 12, seed: 20261203 },
    );
  }, 300_000);
});
