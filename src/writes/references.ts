// The checks of an editing mutation that only the database can make: does the record the input
// names exist, and does it belong to the district being edited? Each adds a problem and goes
// on, so that the editor hears of every problem at once.
import { keyOfType } from '../common/globalId.js';
import { db } from '../db/client.js';
import { genericDelegate, type ModelName } from '../db/datamodel.js';
import { said } from '../rules/issues.js';
import type { Problems } from '../writes/problems.js';

export const notAnId = (model: string) => said('NOT_AN_ID', `is not the ID of a ${model}`, { type: model });

/** A key that names no entry of a list (`what`: "a role of the catalogue", "a town of district 16065"). */
export const unknownEntry = (type: string, key: string, what: string) => said('UNKNOWN_ENTRY', `"${key}" is not ${what}`, { key, type });

export const listedTwice = (key: string) => said('LISTED_TWICE', `"${key}" is listed twice`, { key });

/** The keys among `keys` that exist in the model's table. */
async function existing(model: ModelName, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await genericDelegate(db(), model).findMany({ where: { id: { in: keys } }, select: { id: true } });
  return new Set(rows.map((row) => String(row.id)));
}

/** A vocabulary entry by key (a role, a programme, an indicator); undefined and a problem if there is none. */
export async function catalogueKey(
  model: ModelName,
  key: string,
  path: string,
  problems: Problems,
  what: string,
): Promise<string | undefined> {
  if ((await existing(model, [key])).has(key)) return key;
  problems.add(path, unknownEntry(model, key, what));
  return undefined;
}

/** A list of vocabulary keys (fields of action, tasks): each must exist, none twice. */
export async function catalogueKeys(model: ModelName, keys: string[], path: (index: number) => string, problems: Problems, what: string) {
  const known = await existing(model, keys);
  keys.forEach((key, index) => {
    if (!known.has(key)) problems.add(path(index), unknownEntry(model, key, what));
    else if (keys.indexOf(key) !== index) problems.add(path(index), listedTwice(key));
  });
}

/**
 * The key of a record named by global ID that belongs to the district (a post, a project, a
 * concept); undefined and a problem otherwise.
 */
export async function recordOfDistrict(
  model: ModelName,
  globalId: string | number,
  districtId: string,
  path: string,
  problems: Problems,
  what: string,
  where: Record<string, unknown> = {},
): Promise<string | undefined> {
  const id = keyOfType(globalId, model);
  if (id === null) {
    problems.add(path, notAnId(model));
    return undefined;
  }
  const [row] = await genericDelegate(db(), model).findMany({ where: { id, ...where }, select: { districtId: true } });
  if (row?.districtId === districtId) return id;
  problems.add(path, said('OTHER_DISTRICT', `is not ${what} of district ${districtId}`, { district: districtId, type: model }));
  return undefined;
}

/** In a change, the references sent as null, as their emptied columns: `{ concept: null }` → `{ conceptId: null }`. */
export function emptiedReferences(fields: object, columns: Record<string, string>): Record<string, null> {
  return Object.fromEntries(
    Object.entries(columns)
      .filter(([field]) => (fields as Record<string, unknown>)[field] === null)
      .map(([, column]) => [column, null]),
  );
}
