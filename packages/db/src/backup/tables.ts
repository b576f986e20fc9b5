// Every table of the instance in an order that satisfies foreign keys when restoring, with a stable
// order for export. A test fails when `prisma/models.prisma` gains a model that is not listed here.
export const BACKUP_TABLES = [
  { model: "User", delegate: "user", orderBy: [{ id: "asc" }] },
  { model: "Session", delegate: "session", orderBy: [{ id: "asc" }] },
  { model: "Account", delegate: "account", orderBy: [{ id: "asc" }] },
  { model: "Verification", delegate: "verification", orderBy: [{ id: "asc" }] },
  { model: "RateLimit", delegate: "rateLimit", orderBy: [{ id: "asc" }] },
  { model: "ApiToken", delegate: "apiToken", orderBy: [{ id: "asc" }] },
  { model: "LearnerSettings", delegate: "learnerSettings", orderBy: [{ userId: "asc" }] },
  { model: "Group", delegate: "group", orderBy: [{ id: "asc" }] },
  { model: "Membership", delegate: "membership", orderBy: [{ groupId: "asc" }, { userId: "asc" }] },
  { model: "Invite", delegate: "invite", orderBy: [{ id: "asc" }] },
  { model: "DeckPreset", delegate: "deckPreset", orderBy: [{ id: "asc" }] },
  { model: "Deck", delegate: "deck", orderBy: [{ id: "asc" }] },
  { model: "GroupDeck", delegate: "groupDeck", orderBy: [{ groupId: "asc" }, { deckId: "asc" }] },
  { model: "Note", delegate: "note", orderBy: [{ id: "asc" }] },
  { model: "Card", delegate: "card", orderBy: [{ id: "asc" }] },
  { model: "Asset", delegate: "asset", orderBy: [{ id: "asc" }] },
  { model: "ImportRejection", delegate: "importRejection", orderBy: [{ id: "asc" }] },
  { model: "CardState", delegate: "cardState", orderBy: [{ userId: "asc" }, { cardId: "asc" }] },
  {
    model: "LearnerDeckProgress",
    delegate: "learnerDeckProgress",
    orderBy: [{ userId: "asc" }, { deckId: "asc" }],
  },
  { model: "ReviewLog", delegate: "reviewLog", orderBy: [{ id: "asc" }] },
  { model: "FsrsParameters", delegate: "fsrsParameters", orderBy: [{ id: "asc" }] },
] as const;
