// A request's translations, loaded once per record (DataLoader): a list of offers in Arabic is
// one query for all of them, not one per offer.
import { requestLoader } from '../common/requestLoader.js';
import { db } from '../db/client.js';
import type { Translation } from '../generated/prisma/client.js';

export const recordKey = (type: string, id: string) => `${type}\u0000${id}`;

async function loadTranslations(keys: readonly string[]): Promise<Translation[][]> {
  const wanted = keys.map((key) => key.split('\u0000') as [string, string]);
  const byType = new Map<string, string[]>();
  for (const [type, id] of wanted) byType.set(type, [...(byType.get(type) ?? []), id]);
  const found = await db().translation.findMany({
    where: { OR: [...byType].map(([entityType, ids]) => ({ entityType, entityId: { in: ids } })) },
    orderBy: [{ field: 'asc' }, { language: 'asc' }],
  });
  const grouped = new Map<string, Translation[]>();
  for (const translation of found) {
    const key = recordKey(translation.entityType, translation.entityId);
    grouped.set(key, [...(grouped.get(key) ?? []), translation]);
  }
  return keys.map((key) => grouped.get(key) ?? []);
}

/** The request's translations of a record (type and key, see recordKey). */
export const translationsOf = (context: object, key: string) => requestLoader(context, loadTranslations).load(key);
