-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "programmeId" TEXT,
ADD COLUMN     "shownAs" TEXT;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FundingProgramme"("id") ON DELETE SET NULL ON UPDATE CASCADE;
