-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "archivedAt" TIMESTAMP(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;
