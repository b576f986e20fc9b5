-- Hand-written: Prisma's diff rebuilt the whole table (a copy of every review log, the largest table,
-- at start-up); SQLite adds a column with a constant default in place. The resulting schema is the
-- one the rebuild gave (the column last, the same indexes).

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN "hasSiblings" BOOLEAN NOT NULL DEFAULT false;

-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_idx" ON "ReviewLog"("userId", "reviewedAt", "deckId", "stateBefore");

-- CreateIndex
CREATE INDEX "ReviewLog_userId_hasSiblings_reviewedAt_idx" ON "ReviewLog"("userId", "hasSiblings", "reviewedAt");

-- Backfill (hand-written; the same statement as packages/db/src/review/sibling-logs.ts): logs of
-- cards that have siblings now.
UPDATE "ReviewLog" SET "hasSiblings" = true
  WHERE "hasSiblings" = false AND "cardId" IN (SELECT c.id FROM "Card" c
    WHERE EXISTS (SELECT 1 FROM "Card" c2 WHERE c2."siblingKey" = c."siblingKey" AND c2.id <> c.id));
