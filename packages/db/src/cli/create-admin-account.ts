// Scripted set-up: create the instance administrator (or promote an existing account).
import { randomUUID } from "node:crypto";
import { AppError, parseOrThrow } from "@strides/content";
import { hashPassword } from "better-auth/crypto";
import { z } from "zod";
import { claimFirstAdmin } from "../accounts/claim-first-admin.ts";
import type { Db } from "../client.ts";

const ZAdminInput = z.object({
  email: z.email().transform((e) => e.toLowerCase()),
  name: z.string().trim().min(1).max(80),
  password: z.string().min(8, "at least 8 characters").max(128).optional(),
});

export async function createAdminAccount(options: {
  db: Db;
  email: string;
  name: string;
  password?: string;
  now: Date;
}): Promise<{ userId: string; created: boolean }> {
  const { email, name, password } = parseOrThrow(ZAdminInput, options);
  const { db, now } = options;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (existing) {
    await db.user.update({ where: { id: existing.id }, data: { role: "admin", updatedAt: now } });
    // An instance with an administrator has no first-admin claim left for a sign-up to take.
    await claimFirstAdmin({ db, userId: existing.id, now });
    return { userId: existing.id, created: false };
  }
  if (!password)
    throw new AppError("BAD_INPUT", "password: required for a new account", { field: "password" });
  const id = randomUUID();
  await db.user.create({
    data: {
      id,
      email,
      name,
      role: "admin",
      emailVerified: true,
      createdAt: now,
      updatedAt: now,
      accounts: {
        create: {
          id: randomUUID(),
          accountId: id,
          providerId: "credential",
          password: await hashPassword(password),
          createdAt: now,
          updatedAt: now,
        },
      },
    },
  });
  await claimFirstAdmin({ db, userId: id, now });
  return { userId: id, created: true };
}
