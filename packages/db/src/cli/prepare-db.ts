// Creates and migrates the database, then seeds the demo when the database is empty and
// STRIDES_DEMO is not 0. Safe to run at every start.
import { openDb } from "../client.ts";
import { readDbConfig } from "../env.ts";
import { migrateDatabase } from "../migrate.ts";
import { loadDemoDeck } from "../seed/load-demo-deck.ts";
import { seedDemo } from "../seed/seed-demo.ts";

const config = readDbConfig();
const applied = await migrateDatabase(config.url);
if (applied.length > 0) console.log(`strides: applied migrations ${applied.join(", ")}`);
if (process.env.STRIDES_DEMO !== "0") {
  const handle = await openDb(config.url);
  try {
    const result = await seedDemo({ db: handle.db, deck: loadDemoDeck(), now: new Date() });
    console.log(
      result.seeded
        ? `strides: seeded the demo (${result.cards} cards)`
        : `strides: demo seed skipped (${result.reason})`,
    );
  } finally {
    await handle.close();
  }
}
