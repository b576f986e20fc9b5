// `node --cpu-prof --cpu-prof-dir=DIR --import tsx bench/profile-review-domain.ts`: the review
// service's part of one API review step (submitReview, then getNextCard) in a loop on a fresh SQLite
// database with the load fixture, timing each part — the domain cost without HTTP and rendering.
import { getNextCard, openDb, submitReview } from "@strides/db";
import { freshSqliteDb } from "./lib/databases.ts";
import { createLoadFixture } from "./lib/load-fixture.ts";

const n = Number(process.env.STRIDES_PROFILE_REVIEWS ?? 200);
const db = await freshSqliteDb();
const fx = await createLoadFixture({ url: db.url, learners: 64, cards: 300, now: new Date() });
const h = await openDb(db.url);
const learner = fx.learners[0]!;
let cardId: string | null = fx.cardIds[0]!;
let tSubmit = 0;
let tNext = 0;
let done = 0;
for (let i = 0; i < n && cardId; i++) {
  const now = new Date();
  const t0 = performance.now();
  await submitReview({
    db: h.db,
    userId: learner.userId,
    cardId,
    requestId: `profile-${i}`,
    rating: 3,
    durationMs: 4000,
    now,
  });
  const t1 = performance.now();
  const next = await getNextCard({ db: h.db, userId: learner.userId, deckIds: [fx.deckId], now });
  tNext += performance.now() - t1;
  tSubmit += t1 - t0;
  cardId = next.card?.id ?? null;
  done++;
}
console.log(
  `${done} reviews: submitReview ${(tSubmit / done).toFixed(1)} ms, getNextCard ${(tNext / done).toFixed(1)} ms per review`,
);
await h.close();
await db.drop();
