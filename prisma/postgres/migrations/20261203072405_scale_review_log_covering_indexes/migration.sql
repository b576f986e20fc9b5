-- DropIndex
DROP INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_idx";

-- DropIndex
DROP INDEX "ReviewLog_cardId_reviewedAt_idx";

-- CreateIndex
CREATE INDEX "ReviewLog_userId_reviewedAt_deckId_stateBefore_rating_durat_idx" ON "ReviewLog"("userId", "reviewedAt", "deckId", "stateBefore", "rating", "durationMs");

-- CreateIndex
CREATE INDEX "ReviewLog_cardId_reviewedAt_userId_deckId_stateBefore_ratin_idx" ON "ReviewLog"("cardId", "reviewedAt", "userId", "deckId", "stateBefore", "rating", "durationMs");

