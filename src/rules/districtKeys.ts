// A district's key as callers write it: the Amtlicher Gemeindeschlüssel, 5 digits (state 2,
// region 1, district 2), or the 8-digit form with "000" for the municipality part.
import { badInput, quote } from '../common/errors.js';
import { districtKey } from './values.js';

/** The district's AGS, 5 digits; a BAD_USER_INPUT error naming `argument` otherwise. */
export function parseDistrictAgs(value: string, argument = 'ags'): string {
  const trimmed = value.trim();
  if (districtKey.safeParse(trimmed).success) return trimmed;
  if (/^\d{5}000$/.test(trimmed)) return trimmed.slice(0, 5);
  throw badInput(`${quote(value)} is not a district key (AGS): expected 5 digits, e.g. "16065" for the Kyffhäuserkreis.`, argument);
}

/**
 * The district key an authorization check compares with a token's districts: the same
 * normalisation as parseDistrictAgs, and '' for a malformed key (which no token holds).
 */
export function districtKeyForScope(value: string): string {
  try {
    return parseDistrictAgs(value);
  } catch {
    return '';
  }
}
