-- CreateEnum
CREATE TYPE "FeedAction" AS ENUM ('CREATED', 'UPDATED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "ProblemTopic" AS ENUM ('GENERAL', 'NAME_OR_TITLE', 'PHONE_OR_EMAIL', 'ADDRESS', 'OFFICE_HOURS', 'OTHER');

-- CreateEnum
CREATE TYPE "ProblemReportStatus" AS ENUM ('OPEN', 'ANSWERED', 'CLOSED');

-- AlterTable
ALTER TABLE "AuditEvent" ALTER COLUMN "at" SET DEFAULT clock_timestamp(),
ALTER COLUMN "at" SET DATA TYPE TIMESTAMP(6);

-- AlterTable
ALTER TABLE "District" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Document" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "FieldOfAction" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Funding" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "FundingProgramme" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Indicator" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "IntegrationConcept" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Network" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Partner" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Role" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Source" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "State" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "FeedEvent" (
    "position" BIGSERIAL NOT NULL,
    "at" TIMESTAMP(6) NOT NULL DEFAULT clock_timestamp(),
    "action" "FeedAction" NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "districtId" TEXT,
    "version" INTEGER NOT NULL,

    CONSTRAINT "FeedEvent_pkey" PRIMARY KEY ("position")
);

-- CreateTable
CREATE TABLE "FeedHorizon" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "expiredThrough" BIGINT NOT NULL,

    CONSTRAINT "FeedHorizon_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Webhook" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "types" TEXT[],
    "districtIds" TEXT[],
    "createdById" TEXT,
    "createdByName" TEXT NOT NULL,
    "stateId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredThrough" BIGINT NOT NULL,
    "feedBasis" BIGINT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "leasedUntil" TIMESTAMP(3),
    "deletedAt" TIMESTAMP(3),

    CONSTRAINT "Webhook_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" TEXT NOT NULL,
    "webhookId" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempt" INTEGER NOT NULL,
    "firstPosition" BIGINT NOT NULL,
    "lastPosition" BIGINT NOT NULL,
    "eventCount" INTEGER NOT NULL,
    "status" INTEGER,
    "error" TEXT,
    "durationMs" INTEGER NOT NULL,
    "succeeded" BOOLEAN NOT NULL,

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ProblemReport" (
    "id" TEXT NOT NULL,
    "subjectType" TEXT NOT NULL,
    "subjectId" TEXT NOT NULL,
    "topic" "ProblemTopic" NOT NULL,
    "districtId" TEXT NOT NULL,
    "message" TEXT NOT NULL,
    "contactEmail" TEXT,
    "status" "ProblemReportStatus" NOT NULL DEFAULT 'OPEN',
    "answer" TEXT,
    "answeredAt" TIMESTAMP(3),
    "answeredBy" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProblemReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FeedEvent_entityType_entityId_idx" ON "FeedEvent"("entityType", "entityId");

-- CreateIndex
CREATE INDEX "Webhook_nextAttemptAt_idx" ON "Webhook"("nextAttemptAt");

-- CreateIndex
CREATE INDEX "WebhookDelivery_webhookId_at_idx" ON "WebhookDelivery"("webhookId", "at");

-- CreateIndex
CREATE INDEX "ProblemReport_districtId_status_idx" ON "ProblemReport"("districtId", "status");

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_webhookId_fkey" FOREIGN KEY ("webhookId") REFERENCES "Webhook"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProblemReport" ADD CONSTRAINT "ProblemReport_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Existing rows got the time of this migration, from now on Prisma sets updatedAt.
ALTER TABLE "Document" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "FieldOfAction" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Funding" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "FundingProgramme" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Indicator" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "IndicatorValue" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "IntegrationConcept" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Network" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Offer" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Partner" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Position" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Project" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Role" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Source" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "State" ALTER COLUMN "updatedAt" DROP DEFAULT;
ALTER TABLE "Task" ALTER COLUMN "updatedAt" DROP DEFAULT;

-- Every record there is enters the feed once, so that a copy can start from the beginning.
INSERT INTO "FeedHorizon" ("id", "expiredThrough") VALUES (1, 0);
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'State', "id", NULL, "version" FROM "State" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'District', "id", "id", "version" FROM "District" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Source', "id", "districtId", "version" FROM "Source" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Role', "id", NULL, "version" FROM "Role" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Task', "id", NULL, "version" FROM "Task" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'Position', "id", "districtId", "version" FROM "Position" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'Contact', "id", "districtId", "version" FROM "Contact" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'FundingProgramme', "id", NULL, "version" FROM "FundingProgramme" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'Funding', "id", "districtId", "version" FROM "Funding" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'FieldOfAction', "id", NULL, "version" FROM "FieldOfAction" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'IntegrationConcept', "id", "districtId", "version" FROM "IntegrationConcept" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'Offer', "id", "districtId", "version" FROM "Offer" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Partner', "id", NULL, "version" FROM "Partner" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Project', "id", "districtId", "version" FROM "Project" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Network', "id", "districtId", "version" FROM "Network" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT 'CREATED'::"FeedAction", 'Indicator', "id", NULL, "version" FROM "Indicator" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'IndicatorValue', "id", "districtId", "version" FROM "IndicatorValue" ORDER BY "id";
INSERT INTO "FeedEvent" ("action", "entityType", "entityId", "districtId", "version")
  SELECT CASE WHEN "archivedAt" IS NULL THEN 'CREATED' ELSE 'ARCHIVED' END::"FeedAction", 'Document', "id", "districtId", "version" FROM "Document" ORDER BY "id";
