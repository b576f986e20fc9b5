export {
  canOnDeck,
  deckAccessSql,
  deckLinkWhere,
  deckRolesOf,
  deckWhere,
  memberMaySql,
} from "./access/deck-access.ts";
export * from "./accounts/index.ts";
export { authDatabaseAdapter } from "./auth/auth-database-adapter.ts";
export * from "./authoring/index.ts";
export * from "./backup/index.ts";
export { type CardFace, getCardFaces } from "./browse/get-card-faces.ts";
export * from "./browse/index.ts";
export {
  type Db,
  type DbHandle,
  getDb,
  type OpenDbOptions,
  openDb,
  type Prisma,
  SQLITE_PRAGMAS,
} from "./client.ts";
export * from "./csv/index.ts";
export { classifyDatabaseError } from "./database-errors.ts";
export {
  type DeckSummary,
  getDeckSummaryBySlug,
  listDeckIdsForUser,
  listDecksForUser,
} from "./decks/list-decks-for-user.ts";
export { cardToSyncCard, noteImportToSyncNote } from "./decks/note-import-to-sync.ts";
export {
  type SyncCard,
  type SyncDeckReport,
  type SyncNote,
  syncDeckCards,
} from "./decks/sync-deck-cards.ts";
export { type DbConfig, type DbProvider, readDbConfig, repoRoot } from "./env.ts";
export * from "./groups/index.ts";
export { listMigrations, migrateDatabase } from "./migrate.ts";
export {
  clampPage,
  MAX_PAGE_SIZE,
  PAGE_SIZE,
  type Paged,
  type PageRequest,
  pageCount,
  pageSlice,
  readPage,
  ZPageRequest,
} from "./paging.ts";
export * from "./recovery/index.ts";
export * from "./review/index.ts";
export {
  DEMO_ACCOUNTS,
  DEMO_GROUP,
  type DemoAccount,
  type DemoPasswords,
  generateDemoPassword,
  generateDemoPasswords,
  PUBLISHED_DEMO_PASSWORD,
} from "./seed/demo-accounts.ts";
export { loadDemoDeck } from "./seed/load-demo-deck.ts";
export { rotateUnsafeDemoPasswords } from "./seed/rotate-unsafe-demo-passwords.ts";
export { type DemoDeck, type SeedResult, seedDemo } from "./seed/seed-demo.ts";
export * from "./settings/index.ts";
export { countDueToday, type DueToday } from "./stats/count-due-today.ts";
export * from "./stats/index.ts";
export {
  API_TOKEN_DAYS,
  API_TOKEN_SCOPES,
  apiTokenExpiry,
  authenticateApiToken,
  createApiToken,
  hashApiToken,
  listApiTokens,
  revokeApiToken,
  revokeUserTokens,
  type TApiTokenInput,
  type TApiTokenScope,
  ZApiTokenInput,
} from "./tokens/api-tokens.ts";
