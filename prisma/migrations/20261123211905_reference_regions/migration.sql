-- CreateEnum
CREATE TYPE "PlaceKind" AS ENUM ('TOWN', 'MUNICIPALITY');

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "nuts3" TEXT,
ADD COLUMN     "referenceSourceId" TEXT,
ADD COLUMN     "successorId" TEXT,
ADD COLUMN     "validFrom" DATE,
ADD COLUMN     "validTo" DATE;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "attribution" TEXT,
ADD COLUMN     "licence" TEXT;

-- CreateTable
CREATE TABLE "Place" (
    "id" TEXT NOT NULL,
    "ars" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PlaceKind" NOT NULL,
    "districtId" TEXT NOT NULL,
    "validFrom" DATE NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Place_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Place_ars_key" ON "Place"("ars");

-- CreateIndex
CREATE INDEX "Place_districtId_idx" ON "Place"("districtId");

-- CreateIndex
CREATE INDEX "Place_name_idx" ON "Place"("name");

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_successorId_fkey" FOREIGN KEY ("successorId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_referenceSourceId_fkey" FOREIGN KEY ("referenceSourceId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Place" ADD CONSTRAINT "Place_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
