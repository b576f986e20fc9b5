-- CreateTable
CREATE TABLE "DailyLearnerStats" (
    "userId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "deckId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "maturePassed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "DailyLearnerStats_pkey" PRIMARY KEY ("userId","day","deckId")
);

-- CreateTable
CREATE TABLE "LearnerQuarterStats" (
    "userId" TEXT NOT NULL,
    "quarter" INTEGER NOT NULL,
    "deckId" TEXT NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "timeMs" BIGINT NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "passed" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "LearnerQuarterStats_pkey" PRIMARY KEY ("userId","quarter","deckId")
);

-- CreateTable
CREATE TABLE "DailyCardStats" (
    "cardId" TEXT NOT NULL,
    "day" INTEGER NOT NULL,
    "reviews" INTEGER NOT NULL DEFAULT 0,
    "again" INTEGER NOT NULL DEFAULT 0,
    "mature" INTEGER NOT NULL DEFAULT 0,
    "lapses" INTEGER NOT NULL DEFAULT 0,
    "totalMs" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "DailyCardStats_pkey" PRIMARY KEY ("cardId","day")
);

-- CreateIndex
CREATE INDEX "DailyLearnerStats_deckId_day_userId_idx" ON "DailyLearnerStats"("deckId", "day", "userId");


-- Hand-written: the three tables above are derived from "ReviewLog" by this trigger, so every path
-- that writes logs (a review, undo, the CSV import, a restore, deleting an account or a card) keeps
-- them exact. A day is a UTC day: whole days since 1970-01-01 ("reviewedAt" holds UTC).
CREATE FUNCTION "ReviewLog_daily_stats"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  d INTEGER;
  q INTEGER;
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    d := FLOOR(EXTRACT(EPOCH FROM OLD."reviewedAt") / 86400);
    q := FLOOR(EXTRACT(EPOCH FROM OLD."reviewedAt") / 900);
    UPDATE "LearnerQuarterStats" SET
      "reviews" = "reviews" - 1,
      "timeMs" = "timeMs" - OLD."durationMs",
      "mature" = "mature" - (OLD."stateBefore" = 2)::int,
      "passed" = "passed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)::int
    WHERE "userId" = OLD."userId" AND "quarter" = q AND "deckId" = OLD."deckId";
    DELETE FROM "LearnerQuarterStats"
    WHERE "userId" = OLD."userId" AND "quarter" = q AND "deckId" = OLD."deckId" AND "reviews" <= 0;
    UPDATE "DailyLearnerStats" SET
      "reviews" = "reviews" - 1,
      "mature" = "mature" - (OLD."stateBefore" = 2)::int,
      "maturePassed" = "maturePassed" - (OLD."stateBefore" = 2 AND OLD."rating" > 1)::int
    WHERE "userId" = OLD."userId" AND "day" = d AND "deckId" = OLD."deckId";
    DELETE FROM "DailyLearnerStats"
    WHERE "userId" = OLD."userId" AND "day" = d AND "deckId" = OLD."deckId" AND "reviews" <= 0;
    UPDATE "DailyCardStats" SET
      "reviews" = "reviews" - 1,
      "again" = "again" - (OLD."rating" = 1)::int,
      "mature" = "mature" - (OLD."stateBefore" = 2)::int,
      "lapses" = "lapses" - (OLD."stateBefore" = 2 AND OLD."rating" = 1)::int,
      "totalMs" = "totalMs" - OLD."durationMs"
    WHERE "cardId" = OLD."cardId" AND "day" = d;
    DELETE FROM "DailyCardStats" WHERE "cardId" = OLD."cardId" AND "day" = d AND "reviews" <= 0;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    d := FLOOR(EXTRACT(EPOCH FROM NEW."reviewedAt") / 86400);
    q := FLOOR(EXTRACT(EPOCH FROM NEW."reviewedAt") / 900);
    INSERT INTO "LearnerQuarterStats" ("userId", "quarter", "deckId", "reviews", "timeMs", "mature", "passed")
    VALUES (NEW."userId", q, NEW."deckId", 1, NEW."durationMs", (NEW."stateBefore" = 2)::int,
      (NEW."stateBefore" = 2 AND NEW."rating" > 1)::int)
    ON CONFLICT ("userId", "quarter", "deckId") DO UPDATE SET
      "reviews" = "LearnerQuarterStats"."reviews" + EXCLUDED."reviews",
      "timeMs" = "LearnerQuarterStats"."timeMs" + EXCLUDED."timeMs",
      "mature" = "LearnerQuarterStats"."mature" + EXCLUDED."mature",
      "passed" = "LearnerQuarterStats"."passed" + EXCLUDED."passed";
    INSERT INTO "DailyLearnerStats" ("userId", "day", "deckId", "reviews", "mature", "maturePassed")
    VALUES (NEW."userId", d, NEW."deckId", 1, (NEW."stateBefore" = 2)::int,
      (NEW."stateBefore" = 2 AND NEW."rating" > 1)::int)
    ON CONFLICT ("userId", "day", "deckId") DO UPDATE SET
      "reviews" = "DailyLearnerStats"."reviews" + EXCLUDED."reviews",
      "mature" = "DailyLearnerStats"."mature" + EXCLUDED."mature",
      "maturePassed" = "DailyLearnerStats"."maturePassed" + EXCLUDED."maturePassed";
    INSERT INTO "DailyCardStats" ("cardId", "day", "reviews", "again", "mature", "lapses", "totalMs")
    VALUES (NEW."cardId", d, 1, (NEW."rating" = 1)::int, (NEW."stateBefore" = 2)::int,
      (NEW."stateBefore" = 2 AND NEW."rating" = 1)::int, NEW."durationMs")
    ON CONFLICT ("cardId", "day") DO UPDATE SET
      "reviews" = "DailyCardStats"."reviews" + EXCLUDED."reviews",
      "again" = "DailyCardStats"."again" + EXCLUDED."again",
      "mature" = "DailyCardStats"."mature" + EXCLUDED."mature",
      "lapses" = "DailyCardStats"."lapses" + EXCLUDED."lapses",
      "totalMs" = "DailyCardStats"."totalMs" + EXCLUDED."totalMs";
  END IF;
  RETURN NULL;
END;
$$;

CREATE TRIGGER "ReviewLog_daily_stats_insert_delete" AFTER INSERT OR DELETE ON "ReviewLog"
FOR EACH ROW EXECUTE FUNCTION "ReviewLog_daily_stats"();

-- An update of a counted column moves the log: out of its old rows, into its new ones.
CREATE TRIGGER "ReviewLog_daily_stats_update"
AFTER UPDATE OF "userId", "cardId", "deckId", "reviewedAt", "rating", "stateBefore", "durationMs"
ON "ReviewLog" FOR EACH ROW EXECUTE FUNCTION "ReviewLog_daily_stats"();

-- The logs already there.
INSERT INTO "LearnerQuarterStats" ("userId", "quarter", "deckId", "reviews", "timeMs", "mature", "passed")
SELECT "userId", FLOOR(EXTRACT(EPOCH FROM "reviewedAt") / 900)::int, "deckId", COUNT(*),
  COALESCE(SUM("durationMs"), 0), COUNT(*) FILTER (WHERE "stateBefore" = 2),
  COUNT(*) FILTER (WHERE "stateBefore" = 2 AND "rating" > 1)
FROM "ReviewLog" GROUP BY 1, 2, 3;

INSERT INTO "DailyLearnerStats" ("userId", "day", "deckId", "reviews", "mature", "maturePassed")
SELECT "userId", FLOOR(EXTRACT(EPOCH FROM "reviewedAt") / 86400)::int, "deckId", COUNT(*),
  COUNT(*) FILTER (WHERE "stateBefore" = 2), COUNT(*) FILTER (WHERE "stateBefore" = 2 AND "rating" > 1)
FROM "ReviewLog" GROUP BY 1, 2, 3;

INSERT INTO "DailyCardStats" ("cardId", "day", "reviews", "again", "mature", "lapses", "totalMs")
SELECT "cardId", FLOOR(EXTRACT(EPOCH FROM "reviewedAt") / 86400)::int, COUNT(*),
  COUNT(*) FILTER (WHERE "rating" = 1), COUNT(*) FILTER (WHERE "stateBefore" = 2),
  COUNT(*) FILTER (WHERE "stateBefore" = 2 AND "rating" = 1), COALESCE(SUM("durationMs"), 0)
FROM "ReviewLog" GROUP BY 1, 2;
