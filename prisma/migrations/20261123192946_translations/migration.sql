-- CreateTable
CREATE TABLE "Translation" (
    "id" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "machine" BOOLEAN NOT NULL DEFAULT false,
    "translatedOn" DATE NOT NULL,
    "sourceId" TEXT NOT NULL,
    "districtId" TEXT,

    CONSTRAINT "Translation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Translation_districtId_idx" ON "Translation"("districtId");

-- CreateIndex
CREATE UNIQUE INDEX "Translation_entityType_entityId_field_language_key" ON "Translation"("entityType", "entityId", "field", "language");

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Translation" ADD CONSTRAINT "Translation_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;
