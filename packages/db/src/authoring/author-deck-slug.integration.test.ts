// authorDeckSlug (the review screen's edit link) follows canAuthorDeck on both databases: the
// admin and a group's owner or instructor get the slug, a member and an outsider get null; the
// card getNextCard shows carries the same slug (read with the learner's context).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getNextCard } from "../review/get-next-card.ts";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { createTestDb, type TestDb } from "../testing/test-db.ts";
import { authorDeckSlug, canAuthorDeck } from "./require-deck-author.ts";

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.destroy();
});

describe("authorDeckSlug", () => {
  it("gives the slug exactly to those who may author the deck", async () => {
    const fx = await createReviewFixture(t.db, { cards: 1, deckSlug: "cnn" });
    const other = await createReviewFixture(t.db, { cards: 1, deckSlug: "rnn", userId: "other" });
    const user = (id: string, role = "user") =>
      t.db.user.create({ data: { id, name: id, email: `${id}@example.test`, role } });
    await user("admin", "admin");
    await user("teacher");
    await user("outsider");
    await t.db.membership.create({
      data: { groupId: fx.groupId, userId: "teacher", role: "instructor" },
    });
    const cases: [string, string, string | null][] = [
      ["admin", fx.deckId, "cnn"],
      ["teacher", fx.deckId, "cnn"],
      ["teacher", other.deckId, null],
      [fx.userId, fx.deckId, null],
      ["outsider", fx.deckId, null],
      ["admin", "no-such-deck", null],
    ];
    for (const [userId, deckId, slug] of cases) {
      expect(await authorDeckSlug({ db: t.db, userId, deckId }), `${userId} ${deckId}`).toBe(slug);
      const role = userId === "admin" ? "admin" : "user";
      const may = await canAuthorDeck({ db: t.db, actor: { userId, instanceRole: role }, deckId });
      expect(may).toBe(slug !== null);
    }
    // The review service's shown card: the instructor studying the deck gets the edit link's slug,
    // the learner does not.
    const authorSlugOf = async (userId: string) => {
      const next = await getNextCard({ db: t.db, userId, deckIds: [fx.deckId], now: new Date() });
      return next.card ? next.authorSlug : "no card";
    };
    expect(await authorSlugOf("teacher")).toBe("cnn");
    expect(await authorSlugOf(fx.userId)).toBeNull();
  });
});
