-- At most one current value per district and indicator: neither two editors at once nor the
-- same request sent twice can leave two. (A partial index: schema.prisma cannot express it;
-- see the comment on IndicatorValue there.)
CREATE UNIQUE INDEX "IndicatorValue_one_current_per_district"
  ON "IndicatorValue" ("indicatorId", "districtId")
  WHERE "validTo" IS NULL AND "archivedAt" IS NULL AND "districtId" IS NOT NULL;
