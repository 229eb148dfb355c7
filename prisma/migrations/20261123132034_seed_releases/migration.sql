-- CreateTable
CREATE TABLE "SeedRelease" (
    "id" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "appliedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SeedRelease_pkey" PRIMARY KEY ("id")
);
