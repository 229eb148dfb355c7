-- CreateTable
CREATE TABLE "OfficeHourException" (
    "id" TEXT NOT NULL,
    "officeHoursId" TEXT NOT NULL,
    "firstDay" DATE NOT NULL,
    "lastDay" DATE NOT NULL,
    "opens" TEXT,
    "closes" TEXT,
    "note" TEXT,

    CONSTRAINT "OfficeHourException_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "OfficeHourException_officeHoursId_idx" ON "OfficeHourException"("officeHoursId");

-- AddForeignKey
ALTER TABLE "OfficeHourException" ADD CONSTRAINT "OfficeHourException_officeHoursId_fkey" FOREIGN KEY ("officeHoursId") REFERENCES "OfficeHours"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
