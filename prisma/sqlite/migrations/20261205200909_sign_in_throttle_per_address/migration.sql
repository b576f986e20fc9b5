-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_SignInThrottle" (
    "email" TEXT NOT NULL,
    "address" TEXT NOT NULL DEFAULT '*',
    "failures" INTEGER NOT NULL,
    "windowStart" DATETIME NOT NULL,

    PRIMARY KEY ("email", "address")
);
INSERT INTO "new_SignInThrottle" ("email", "failures", "windowStart") SELECT "email", "failures", "windowStart" FROM "SignInThrottle";
DROP TABLE "SignInThrottle";
ALTER TABLE "new_SignInThrottle" RENAME TO "SignInThrottle";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

