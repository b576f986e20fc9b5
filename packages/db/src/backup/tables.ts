// Every table of the instance in an order that satisfies foreign keys when restoring, with a stable
// order for export. A test fails when `prisma/models.prisma` gains a model that is not listed here.
// `live: true` marks tables of live credentials and counters (sessions and their tokens,
// verification and reset tokens, rate-limit counters): never written to a backup, never restored,
// not counted when deciding whether an instance is empty. After a restore everyone signs in again.
// The daily review counts are live too: derived from ReviewLog, by its triggers as its rows are
// restored on SQLite, rebuilt once the logs are all written on Postgres (review-stats-rebuild.ts).
export const BACKUP_TABLES = [
  { model: "User", delegate: "user", orderBy: [{ id: "asc" }] },
  { model: "Session", delegate: "session", orderBy: [{ id: "asc" }], live: true },
  { model: "Account", delegate: "account", orderBy: [{ id: "asc" }] },
  { model: "Verification", delegate: "verification", orderBy: [{ id: "asc" }], live: true },
  { model: "RateLimit", delegate: "rateLimit", orderBy: [{ id: "asc" }], live: true },
  {
    model: "SignInThrottle",
    delegate: "signInThrottle",
    orderBy: [{ email: "asc" }, { address: "asc" }],
    live: true,
  },
  { model: "InstanceClaim", delegate: "instanceClaim", orderBy: [{ key: "asc" }] },
  // Only token hashes are stored: restoring them keeps API clients working.
  { model: "ApiToken", delegate: "apiToken", orderBy: [{ id: "asc" }] },
  { model: "PasswordReset", delegate: "passwordReset", orderBy: [{ id: "asc" }] },
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
  {
    model: "DailyLearnerStats",
    delegate: "dailyLearnerStats",
    orderBy: [{ userId: "asc" }, { day: "asc" }, { deckId: "asc" }],
    live: true,
  },
  {
    model: "LearnerQuarterStats",
    delegate: "learnerQuarterStats",
    orderBy: [{ userId: "asc" }, { quarter: "asc" }, { deckId: "asc" }],
    live: true,
  },
  {
    model: "DailyCardStats",
    delegate: "dailyCardStats",
    orderBy: [{ cardId: "asc" }, { day: "asc" }],
    live: true,
  },
  { model: "FsrsParameters", delegate: "fsrsParameters", orderBy: [{ id: "asc" }] },
] as const;

/** Whether a table's rows are live credentials or counters, left out of backups. */
export function isLiveTable(table: (typeof BACKUP_TABLES)[number]): boolean {
  return "live" in table && table.live === true;
}

/** Models whose table has another name (`@@map` in prisma/models.prisma). */
const MAPPED: Record<string, string> = {
  User: "user",
  Session: "session",
  Account: "account",
  Verification: "verification",
  RateLimit: "rateLimit",
};

/** The database table of a backup table's model. */
export function tableName(table: (typeof BACKUP_TABLES)[number]): string {
  return MAPPED[table.model] ?? table.model;
}
