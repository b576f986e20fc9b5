-- AlterTable
ALTER TABLE "ApiToken" ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "scope" TEXT NOT NULL DEFAULT 'review';

-- CreateTable
CREATE TABLE "SignInThrottle" (
    "email" TEXT NOT NULL,
    "failures" INTEGER NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email")
);

-- CreateTable
CREATE TABLE "InstanceClaim" (
    "key" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InstanceClaim_pkey" PRIMARY KEY ("key")
);


-- Data: the demo instructor is no longer the instance administrator (its password was published),
-- and an instance that already has an administrator has had its first-admin claim.
UPDATE "user" SET "role" = 'user' WHERE "id" = 'demo-instructor';
INSERT INTO "InstanceClaim" ("key", "userId")
  SELECT 'first-admin', "id" FROM "user" WHERE "role" = 'admin' ORDER BY "createdAt" LIMIT 1;
