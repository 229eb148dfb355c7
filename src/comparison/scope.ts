// What a comparison covers (a state, a list of districts, or all, on one day), and its matrices
// computed once per request however often the query asks for them.
import { notFound } from '../common/errors.js';
import { berlinDate, isoDay } from '../common/history.js';
import { db } from '../db/client.js';
import { districtIdForKey } from '../districts/ags.js';
import { districtsWhere } from '../districts/existing.js';
import type { ComparedDistricts } from './matrices.js';

/** The scope of a comparison, with each matrix computed once however often the query asks for it. */
export interface Comparison extends ComparedDistricts {
  state: string | null;
  memo: Map<string, Promise<unknown>>;
}

export function once<T>(comparison: Comparison, key: string, compute: () => Promise<T>): Promise<T> {
  const known = comparison.memo.get(key) as Promise<T> | undefined;
  if (known) return known;
  const promise = compute();
  comparison.memo.set(key, promise);
  return promise;
}

/** The comparison's scope from the query's arguments: a state, a list of districts (any key of a place in them), or all. */
export async function comparisonScope(
  args: { state?: string | null; districts?: string[] | null; asOf?: Date | null },
  now: Date,
): Promise<Comparison> {
  const asOf = args.asOf ?? berlinDate(now);
  let ids: string[] | undefined;
  if (args.districts) {
    ids = [];
    for (const key of args.districts) {
      const id = await districtIdForKey(key, 'districts');
      if (!id) throw notFound(`No district or municipality with the key "${key.trim().slice(0, 12)}" in the official list.`);
      ids.push(id);
    }
  }
  const districts = await db().district.findMany({
    where: { ...districtsWhere({ state: args.state, asOf }, now), ...(ids ? { id: { in: ids } } : {}) },
    orderBy: [{ stateId: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  });
  const missing = ids?.find((id) => !districts.some((district) => district.id === id));
  if (missing) throw notFound(`No district with AGS "${missing}" exists on ${isoDay(asOf)}.`);
  return { asOf, districts, state: args.state ?? null, memo: new Map() };
}
