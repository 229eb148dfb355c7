import { berlinDate, isoDay } from '../common/history.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Announcement } from '../writes/announce.js';

/**
 * What editors enter is a fact like any other and names its source: one "editorial" source
 * per district and day, dated that day. Named in German, the language of every source (and of
 * the editors who read it beside their entries).
 */
export async function editorialSource(
  tx: Prisma.TransactionClient,
  districtId: string | null,
  now: Date,
): Promise<{ id: string; created: Announcement[] }> {
  const day = berlinDate(now);
  const id = `editorial:${districtId ?? 'state'}:${isoDay(day)}`;
  // INSERT … ON CONFLICT DO NOTHING: two editors' first changes of the day cannot collide.
  const { count } = await tx.source.createMany({
    data: [
      {
        id,
        title: 'Eingetragen von der Redaktion des Kreises',
        kind: 'EDITORIAL',
        districtId,
        asOf: day,
        asOfBasis: 'Der Tag, an dem die Redaktion die Angaben eingetragen oder geändert hat.',
      },
    ],
    skipDuplicates: true,
  });
  // The change feed names the new source with the change that cites it.
  return { id, created: count ? [{ action: 'CREATE', entityType: 'Source', entityId: id }] : [] };
}
