import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
// @ts-expect-error: plain .mjs script without types
import { providerSchema } from "../../../scripts/prisma.mjs";
import { repoRoot } from "./env.ts";
import { listMigrations } from "./migrate.ts";

describe("provider schemas", () => {
  for (const provider of ["sqlite", "postgres"] as const) {
    it(`${provider} schema is generated from prisma/models.prisma`, () => {
      const onDisk = readFileSync(join(repoRoot, "prisma", provider, "schema.prisma"), "utf8");
      expect(onDisk).toBe(providerSchema(provider));
    });
    it(`${provider}'s latest migration reaches the current schema`, () => {
      const last = listMigrations(provider).at(-1);
      expect(last, "no migration").toBeDefined();
      const snapshot = readFileSync(
        join(repoRoot, "prisma", provider, "migrations", last!.name, "schema.prisma"),
        "utf8",
      );
      expect(snapshot, "models changed without a migration: run npm run db:migration NAME").toBe(
        providerSchema(provider),
      );
    });
  }
  it("both providers have the same migrations", () => {
    expect(listMigrations("sqlite").map((m) => m.name)).toEqual(
      listMigrations("postgres").map((m) => m.name),
    );
  });
});
