// The demo seed: a demo instructor (owner of the demo group, not the instance admin), a demo
// learner, a demo group subscribed to the shipped deck, both accounts with the given password.
// Runs only on an empty database, so re-running never duplicates.
import { hashPassword } from "better-auth/crypto";
import type { Db } from "../client.ts";
import { type SyncNote, syncDeckCards } from "../decks/sync-deck-cards.ts";
import { DEMO_ACCOUNTS, DEMO_GROUP } from "./demo-accounts.ts";

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
  /** The demo accounts' password (see `generateDemoPassword`). */
  password: string;
  now: Date;
}): Promise<SeedResult> {
  const { db, deck, now } = options;
  if (options.password.length < 8) throw new Error("the demo password needs at least 8 characters");
  if ((await db.user.count()) > 0) return { seeded: false, reason: "database is not empty" };
  const hash = await hashPassword(options.password);
  const created = await db.$transaction(async (tx) => {
    for (const account of Object.values(DEMO_ACCOUNTS)) {
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
              password: hash,
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
