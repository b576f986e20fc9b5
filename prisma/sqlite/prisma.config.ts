// Prisma CLI config for SQLite: JS engine + better-sqlite3 adapter, so no engine binary is downloaded.
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  async adapter() {
    return new PrismaBetterSQLite3({ url: process.env.STRIDES_PRISMA_CLI_URL ?? "file::memory:" });
  },
});
