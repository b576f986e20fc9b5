-- CreateTable
CREATE TABLE "ImportRejection" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "deckId" TEXT NOT NULL,
    "cardKey" TEXT NOT NULL,
    "rejectedAt" DATETIME NOT NULL,
    CONSTRAINT "ImportRejection_deckId_fkey" FOREIGN KEY ("deckId") REFERENCES "Deck" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "ImportRejection_deckId_cardKey_key" ON "ImportRejection"("deckId", "cardKey");

