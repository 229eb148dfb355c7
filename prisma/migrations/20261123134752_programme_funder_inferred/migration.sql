-- AlterTable
ALTER TABLE "FundingProgramme" ADD COLUMN     "funderInferred" TEXT;
