// Creates and migrates the database, then seeds the demo when the database is empty and
// STRIDES_DEMO is not 0. Safe to run at every start. Each demo account's password is random, its
// own, and printed here once (STRIDES_DEMO_LEARNER_PASSWORD and STRIDES_DEMO_INSTRUCTOR_PASSWORD fix
// them: for test scripts only).
import {
  DEMO_ACCOUNTS,
  type DemoAccount,
  type DemoPasswords,
  generateDemoPasswords,
} from "../seed/demo-accounts.ts";
import { loadDemoDeck } from "../seed/load-demo-deck.ts";
import { rotateUnsafeDemoPasswords } from "../seed/rotate-unsafe-demo-passwords.ts";
import { seedDemo } from "../seed/seed-demo.ts";
import { openDatabaseForCli } from "./open-database.ts";

function printPasswords(passwords: DemoPasswords, accounts: readonly DemoAccount[]) {
  for (const name of accounts) {
    console.log(
      `strides: demo ${name} ${DEMO_ACCOUNTS[name].email} — password: ${passwords[name]}`,
    );
  }
  console.log(
    "strides: (shown once, stored nowhere; each account has its own; the demo instructor owns the " +
      "demo group but is not the administrator: the first account that signs up becomes the administrator)",
  );
}

function demoPasswords(): DemoPasswords {
  const random = generateDemoPasswords();
  return {
    learner: process.env.STRIDES_DEMO_LEARNER_PASSWORD || random.learner,
    instructor: process.env.STRIDES_DEMO_INSTRUCTOR_PASSWORD || random.instructor,
  };
}

const { applied, handle } = await openDatabaseForCli();
if (applied.length > 0) console.log(`strides: applied migrations ${applied.join(", ")}`);
try {
  if (process.env.STRIDES_DEMO !== "0") {
    const passwords = demoPasswords();
    const now = new Date();
    const result = await seedDemo({ db: handle.db, deck: loadDemoDeck(), passwords, now });
    if (result.seeded) {
      console.log(`strides: seeded the demo (${result.cards} cards)`);
      printPasswords(passwords, ["learner", "instructor"]);
    } else {
      console.log(`strides: demo seed skipped (${result.reason})`);
      const rotated = await rotateUnsafeDemoPasswords({ db: handle.db, passwords, now });
      if (rotated.length > 0) {
        console.log("strides: demo accounts had the published password or shared one; replaced it");
        printPasswords(passwords, rotated);
      }
    }
  }
} finally {
  await handle.close();
}
