import { badInput, quote } from '../common/errors.js';
import { db } from '../db/client.js';
import { parseDistrictAgs } from '../rules/districtKeys.js';

/**
 * The district responsible for any official key of a place in it: a district's AGS (5 digits,
 * or 8 with "000"), a municipality's AGS (8 digits) or ARS (12 digits; a district's own ARS
 * ends in seven zeros). Eisenach's ARS 160630105105 answers the Wartburgkreis. Null when the
 * official list has no such municipality.
 */
export async function districtIdForKey(value: string, argument = 'ags'): Promise<string | null> {
  const key = value.trim();
  if (/^\d{8}$/.test(key) && !key.endsWith('000')) {
    const place = await db().place.findUnique({ where: { id: key }, select: { districtId: true } });
    return place?.districtId ?? null;
  }
  if (/^\d{12}$/.test(key)) {
    if (key.endsWith('0000000')) return parseDistrictAgs(key.slice(0, 5), argument);
    const place = await db().place.findUnique({ where: { ars: key }, select: { districtId: true } });
    return place?.districtId ?? null;
  }
  if (/^\d+$/.test(key) && key.length !== 5 && key.length !== 8)
    throw badInput(
      `${quote(value)} is not an official key: expected a district's AGS (5 digits), a municipality's AGS (8) or ARS (12).`,
      argument,
    );
  return parseDistrictAgs(key, argument);
}
