-- AlterTable
ALTER TABLE "SignInThrottle" DROP CONSTRAINT "SignInThrottle_pkey",
ADD COLUMN     "address" TEXT NOT NULL DEFAULT '*',
ADD CONSTRAINT "SignInThrottle_pkey" PRIMARY KEY ("email", "address");

