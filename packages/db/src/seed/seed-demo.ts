// The demo seed: a demo instructor (owner of the demo group, not the instance admin), a demo
// learner, a demo group subscribed to the shipped deck, each account with its own given password.
// Runs only on an empty database, so re-running never duplicates.
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import { type SyncNote, syncDeckCards } from "../decks/sync-deck-cards.ts";
import {
  DEMO_ACCOUNTS,
  DEMO_GROUP,
  type DemoAccount,
  type DemoPasswords,
} from "./demo-accounts.ts";

export interface DemoDeck {
  slug: string;
  name: string;
  description: string;
  notes: SyncNote[];
}

export type SeedResult = { seeded: true; cards: number } | { seeded: false; reason: string };

export async function seedDemo(options: {
  db: Db;
  deck: DemoDeck;
  /** Each demo account's password (see `generateDemoPasswords`). */
  passwords: DemoPasswords;
  now: Date;
}): Promise<SeedResult> {
  const { db, deck, now } = options;
  const names = Object.keys(DEMO_ACCOUNTS) as DemoAccount[];
  for (const name of names) {
    if (options.passwords[name].length < 8) {
      throw new Error(`passwords.${name}: the demo password needs at least 8 characters`);
    }
  }
  if (options.passwords.learner === options.passwords.instructor) {
    throw new Error("passwords: each demo account needs a password of its own");
  }
  if ((await db.user.count()) > 0) return { seeded: false, reason: "database is not empty" };
  const hashes = new Map<DemoAccount, string>();
  for (const name of names) hashes.set(name, await hashPassword(options.passwords[name]));
  const created = await db.$transaction(async (tx) => {
    for (const name of names) {
      const account = DEMO_ACCOUNTS[name];
      await tx.user.create({
        data: {
          ...account,
          emailVerified: true,
          role: "user",
          accounts: {
            create: {
              id: `${account.id}-credential`,
              accountId: account.id,
              providerId: "credential",
              password: hashes.get(name) ?? "",
            },
          },
          settings: { create: { timeZone: "Asia/Seoul", dayStartHour: 4 } },
        },
      });
    }
    const preset = await tx.deckPreset.create({ data: { name: "Default" } });
    const group = await tx.group.create({
      data: {
        ...DEMO_GROUP,
        memberships: {
          create: [
            { userId: DEMO_ACCOUNTS.instructor.id, role: "owner" },
            // Made for the demo group, as on its invite link: the demo instructor may reset it.
            { userId: DEMO_ACCOUNTS.learner.id, role: "member", managed: true },
          ],
        },
      },
    });
    const d = await tx.deck.create({
      data: {
        slug: deck.slug,
        name: deck.name,
        description: deck.description,
        presetId: preset.id,
      },
    });
    await tx.groupDeck.create({ data: { groupId: group.id, deckId: d.id } });
    return d;
  });
  const report = await syncDeckCards({ db, deckId: created.id, notes: deck.notes, now });
  return { seeded: true, cards: report.added.length };
}
