// Creates and migrates the database, then seeds the demo when the database is empty and
// STRIDES_DEMO is not 0. Safe to run at every start. The demo accounts' password is random and
// printed here once (STRIDES_DEMO_PASSWORD fixes it: for test scripts only).
import { openDb } from "../client.ts";
import { readDbConfig } from "../env.ts";
import { migrateDatabase } from "../migrate.ts";
import { DEMO_ACCOUNTS, generateDemoPassword } from "../seed/demo-accounts.ts";
import { loadDemoDeck } from "../seed/load-demo-deck.ts";
import { rotatePublishedDemoPassword } from "../seed/rotate-published-demo-password.ts";
import { seedDemo } from "../seed/seed-demo.ts";

function printPassword(password: string, emails: readonly string[]) {
  console.log(
    `strides: demo accounts ${emails.join(", ")} — password: ${password}\n` +
      "strides: (shown once, stored nowhere; the demo instructor owns the demo group but is not the " +
      "administrator: the first account that signs up becomes the administrator)",
  );
}

const config = readDbConfig();
const applied = await migrateDatabase(config.url);
if (applied.length > 0) console.log(`strides: applied migrations ${applied.join(", ")}`);
if (process.env.STRIDES_DEMO !== "0") {
  const handle = await openDb(config.url);
  try {
    const password = process.env.STRIDES_DEMO_PASSWORD || generateDemoPassword();
    const now = new Date();
    const result = await seedDemo({ db: handle.db, deck: loadDemoDeck(), password, now });
    if (result.seeded) {
      console.log(`strides: seeded the demo (${result.cards} cards)`);
      printPassword(
        password,
        Object.values(DEMO_ACCOUNTS).map((a) => a.email),
      );
    } else {
      console.log(`strides: demo seed skipped (${result.reason})`);
      const rotated = await rotatePublishedDemoPassword({ db: handle.db, password, now });
      if (rotated.length > 0) {
        console.log("strides: the demo accounts had the published password; replaced it");
        printPassword(password, rotated);
      }
    }
  } finally {
    await handle.close();
  }
}
