export { type Db, type DbHandle, getDb, openDb, type Prisma, SQLITE_PRAGMAS } from "./client.ts";
export { type DbConfig, type DbProvider, readDbConfig, repoRoot } from "./env.ts";
export { listMigrations, migrateDatabase } from "./migrate.ts";
