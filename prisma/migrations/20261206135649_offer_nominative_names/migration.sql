-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "nominativeProviderName" TEXT,
ADD COLUMN     "nominativeTitle" TEXT;
