-- DropIndex
DROP INDEX "CardState_userId_deckId_suspended_due_idx";

-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "proposedRating" INTEGER;

-- CreateTable
CREATE TABLE "LearnerDeckProgress" (
    "userId" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "newCursor" INTEGER NOT NULL DEFAULT 0,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "LearnerDeckProgress_pkey" PRIMARY KEY ("userId","deckId")
);

-- CreateIndex
CREATE INDEX "LearnerDeckProgress_deckId_idx" ON "LearnerDeckProgress"("deckId");

-- CreateIndex
CREATE INDEX "CardState_userId_deckId_suspended_state_due_idx" ON "CardState"("userId", "deckId", "suspended", "state", "due");

-- AddForeignKey
ALTER TABLE "LearnerDeckProgress" ADD CONSTRAINT "LearnerDeckProgress_userId_fkey" FOREIGN KEY ("userId") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LearnerDeckProgress" ADD CONSTRAINT "LearnerDeckProgress_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

