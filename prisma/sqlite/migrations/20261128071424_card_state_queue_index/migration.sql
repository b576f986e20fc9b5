-- DropIndex
DROP INDEX "CardState_userId_deckId_suspended_state_due_idx";

-- CreateIndex
CREATE INDEX "CardState_userId_deckId_suspended_state_due_buriedUntil_idx" ON "CardState"("userId", "deckId", "suspended", "state", "due", "buriedUntil");

