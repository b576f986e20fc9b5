// Prisma CLI config for Postgres: JS engine + pg adapter, so no engine binary is downloaded.
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "./schema.prisma",
  async adapter() {
    return new PrismaPg({
      connectionString:
        process.env.STRIDES_PRISMA_CLI_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
    });
  },
});
