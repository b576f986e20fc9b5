-- CreateTable (WITHOUT ROWID, hand-added: one b-tree per table, so the triggers touch fewer pages)
CREATE TABLE "DailyLearnerStats" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "deckId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "maturePassed" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "day", "deckId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "LearnerQuarterStats" (
    "userId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "deckId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "timeMs" BIGINT NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,

    PRIMARY KEY ("userId", "quarter", "deckId")
) WITHOUT ROWID;

-- CreateTable
CREATE TABLE "DailyCardStats" (
    "cardId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "again" INTEGER NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "totalMs" BIGINT NOT NULL DEFAULT 0,

    PRIMARY KEY ("cardId", "day")
) WITHOUT ROWID;

-- CreateIndex
CREATE INDEX "DailyLearnerStats_deckId_day_userId_idx" ON "DailyLearnerStats"("deckId", "day", "userId");


-- Hand-written: the three tables above are derived from "ReviewLog" by these triggers, so every path
-- that writes logs (a review, undo, the CSV import, a restore, deleting an account or a card) keeps
-- them exact. A day is a UTC day: whole days since 1970-01-01. A time SQLite cannot read (a year
-- past 9999, from an old CSV import) counts on day 0, which no screen reads, instead of failing.
CREATE TRIGGER "ReviewLog_daily_stats_insert" AFTER INSERT ON "ReviewLog"
BEGIN
  INSERT INTO "DailyLearnerStats" ("userId", "day", "deckId", "reviews", "mature", "maturePassed")
  VALUES (NEW."userId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 86400, NEW."deckId", 1,
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" > 1)
  ON CONFLICT ("userId", "day", "deckId") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "mature" = "mature" + excluded."mature",
    "maturePassed" = "maturePassed" + excluded."maturePassed";
  INSERT INTO "DailyCardStats" ("cardId", "day", "reviews", "again", "mature", "lapses", "totalMs")
  VALUES (NEW."cardId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 86400, 1, NEW."rating" = 1,
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" = 1, NEW."durationMs")
  ON CONFLICT ("cardId", "day") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "again" = "again" + excluded."again",
    "mature" = "mature" + excluded."mature",
    "lapses" = "lapses" + excluded."lapses",
    "totalMs" = "totalMs" + excluded."totalMs";
  INSERT INTO "LearnerQuarterStats" ("userId", "quarter", "deckId", "reviews", "timeMs", "mature", "passed")
  VALUES (NEW."userId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 900, NEW."deckId", 1, NEW."durationMs",
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" > 1)
  ON CONFLICT ("userId", "quarter", "deckId") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "timeMs" = "timeMs" + excluded."timeMs",
    "mature" = "mature" + excluded."mature",
    "passed" = "passed" + excluded."passed";
END;

CREATE TRIGGER "ReviewLog_daily_stats_delete" AFTER DELETE ON "ReviewLog"
BEGIN
  UPDATE "DailyLearnerStats" SET
    "reviews" = "reviews" - 1,
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "maturePassed" = "maturePassed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)
  WHERE "userId" = OLD."userId" AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400
    AND "deckId" = OLD."deckId";
  DELETE FROM "DailyLearnerStats" WHERE "userId" = OLD."userId"
    AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400 AND "deckId" = OLD."deckId" AND "reviews" <= 0;
  UPDATE "DailyCardStats" SET
    "reviews" = "reviews" - 1,
    "again" = "again" - (OLD."rating" = 1),
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "lapses" = "lapses" - (OLD."stateBefore" = 2 AND OLD."rating" = 1),
    "totalMs" = "totalMs" - OLD."durationMs"
  WHERE "cardId" = OLD."cardId" AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400;
  DELETE FROM "DailyCardStats" WHERE "cardId" = OLD."cardId"
    AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400 AND "reviews" <= 0;
  UPDATE "LearnerQuarterStats" SET
    "reviews" = "reviews" - 1,
    "timeMs" = "timeMs" - OLD."durationMs",
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "passed" = "passed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)
  WHERE "userId" = OLD."userId" AND "quarter" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 900
    AND "deckId" = OLD."deckId";
  DELETE FROM "LearnerQuarterStats" WHERE "userId" = OLD."userId"
    AND "quarter" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 900 AND "deckId" = OLD."deckId" AND "reviews" <= 0;
END;

-- An update of a counted column moves the log: out of its old rows, into its new ones.
CREATE TRIGGER "ReviewLog_daily_stats_update"
AFTER UPDATE OF "userId", "cardId", "deckId", "reviewedAt", "rating", "stateBefore", "durationMs"
ON "ReviewLog"
BEGIN
  UPDATE "DailyLearnerStats" SET
    "reviews" = "reviews" - 1,
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "maturePassed" = "maturePassed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)
  WHERE "userId" = OLD."userId" AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400
    AND "deckId" = OLD."deckId";
  DELETE FROM "DailyLearnerStats" WHERE "userId" = OLD."userId"
    AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400 AND "deckId" = OLD."deckId" AND "reviews" <= 0;
  UPDATE "DailyCardStats" SET
    "reviews" = "reviews" - 1,
    "again" = "again" - (OLD."rating" = 1),
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "lapses" = "lapses" - (OLD."stateBefore" = 2 AND OLD."rating" = 1),
    "totalMs" = "totalMs" - OLD."durationMs"
  WHERE "cardId" = OLD."cardId" AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400;
  DELETE FROM "DailyCardStats" WHERE "cardId" = OLD."cardId"
    AND "day" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 86400 AND "reviews" <= 0;
  UPDATE "LearnerQuarterStats" SET
    "reviews" = "reviews" - 1,
    "timeMs" = "timeMs" - OLD."durationMs",
    "mature" = "mature" - (OLD."stateBefore" = 2),
    "passed" = "passed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)
  WHERE "userId" = OLD."userId" AND "quarter" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 900
    AND "deckId" = OLD."deckId";
  DELETE FROM "LearnerQuarterStats" WHERE "userId" = OLD."userId"
    AND "quarter" = IFNULL(unixepoch(OLD."reviewedAt"), 0) / 900 AND "deckId" = OLD."deckId" AND "reviews" <= 0;
  INSERT INTO "DailyLearnerStats" ("userId", "day", "deckId", "reviews", "mature", "maturePassed")
  VALUES (NEW."userId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 86400, NEW."deckId", 1,
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" > 1)
  ON CONFLICT ("userId", "day", "deckId") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "mature" = "mature" + excluded."mature",
    "maturePassed" = "maturePassed" + excluded."maturePassed";
  INSERT INTO "DailyCardStats" ("cardId", "day", "reviews", "again", "mature", "lapses", "totalMs")
  VALUES (NEW."cardId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 86400, 1, NEW."rating" = 1,
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" = 1, NEW."durationMs")
  ON CONFLICT ("cardId", "day") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "again" = "again" + excluded."again",
    "mature" = "mature" + excluded."mature",
    "lapses" = "lapses" + excluded."lapses",
    "totalMs" = "totalMs" + excluded."totalMs";
  INSERT INTO "LearnerQuarterStats" ("userId", "quarter", "deckId", "reviews", "timeMs", "mature", "passed")
  VALUES (NEW."userId", IFNULL(unixepoch(NEW."reviewedAt"), 0) / 900, NEW."deckId", 1, NEW."durationMs",
    NEW."stateBefore" = 2, NEW."stateBefore" = 2 AND NEW."rating" > 1)
  ON CONFLICT ("userId", "quarter", "deckId") DO UPDATE SET
    "reviews" = "reviews" + excluded."reviews",
    "timeMs" = "timeMs" + excluded."timeMs",
    "mature" = "mature" + excluded."mature",
    "passed" = "passed" + excluded."passed";
END;

-- The logs already there.
INSERT INTO "LearnerQuarterStats" ("userId", "quarter", "deckId", "reviews", "timeMs", "mature", "passed")
SELECT "userId", IFNULL(unixepoch("reviewedAt"), 0) / 900, "deckId", COUNT(*), SUM("durationMs"),
  SUM("stateBefore" = 2), SUM("stateBefore" = 2 AND "rating" > 1)
FROM "ReviewLog" GROUP BY 1, 2, 3;

INSERT INTO "DailyLearnerStats" ("userId", "day", "deckId", "reviews", "mature", "maturePassed")
SELECT "userId", IFNULL(unixepoch("reviewedAt"), 0) / 86400, "deckId", COUNT(*),
  SUM("stateBefore" = 2), SUM("stateBefore" = 2 AND "rating" > 1)
FROM "ReviewLog" GROUP BY 1, 2, 3;

INSERT INTO "DailyCardStats" ("cardId", "day", "reviews", "again", "mature", "lapses", "totalMs")
SELECT "cardId", IFNULL(unixepoch("reviewedAt"), 0) / 86400, COUNT(*), SUM("rating" = 1),
  SUM("stateBefore" = 2), SUM("stateBefore" = 2 AND "rating" = 1), SUM("durationMs")
FROM "ReviewLog" GROUP BY 1, 2;
