-- DropIndex
DROP INDEX "Card_deckId_retiredAt_position_idx";

-- CreateIndex
CREATE INDEX "Card_deckId_retiredAt_position_id_idx" ON "Card"("deckId", "retiredAt", "position", "id");

