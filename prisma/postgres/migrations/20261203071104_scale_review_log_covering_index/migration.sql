-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_rating_durat_idx" ON "ReviewLog"("userId", "reviewedAt", "deckId", "stateBefore", "rating", "durationMs", "cardId");

