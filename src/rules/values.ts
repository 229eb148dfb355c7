// Rules for kinds of value that recur across columns and arguments: each is written once, with
// the message every write path reports (mutations, data packages, filters, scalars).
import { isValidPhoneNumber } from 'libphonenumber-js/max';
import { z } from 'zod';
import { canonicalTag } from '../common/languages.js';
import { isCalendarDate, partialDatePattern } from './partialDate.js';
import { coded } from './zodIssues.js';

/**
 * Most a spreadsheet cell holds (Excel, LibreOffice): a longer text would come back cut from a
 * district's workbook. Control characters cannot stand in the XML of a workbook (or a vCard).
 */
const cellCharacters = 32_767;

/** C0 controls other than tab and line breaks, and DEL. */
const hasControlCharacter = (text: string) =>
  [...text].some((character) => {
    const code = character.charCodeAt(0);
    return (code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127;
  });

export const nonEmptyText = z
  .string()
  .regex(/\S/, coded('NOT_EMPTY', 'must not be empty'))
  .max(
    cellCharacters,
    coded('TOO_LONG', `must be at most ${cellCharacters.toLocaleString('en')} characters (what a spreadsheet cell holds)`, {
      max: String(cellCharacters),
    }),
  )
  .refine((text) => !hasControlCharacter(text), coded('CONTROL_CHARACTER', 'must not contain control characters'));

/** An item of a list column: one line (a workbook cell lists one item per line). */
export const listItem = nonEmptyText.regex(/^[^\r\n]*$/, coded('ONE_LINE', 'must be one line: a list holds one item per line'));

const partialDateMessage = coded('PARTIAL_DATE', 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"');

/** A date as precise as a source states it: "2017", "2019-05" or "2019-05-13" (a real day). */
export const partialDate = z.string().regex(partialDatePattern, partialDateMessage).refine(isCalendarDate, partialDateMessage);

export const webAddress = z.url({ protocol: /^https?$/, error: coded('WEB_ADDRESS', 'must be a web address (http or https)') });

export const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, coded('CLOCK_TIME', 'must be a time "HH:MM"'));

/** ISO 639-1: two lower-case letters, e.g. "uk". */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2}$/, coded('LANGUAGE_CODE', 'must be an ISO 639-1 code (two lower-case letters, e.g. "uk")'));

/** A degree of a point in Germany (WGS 84): what lies outside is most often latitude and longitude swapped. */
const degreesInGermany = (axis: string, min: number, max: number) => {
  const message = coded('OUTSIDE_GERMANY', `must lie in Germany (${axis} ${min} to ${max}): are latitude and longitude swapped?`, {
    min: String(min),
    max: String(max),
  });
  return z.number().min(min, message).max(max, message);
};

export const germanLatitude = degreesInGermany('latitude', 47.2, 55.1);

export const germanLongitude = degreesInGermany('longitude', 5.8, 15.1);

export const germanPostalCode = z.string().regex(/^\d{5}$/, coded('POSTAL_CODE', 'must be a German postal code (5 digits)'));

export const districtKey = z.string().regex(/^\d{5}$/, coded('DISTRICT_KEY', 'must be the 5-digit AGS of a district'));

export const municipalityKey = z.string().regex(/^\d{8}$/, coded('MUNICIPALITY_KEY', 'must be the 8-digit AGS of a municipality'));

const weekdayMessage = coded('WEEKDAY', 'must be an ISO weekday, 1 (Monday) to 7');
export const isoWeekday = z.int().min(1, weekdayMessage).max(7, weekdayMessage);

export const ianaTimeZone = z
  .string()
  .refine(
    (zone) => zone === 'UTC' || Intl.supportedValuesOf('timeZone').includes(zone),
    coded('TIME_ZONE', 'must be an IANA time zone, e.g. "Europe/Berlin"'),
  );

export const percentage = z
  .number()
  .gt(0, coded('PERCENTAGE', 'must be more than 0 and at most 100'))
  .max(100, 'must be more than 0 and at most 100')
  .multipleOf(0.01, coded('DECIMALS', 'must have at most two decimal places', { places: '2' }));

export const phoneNumberE164 = z
  .string()
  .refine(
    (value) => value.startsWith('+') && isValidPhoneNumber(value),
    coded('PHONE_E164', 'must be a phone number in E.164 form, e.g. +493632741273'),
  );

export const emailAddress = z.email(coded('EMAIL_ADDRESS', 'must be an e-mail address'));

/** A translation's language: a BCP 47 tag in canonical form, not German (the original's). */
export const bcp47Translation = z
  .string()
  .refine(
    (tag) => canonicalTag(tag) === tag,
    coded('LANGUAGE_TAG', 'must be a BCP 47 language tag in canonical form, e.g. "en", "ar", "uk", "pt-BR"'),
  )
  .refine((tag) => tag.split('-')[0] !== 'de', coded('NOT_GERMAN', 'must not be German: German is the original'));
