// better-auth stores users, sessions, accounts and rate limits through Prisma: the adapter is made
// here, the only package that owns the Prisma client.
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Db } from "../client.ts";

export function authDatabaseAdapter(db: Db, provider: "sqlite" | "postgres") {
  return prismaAdapter(db, { provider: provider === "sqlite" ? "sqlite" : "postgresql" });
}
