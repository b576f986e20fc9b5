-- CreateTable
CREATE TABLE "ImportRejection" (
    "id" TEXT NOT NULL,
    "deckId" TEXT NOT NULL,
    "cardKey" TEXT NOT NULL,
    "rejectedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ImportRejection_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportRejection_deckId_cardKey_key" ON "ImportRejection"("deckId", "cardKey");

-- AddForeignKey
ALTER TABLE "ImportRejection" ADD CONSTRAINT "ImportRejection_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck"("id") ON DELETE CASCADE ON UPDATE CASCADE;

