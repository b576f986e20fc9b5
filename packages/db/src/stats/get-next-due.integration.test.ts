// The next due time a caught-up learner is shown: the earliest future due of a card they review,
// never a suspended, retired or new card's, nor one of another deck when decks are named.
import { describe, expect, it } from "vitest";
import { createReviewFixture } from "../testing/review-fixtures.ts";
import { DAY, MIN, T0 as NOW, useTestDb } from "../testing/review-test-helpers.ts";
import { getNextDue } from "./get-next-due.ts";

const { db } = useTestDb();

async function setState(
  fx: { userId: string; deckId: string },
  cardId: string,
  state: number,
  dueOffset: number,
  extra: { suspended?: boolean } = {},
) {
  await db().cardState.create({
    data: {
      userId: fx.userId,
      cardId,
      deckId: fx.deckId,
      state,
      due: new Date(NOW.getTime() + dueOffset),
      stability: 10,
      difficulty: 5,
      reps: 3,
      ...extra,
    },
  });
}

describe("getNextDue", () => {
  it("is the earliest future due of a reviewable card, per deck", async () => {
    const fx = await createReviewFixture(db(), { cards: 6 });
    const other = await createReviewFixture(db(), {
      cards: 1,
      userId: fx.userId,
      deckSlug: "other",
    });
    const [a, b, c, d, e, f] = fx.cardIds as [string, string, string, string, string, string];
    await setState(fx, a, 2, -DAY); // due now: not "next"
    await setState(fx, b, 0, 5 * MIN); // new: not scheduled
    await setState(fx, c, 2, 10 * MIN, { suspended: true });
    await setState(fx, d, 2, 20 * MIN); // retired below
    await db().card.update({ where: { id: d }, data: { retiredAt: NOW } });
    await setState(fx, e, 1, 2 * DAY);
    await setState(fx, f, 3, 3 * 60 * MIN);
    await setState(other, other.cardIds[0] as string, 2, 30 * MIN);

    const at = (deckIds?: string[]) =>
      getNextDue({ db: db(), userId: fx.userId, now: NOW, ...(deckIds ? { deckIds } : {}) });
    expect(await at([fx.deckId])).toEqual(new Date(NOW.getTime() + 3 * 60 * MIN));
    expect(await at()).toEqual(new Date(NOW.getTime() + 30 * MIN));
    expect(await at([other.deckId])).toEqual(new Date(NOW.getTime() + 30 * MIN));
    expect(await at([])).toBeNull();
    expect(
      await getNextDue({ db: db(), userId: fx.userId, now: new Date(NOW.getTime() + 3 * DAY) }),
    ).toBeNull();
  });
});
