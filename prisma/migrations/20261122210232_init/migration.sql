-- CreateEnum
CREATE TYPE "SourceKind" AS ENUM ('WEB_PAGE', 'REFERENCE_DATA');

-- CreateEnum
CREATE TYPE "DistrictKind" AS ENUM ('RURAL_DISTRICT', 'DISTRICT_FREE_CITY');

-- CreateEnum
CREATE TYPE "ChannelKind" AS ENUM ('PHONE', 'MOBILE', 'FAX', 'EMAIL', 'WEB_FORM');

-- CreateEnum
CREATE TYPE "AddressKind" AS ENUM ('OFFICE', 'VISITOR', 'POSTAL', 'OFFICE_HOURS');

-- CreateEnum
CREATE TYPE "FunderLevel" AS ENUM ('EU', 'FEDERAL', 'STATE');

-- CreateEnum
CREATE TYPE "ConceptStatus" AS ENUM ('IN_PREPARATION', 'ADOPTED', 'BEING_UPDATED');

-- CreateEnum
CREATE TYPE "MilestoneKind" AS ENUM ('ACHIEVED', 'PLANNED');

-- CreateEnum
CREATE TYPE "FieldEmphasis" AS ENUM ('FIELD_OF_ACTION', 'THEME');

-- CreateEnum
CREATE TYPE "OfferCategory" AS ENUM ('LANGUAGE_COURSE', 'COUNSELLING', 'RETURN_COUNSELLING', 'SCHOOL_SOCIAL_WORK', 'SOCIAL_SERVICES', 'CHILDCARE', 'ADULT_EDUCATION', 'INFORMATION', 'HEALTH');

-- CreateEnum
CREATE TYPE "TargetGroup" AS ENUM ('NEWCOMERS', 'REFUGEES', 'PARENTS', 'CHILDREN', 'PUPILS', 'ALL_RESIDENTS', 'MUNICIPALITIES');

-- CreateEnum
CREATE TYPE "PartnerKind" AS ENUM ('PUBLIC_AUTHORITY', 'MINISTRY', 'RESEARCH_INSTITUTE', 'WELFARE_ORGANISATION', 'ASSOCIATION', 'EDUCATION', 'CIVIL_SOCIETY', 'POLICE', 'OTHER');

-- CreateEnum
CREATE TYPE "ValueQualifier" AS ENUM ('EXACT', 'MORE_THAN');

-- CreateEnum
CREATE TYPE "DocumentKind" AS ENUM ('INTEGRATION_CONCEPT', 'GUIDELINE', 'NEWSLETTER', 'OTHER');

-- CreateTable
CREATE TABLE "Source" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "SourceKind" NOT NULL,
    "url" TEXT,
    "asOf" DATE,
    "asOfBasis" TEXT,
    "districtId" TEXT,

    CONSTRAINT "Source_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "State" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "regionalKey" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "State_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "District" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "DistrictKind" NOT NULL,
    "stateId" TEXT NOT NULL,
    "seatName" TEXT,
    "sourceId" TEXT NOT NULL,
    "lastVerifiedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Municipality" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "ags" TEXT,
    "districtId" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OrganisationalUnit" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "parentId" TEXT,
    "attachedTo" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "OrganisationalUnit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Role" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "germanName" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Role_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Task" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "germanWording" TEXT NOT NULL,

    CONSTRAINT "Task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Position" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "roleId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "unitId" TEXT,
    "headcount" INTEGER,
    "since" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Position_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PositionTask" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "taskId" TEXT NOT NULL,
    "wording" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "PositionTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" TEXT NOT NULL,
    "salutation" TEXT,
    "givenName" TEXT,
    "familyName" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Contact" (
    "id" TEXT NOT NULL,
    "positionId" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "personId" TEXT,
    "validFrom" DATE,
    "validTo" DATE,
    "validFromStated" BOOLEAN NOT NULL DEFAULT false,
    "validToStated" BOOLEAN NOT NULL DEFAULT false,
    "validityNote" TEXT,
    "sourceId" TEXT NOT NULL,
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Contact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ContactChannel" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "kind" "ChannelKind" NOT NULL,
    "value" TEXT,
    "printed" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "ContactChannel_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Address" (
    "id" TEXT NOT NULL,
    "kind" "AddressKind" NOT NULL,
    "placeName" TEXT,
    "street" TEXT,
    "postOfficeBox" TEXT,
    "postalCode" TEXT NOT NULL,
    "locality" TEXT NOT NULL,
    "room" TEXT,
    "printed" TEXT NOT NULL,
    "contactId" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Address_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeHours" (
    "id" TEXT NOT NULL,
    "contactId" TEXT NOT NULL,
    "locationId" TEXT,
    "timeZone" TEXT NOT NULL DEFAULT 'Europe/Berlin',
    "byAppointment" BOOLEAN NOT NULL DEFAULT false,
    "appointmentRequired" BOOLEAN NOT NULL DEFAULT false,
    "printed" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "OfficeHours_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfficeHourInterval" (
    "id" TEXT NOT NULL,
    "officeHoursId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL,
    "opens" TEXT NOT NULL,
    "closes" TEXT NOT NULL,

    CONSTRAINT "OfficeHourInterval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Funder" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "level" "FunderLevel" NOT NULL,
    "stateId" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Funder_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FundingProgramme" (
    "id" TEXT NOT NULL,
    "shortName" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "funderId" TEXT NOT NULL,
    "since" TEXT,
    "legalBasis" TEXT,
    "description" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "FundingProgramme_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Funding" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "programmeId" TEXT,
    "funderId" TEXT NOT NULL,
    "positionId" TEXT,
    "projectId" TEXT,
    "sharePercent" DECIMAL(5,2),
    "periodStart" TEXT,
    "periodEnd" TEXT,
    "description" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Funding_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IntegrationConcept" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "status" "ConceptStatus" NOT NULL,
    "adoptedOn" DATE,
    "adoptedBy" TEXT,
    "versionAsOf" TEXT,
    "summary" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "IntegrationConcept_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptMilestone" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "kind" "MilestoneKind" NOT NULL,
    "title" TEXT NOT NULL,
    "periodStart" TEXT,
    "periodEnd" TEXT,
    "items" TEXT[],
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "ConceptMilestone_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FieldOfAction" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "germanName" TEXT NOT NULL,

    CONSTRAINT "FieldOfAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ConceptFieldOfAction" (
    "id" TEXT NOT NULL,
    "conceptId" TEXT NOT NULL,
    "fieldOfActionId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "emphasis" "FieldEmphasis" NOT NULL DEFAULT 'FIELD_OF_ACTION',
    "ordinal" INTEGER NOT NULL,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "ConceptFieldOfAction_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "category" "OfferCategory" NOT NULL,
    "providerName" TEXT,
    "providerId" TEXT,
    "description" TEXT NOT NULL,
    "targetGroups" TEXT[],
    "languages" TEXT[],
    "languageCount" INTEGER,
    "online" BOOLEAN NOT NULL DEFAULT false,
    "website" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferPlace" (
    "id" TEXT NOT NULL,
    "offerId" TEXT NOT NULL,
    "municipalityId" TEXT NOT NULL,
    "label" TEXT,

    CONSTRAINT "OfferPlace_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Partner" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "website" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Partner_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Cooperation" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,
    "description" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Cooperation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Network" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "districtId" TEXT,
    "stateId" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Network_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "NetworkSupport" (
    "networkId" TEXT NOT NULL,
    "partnerId" TEXT NOT NULL,

    CONSTRAINT "NetworkSupport_pkey" PRIMARY KEY ("networkId","partnerId")
);

-- CreateTable
CREATE TABLE "Project" (
    "id" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "periodStart" TEXT,
    "periodEnd" TEXT,
    "positionId" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Project_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Indicator" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "germanName" TEXT NOT NULL,
    "unit" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "Indicator_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "IndicatorValue" (
    "id" TEXT NOT NULL,
    "indicatorId" TEXT NOT NULL,
    "districtId" TEXT,
    "stateId" TEXT,
    "value" DECIMAL(14,2) NOT NULL,
    "qualifier" "ValueQualifier" NOT NULL DEFAULT 'EXACT',
    "printed" TEXT NOT NULL,
    "referenceDate" DATE,
    "validFrom" DATE,
    "validTo" DATE,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "IndicatorValue_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Document" (
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "kind" "DocumentKind" NOT NULL,
    "format" TEXT,
    "issued" TEXT,
    "url" TEXT,
    "districtId" TEXT,
    "conceptId" TEXT,
    "programmeId" TEXT,
    "sourceId" TEXT NOT NULL,

    CONSTRAINT "Document_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "State_regionalKey_key" ON "State"("regionalKey");

-- CreateIndex
CREATE INDEX "District_stateId_idx" ON "District"("stateId");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_ags_key" ON "Municipality"("ags");

-- CreateIndex
CREATE UNIQUE INDEX "Municipality_districtId_name_key" ON "Municipality"("districtId", "name");

-- CreateIndex
CREATE INDEX "OrganisationalUnit_districtId_idx" ON "OrganisationalUnit"("districtId");

-- CreateIndex
CREATE INDEX "Position_districtId_idx" ON "Position"("districtId");

-- CreateIndex
CREATE INDEX "Position_roleId_idx" ON "Position"("roleId");

-- CreateIndex
CREATE UNIQUE INDEX "PositionTask_positionId_taskId_key" ON "PositionTask"("positionId", "taskId");

-- CreateIndex
CREATE INDEX "Contact_districtId_validFrom_validTo_idx" ON "Contact"("districtId", "validFrom", "validTo");

-- CreateIndex
CREATE INDEX "Contact_positionId_idx" ON "Contact"("positionId");

-- CreateIndex
CREATE INDEX "ContactChannel_contactId_idx" ON "ContactChannel"("contactId");

-- CreateIndex
CREATE INDEX "Address_contactId_idx" ON "Address"("contactId");

-- CreateIndex
CREATE INDEX "OfficeHours_contactId_idx" ON "OfficeHours"("contactId");

-- CreateIndex
CREATE INDEX "OfficeHourInterval_officeHoursId_idx" ON "OfficeHourInterval"("officeHoursId");

-- CreateIndex
CREATE INDEX "Funding_districtId_idx" ON "Funding"("districtId");

-- CreateIndex
CREATE INDEX "Funding_programmeId_idx" ON "Funding"("programmeId");

-- CreateIndex
CREATE INDEX "Funding_positionId_idx" ON "Funding"("positionId");

-- CreateIndex
CREATE INDEX "IntegrationConcept_districtId_idx" ON "IntegrationConcept"("districtId");

-- CreateIndex
CREATE INDEX "ConceptMilestone_conceptId_idx" ON "ConceptMilestone"("conceptId");

-- CreateIndex
CREATE UNIQUE INDEX "ConceptFieldOfAction_conceptId_fieldOfActionId_key" ON "ConceptFieldOfAction"("conceptId", "fieldOfActionId");

-- CreateIndex
CREATE INDEX "Offer_districtId_category_idx" ON "Offer"("districtId", "category");

-- CreateIndex
CREATE UNIQUE INDEX "OfferPlace_offerId_municipalityId_key" ON "OfferPlace"("offerId", "municipalityId");

-- CreateIndex
CREATE UNIQUE INDEX "Cooperation_districtId_partnerId_key" ON "Cooperation"("districtId", "partnerId");

-- CreateIndex
CREATE INDEX "Project_districtId_idx" ON "Project"("districtId");

-- CreateIndex
CREATE INDEX "IndicatorValue_indicatorId_districtId_validFrom_idx" ON "IndicatorValue"("indicatorId", "districtId", "validFrom");

-- CreateIndex
CREATE INDEX "Document_districtId_idx" ON "Document"("districtId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "State" ADD CONSTRAINT "State_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "District" ADD CONSTRAINT "District_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationalUnit" ADD CONSTRAINT "OrganisationalUnit_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationalUnit" ADD CONSTRAINT "OrganisationalUnit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "OrganisationalUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OrganisationalUnit" ADD CONSTRAINT "OrganisationalUnit_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_roleId_fkey" FOREIGN KEY ("roleId") REFERENCES "Role"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "OrganisationalUnit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Position" ADD CONSTRAINT "Position_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionTask" ADD CONSTRAINT "PositionTask_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionTask" ADD CONSTRAINT "PositionTask_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PositionTask" ADD CONSTRAINT "PositionTask_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Person" ADD CONSTRAINT "Person_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Contact" ADD CONSTRAINT "Contact_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactChannel" ADD CONSTRAINT "ContactChannel_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ContactChannel" ADD CONSTRAINT "ContactChannel_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Address" ADD CONSTRAINT "Address_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeHours" ADD CONSTRAINT "OfficeHours_contactId_fkey" FOREIGN KEY ("contactId") REFERENCES "Contact"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeHours" ADD CONSTRAINT "OfficeHours_locationId_fkey" FOREIGN KEY ("locationId") REFERENCES "Address"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeHours" ADD CONSTRAINT "OfficeHours_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfficeHourInterval" ADD CONSTRAINT "OfficeHourInterval_officeHoursId_fkey" FOREIGN KEY ("officeHoursId") REFERENCES "OfficeHours"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funder" ADD CONSTRAINT "Funder_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funder" ADD CONSTRAINT "Funder_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingProgramme" ADD CONSTRAINT "FundingProgramme_funderId_fkey" FOREIGN KEY ("funderId") REFERENCES "Funder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FundingProgramme" ADD CONSTRAINT "FundingProgramme_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FundingProgramme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_funderId_fkey" FOREIGN KEY ("funderId") REFERENCES "Funder"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Funding" ADD CONSTRAINT "Funding_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConcept" ADD CONSTRAINT "IntegrationConcept_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IntegrationConcept" ADD CONSTRAINT "IntegrationConcept_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptMilestone" ADD CONSTRAINT "ConceptMilestone_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "IntegrationConcept"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptMilestone" ADD CONSTRAINT "ConceptMilestone_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptFieldOfAction" ADD CONSTRAINT "ConceptFieldOfAction_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "IntegrationConcept"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptFieldOfAction" ADD CONSTRAINT "ConceptFieldOfAction_fieldOfActionId_fkey" FOREIGN KEY ("fieldOfActionId") REFERENCES "FieldOfAction"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ConceptFieldOfAction" ADD CONSTRAINT "ConceptFieldOfAction_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPlace" ADD CONSTRAINT "OfferPlace_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferPlace" ADD CONSTRAINT "OfferPlace_municipalityId_fkey" FOREIGN KEY ("municipalityId") REFERENCES "Municipality"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Partner" ADD CONSTRAINT "Partner_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cooperation" ADD CONSTRAINT "Cooperation_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cooperation" ADD CONSTRAINT "Cooperation_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Cooperation" ADD CONSTRAINT "Cooperation_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Network" ADD CONSTRAINT "Network_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkSupport" ADD CONSTRAINT "NetworkSupport_networkId_fkey" FOREIGN KEY ("networkId") REFERENCES "Network"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "NetworkSupport" ADD CONSTRAINT "NetworkSupport_partnerId_fkey" FOREIGN KEY ("partnerId") REFERENCES "Partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_positionId_fkey" FOREIGN KEY ("positionId") REFERENCES "Position"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Project" ADD CONSTRAINT "Project_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_indicatorId_fkey" FOREIGN KEY ("indicatorId") REFERENCES "Indicator"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_stateId_fkey" FOREIGN KEY ("stateId") REFERENCES "State"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IndicatorValue" ADD CONSTRAINT "IndicatorValue_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_conceptId_fkey" FOREIGN KEY ("conceptId") REFERENCES "IntegrationConcept"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "FundingProgramme"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Document" ADD CONSTRAINT "Document_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "Source"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
