-- AlterTable
ALTER TABLE "Membership" ADD COLUMN     "managed" BOOLEAN NOT NULL DEFAULT false;

