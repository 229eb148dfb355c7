// A translation written straight into a test's database (packages and `translate` are tested
// on their own): the seeds have none.
import type { Offer, PrismaClient } from '../../src/generated/prisma/client.js';

export function addOfferTitleTranslation(client: PrismaClient, offer: Offer, language: string, text: string) {
  return client.translation.upsert({
    where: { entityType_entityId_field_language: { entityType: 'Offer', entityId: offer.id, field: 'title', language } },
    create: {
      id: `test/${offer.id}/title/${language}`,
      entityType: 'Offer',
      entityId: offer.id,
      field: 'title',
      language,
      text,
      translatedOn: new Date('2026-11-01'),
      sourceId: offer.sourceId,
      districtId: offer.districtId,
    },
    update: {},
  });
}
