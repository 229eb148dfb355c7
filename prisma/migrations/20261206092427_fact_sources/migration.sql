-- CreateTable
CREATE TABLE "FactSource" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "districtId" TEXT,

    CONSTRAINT "FactSource_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FactSource_districtId_idx" ON "FactSource"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "FactSource_entityType_entityId_field_key" ON "FactSource"("entityType", "entityId", "field");

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FactSource" ADD CONSTRAINT "FactSource_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;
