-- AlterTable
ALTER TABLE "OfferPlace" ADD COLUMN     "accessibilityNote" TEXT,
ADD COLUMN     "accessibleToilet" BOOLEAN,
ADD COLUMN     "hearingLoop" BOOLEAN,
ADD COLUMN     "latitude" DOUBLE PRECISION,
ADD COLUMN     "lift" BOOLEAN,
ADD COLUMN     "longitude" DOUBLE PRECISION,
ADD COLUMN     "stepFreeEntrance" BOOLEAN;
