-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "userId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "requestId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "reviewedAt" DATETIME NOT NULL,
    "stateBefore" INTEGER NOT NULL,
    "stateAfter" INTEGER NOT NULL,
    "dueBefore" DATETIME,
    "dueAfter" DATETIME NOT NULL,
    "stabilityBefore" REAL NOT NULL,
    "stability" REAL NOT NULL,
    "difficultyBefore" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "answer" TEXT,
    "variantSeed" INTEGER,
    "correct" BOOLEAN,
    "proposedRating" INTEGER,
    "previous" TEXT,
    "hasSiblings" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "ReviewLog_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("answer", "cardId", "correct", "deckId", "difficulty", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "previous", "proposedRating", "rating", "requestId", "reviewedAt", "scheduledDays", "stability", "stabilityBefore", "stateAfter", "stateBefore", "userId", "variantSeed") SELECT "answer", "cardId", "correct", "deckId", "difficulty", "difficultyBefore", "dueAfter", "dueBefore", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learningSteps", "previous", "proposedRating", "rating", "requestId", "reviewedAt", "scheduledDays", "stability", "stabilityBefore", "stateAfter", "stateBefore", "userId", "variantSeed" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_idx" ON "ReviewLog"("userId", "reviewedAt", "deckId", "stateBefore");
CREATE INDEX "ReviewLog_userId_hasSiblings_reviewedAt_idx" ON "ReviewLog"("userId", "hasSiblings", "reviewedAt");
CREATE INDEX "ReviewLog_cardId_reviewedAt_idx" ON "ReviewLog"("cardId", "reviewedAt");
CREATE INDEX "ReviewLog_deckId_reviewedAt_idx" ON "ReviewLog"("deckId", "reviewedAt");
CREATE UNIQUE INDEX "ReviewLog_userId_requestId_key" ON "ReviewLog"("userId", "requestId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;


-- Backfill (hand-written): logs of cards that have siblings now.
UPDATE "ReviewLog" SET "hasSiblings" = true WHERE "cardId" IN (SELECT c.id FROM "Card" c
  WHERE EXISTS (SELECT 1 FROM "Card" c2 WHERE c2."siblingKey" = c."siblingKey" AND c2.id <> c.id));
