export * from "./authoring/index.ts";
export * from "./backup/index.ts";
export { type Db, type DbHandle, getDb, openDb, type Prisma, SQLITE_PRAGMAS } from "./client.ts";
export * from "./csv/index.ts";
export { classifyDatabaseError } from "./database-errors.ts";
export {
  type DeckSummary,
  getDeckSummaryBySlug,
  listDeckIdsForUser,
  listDecksForUser,
} from "./decks/list-decks-for-user.ts";
export {
  type SyncCard,
  type SyncDeckReport,
  type SyncNote,
  syncDeckCards,
} from "./decks/sync-deck-cards.ts";
export { type DbConfig, type DbProvider, readDbConfig, repoRoot } from "./env.ts";
export * from "./groups/index.ts";
export { listMigrations, migrateDatabase } from "./migrate.ts";
export * from "./review/index.ts";
export { DEMO_ACCOUNTS, DEMO_GROUP, DEMO_PASSWORD } from "./seed/demo-accounts.ts";
export { type DemoDeck, type SeedResult, seedDemo } from "./seed/seed-demo.ts";
export { countDueCards, type DueCount, type LearnerToday } from "./stats/count-due-cards.ts";
export {
  authenticateApiToken,
  createApiToken,
  hashApiToken,
  listApiTokens,
  revokeApiToken,
} from "./tokens/api-tokens.ts";
