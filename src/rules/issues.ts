// Every problem the API finds with an input has a stable code and parameters (InputIssue.code,
// .params). Software tells problems apart by the code; `message` is the developers' English
// sentence and may be reworded. For each code, here is what an editor reads, in German and in
// English: the workbook import says the German, the editors' app either. This module has no
// dependencies, so that a browser bundle can carry it.

type Params = Readonly<Record<string, string>>;

interface Texts {
  /** What the API's GraphQL enum says of the code (for developers). */
  about: string;
  de(params: Params): string;
  en(params: Params): string;
}

const quoted = {
  de: (text: string | undefined) => `„${text ?? ''}“`,
  en: (text: string | undefined) => `“${text ?? ''}”`,
};

export const issueTexts = {
  REQUIRED: { about: 'A required value is missing.', de: () => 'Pflichtfeld: bitte ausfüllen', en: () => 'Required: please fill this in' },
  NOT_EMPTY: { about: 'The text is empty.', de: () => 'darf nicht leer sein', en: () => 'must not be empty' },
  NOT_EMPTIABLE: {
    about: 'Null cannot empty this field: leave it out to keep it (a list: give an empty list for none).',
    de: () => 'kann nicht geleert werden',
    en: () => 'cannot be emptied',
  },
  TOO_LONG: {
    about: 'The text is longer than `max` characters.',
    de: (p) => `darf höchstens ${p.max} Zeichen lang sein`,
    en: (p) => `may be at most ${p.max} characters long`,
  },
  CONTROL_CHARACTER: {
    about: 'The text contains a control character (one that cannot be typed or printed).',
    de: () => 'enthält ein unsichtbares Steuerzeichen: bitte den Text neu eingeben',
    en: () => 'contains an invisible control character: please type the text again',
  },
  ONE_LINE: {
    about: 'An item of a list spans several lines.',
    de: () => 'ein Eintrag je Zeile: ein Eintrag darf keinen Zeilenumbruch enthalten',
    en: () => 'one item per line: an item must not contain a line break',
  },
  WRONG_TYPE: {
    about: 'The value is of another kind than `expected` (number, int, boolean, date, string, array, object).',
    de: (p) =>
      (
        ({
          int: 'muss eine ganze Zahl sein',
          number: 'muss eine Zahl sein',
          boolean: 'muss WAHR oder FALSCH sein',
          date: 'muss ein Datum sein, z. B. 31.12.2026',
        }) as Record<string, string>
      )[p.expected ?? ''] ?? 'hat die falsche Art von Wert',
    en: (p) =>
      (
        ({ int: 'must be a whole number', number: 'must be a number', boolean: 'must be TRUE or FALSE', date: 'must be a date' }) as Record<
          string,
          string
        >
      )[p.expected ?? ''] ?? 'is the wrong kind of value',
  },
  ONE_OF: {
    about: 'The value is not one of `values` (comma-separated).',
    de: (p) => `kein Wert der Auswahlliste (möglich: ${p.values})`,
    en: (p) => `is not one of the choices (${p.values})`,
  },
  UNKNOWN_FIELDS: {
    about: 'The input has fields the format does not know (`fields`).',
    de: (p) => `unbekannte Angaben: ${p.fields}`,
    en: (p) => `unknown fields: ${p.fields}`,
  },
  AT_LEAST: { about: 'The number is less than `min`.', de: (p) => `muss mindestens ${p.min} sein`, en: (p) => `must be ${p.min} or more` },
  PERCENTAGE: {
    about: 'A share must be more than 0 and at most 100 (per cent).',
    de: () => 'muss mehr als 0 und höchstens 100 (Prozent) sein',
    en: () => 'must be more than 0 and at most 100 (per cent)',
  },
  DECIMALS: {
    about: 'The number has more than `places` decimal places.',
    de: (p) => `höchstens ${p.places} Nachkommastellen`,
    en: (p) => `at most ${p.places} decimal places`,
  },
  PARTIAL_DATE: {
    about: 'A date as precise as known: a year, a month or a day (YYYY, YYYY-MM, YYYY-MM-DD).',
    de: () => 'muss ein Jahr, ein Monat oder ein Tag sein: 2026, 2026-12 oder 2026-12-31',
    en: () => 'must be a year, a month or a day: 2026, 2026-12 or 2026-12-31',
  },
  DATE_ORDER: {
    about: 'The end is before the start (`start`).',
    de: (p) => `darf nicht vor dem Beginn liegen (${p.start})`,
    en: (p) => `must not be before the start (${p.start})`,
  },
  CLOCK_TIME: { about: 'A time as HH:MM.', de: () => 'muss eine Uhrzeit sein, z. B. 09:00', en: () => 'must be a time, e.g. 09:00' },
  CLOSES_AFTER_OPENS: {
    about: 'The closing time is not later than the opening time (`opens`).',
    de: (p) => `muss später als der Beginn sein (${p.opens})`,
    en: (p) => `must be later than the opening time (${p.opens})`,
  },
  BOTH_TIMES_OR_NONE: {
    about: 'Special hours need both times; a closure neither.',
    de: () => 'für geänderte Zeiten beide Uhrzeiten angeben, für eine Schließung keine',
    en: () => 'give both times for special hours, or neither for a closure',
  },
  WEEKDAY: { about: 'An ISO weekday, 1 (Monday) to 7.', de: () => 'muss ein Wochentag sein', en: () => 'must be a day of the week' },
  TIME_ZONE: {
    about: 'An IANA time zone, e.g. Europe/Berlin.',
    de: () => 'muss eine Zeitzone sein, z. B. Europe/Berlin',
    en: () => 'must be a time zone, e.g. Europe/Berlin',
  },
  OPENING_HOURS_SYNTAX: {
    about: 'The weekly hours in OpenStreetMap syntax cannot be read (`detail`).',
    de: () => 'diese Öffnungszeiten sind nicht lesbar: bitte als Wochenzeiten angeben, z. B. Mo-Fr 09:00-12:00',
    en: (p) => `these opening hours cannot be read (${p.detail})`,
  },
  HOURS_TWICE: {
    about: 'Weekly hours were given both as intervals and as openingHours.',
    de: () => 'die Wochenzeiten bitte nur einmal angeben',
    en: () => 'give the weekly hours only once',
  },
  PHONE_NUMBER: {
    about: 'The printed text (`text`) is not a valid phone number.',
    de: (p) => `${quoted.de(p.text)} ist keine gültige Telefonnummer: bitte mit Vorwahl, z. B. 03606 650-123`,
    en: (p) => `${quoted.en(p.text)} is not a valid phone number: please include the area code, e.g. 03606 650-123`,
  },
  PHONE_AREA_CODE: {
    about: 'The phone number (`text`) has no area code (Vorwahl).',
    de: (p) => `${quoted.de(p.text)}: bitte die Telefonnummer mit Vorwahl angeben, z. B. 03606 650-123`,
    en: (p) => `${quoted.en(p.text)}: please give the phone number with its area code, e.g. 03606 650-123`,
  },
  PHONE_LETTER: {
    about: 'The phone number (`text`) has a letter among its digits (an O for a 0?).',
    de: (p) => `${quoted.de(p.text)} enthält einen Buchstaben zwischen den Ziffern (ein O statt einer 0?)`,
    en: (p) => `${quoted.en(p.text)} has a letter among its digits (an O for a 0?)`,
  },
  PHONE_E164: {
    about: 'A phone number in E.164 form (+493632741273).',
    de: () => 'muss eine Telefonnummer in internationaler Form sein, z. B. +493632741273',
    en: () => 'must be a phone number in international form, e.g. +493632741273',
  },
  VALUE_NOT_PRINTED: {
    about: 'The normalised value is not what the printed text (`printed`) reads as (`read`).',
    de: (p) => `passt nicht zu ${quoted.de(p.printed)} (gelesen: ${p.read})`,
    en: (p) => `does not match ${quoted.en(p.printed)} (read as ${p.read})`,
  },
  EMAIL_ADDRESS: {
    about: 'Not an e-mail address (`text`, where printed).',
    de: (p) => (p.text ? `${quoted.de(p.text)} ist keine gültige E-Mail-Adresse` : 'muss eine E-Mail-Adresse sein'),
    en: (p) => (p.text ? `${quoted.en(p.text)} is not a valid e-mail address` : 'must be an e-mail address'),
  },
  WEB_ADDRESS: {
    about: 'Not a web address with http or https (`text`, where printed).',
    de: () => 'muss eine Web-Adresse sein (mit https:// oder http://)',
    en: () => 'must be a web address (with https:// or http://)',
  },
  POSTAL_CODE: {
    about: 'A German postal code: 5 digits.',
    de: () => 'muss eine Postleitzahl sein (5 Ziffern)',
    en: () => 'must be a postal code (5 digits)',
  },
  OUTSIDE_GERMANY: {
    about: 'The coordinate lies outside Germany (`min` to `max` degrees): latitude and longitude swapped, or a point elsewhere?',
    de: () => 'liegt nicht in Deutschland: sind Breite und Länge vertauscht?',
    en: () => 'is not in Germany: are latitude and longitude swapped?',
  },
  COORDINATES_PAIR: {
    about: 'A point needs both latitude and longitude.',
    de: () => 'bitte Breite und Länge angeben, oder keine von beiden',
    en: () => 'please give both latitude and longitude, or neither',
  },
  MAP_LINK: {
    about: 'The link (`text`) is not an OpenStreetMap link that names a point (…?mlat=…&mlon=… or #map=zoom/lat/lon).',
    de: () =>
      'ist kein OpenStreetMap-Link mit einem Punkt: bitte auf openstreetmap.org den Eingang anklicken und den Link der Adresszeile kopieren',
    en: () =>
      'is not an OpenStreetMap link naming a point: please click the entrance on openstreetmap.org and copy the link from the address bar',
  },
  POINT_TWICE: {
    about: 'A point was given both as a map link and as latitude and longitude.',
    de: () => 'den Punkt bitte nur einmal angeben: als Link oder als Breite und Länge',
    en: () => 'give the point only once: as a link or as latitude and longitude',
  },
  PLACES_TWICE: {
    about: 'An offer’s towns were given both as names (places) and with their details (placeDetails).',
    de: () => 'die Orte bitte nur einmal angeben: als Namen oder mit ihren Angaben',
    en: () => 'give the places only once: as names or with their details',
  },
  STREET_OR_PO_BOX: {
    about: 'An address needs a street or a post-office box.',
    de: () => 'braucht eine Straße oder ein Postfach',
    en: () => 'needs a street or a post-office box',
  },
  LANGUAGE_CODE: {
    about: 'A language as ISO 639-1 code (two lower-case letters, e.g. uk).',
    de: () => 'muss ein Sprachkürzel aus zwei Kleinbuchstaben sein, z. B. uk',
    en: () => 'must be a two-letter language code, e.g. uk',
  },
  LANGUAGE_TAG: {
    about: 'A translation’s language as BCP 47 tag in canonical form (en, ar, uk, pt-BR).',
    de: () => 'muss ein Sprachkürzel sein, z. B. en, ar, uk oder pt-BR',
    en: () => 'must be a language tag, e.g. en, ar, uk or pt-BR',
  },
  NOT_GERMAN: {
    about: 'A translation must not be German: German is the original.',
    de: () => 'Deutsch ist der Originaltext: bitte eine andere Sprache wählen',
    en: () => 'German is the original: please choose another language',
  },
  DISTRICT_KEY: {
    about: 'A district’s key: its 5-digit AGS.',
    de: () => 'muss der fünfstellige Kreisschlüssel (AGS) sein',
    en: () => 'must be the 5-digit district key (AGS)',
  },
  MUNICIPALITY_KEY: {
    about: 'A municipality’s key: its 8-digit AGS.',
    de: () => 'muss der achtstellige Gemeindeschlüssel (AGS) sein',
    en: () => 'must be the 8-digit municipality key (AGS)',
  },
  NO_SUCH_DISTRICT: {
    about: 'No district of Thüringen or Sachsen has this key (`key`).',
    de: (p) => `${quoted.de(p.key)} ist kein Landkreis und keine kreisfreie Stadt in Thüringen oder Sachsen`,
    en: (p) => `${quoted.en(p.key)} is no district of Thüringen or Sachsen`,
  },
  NOT_AN_ID: {
    about: 'The value is not the ID of a record of `type`.',
    de: () => 'verweist auf keinen gültigen Eintrag',
    en: () => 'does not refer to a valid record',
  },
  UNKNOWN_ENTRY: {
    about:
      'The key (`key`) names no entry of its list: a record of `type` (a model, e.g. Municipality), or in a data package one of its `table` (e.g. positions).',
    de: (p) => `${quoted.de(p.key)} steht nicht in der Auswahlliste`,
    en: (p) => `${quoted.en(p.key)} is not in the list of choices`,
  },
  OTHER_DISTRICT: {
    about: 'The record named is not one of the district (`district`), or does not exist.',
    de: () => 'gehört nicht zu diesem Kreis, oder es gibt ihn nicht',
    en: () => 'does not belong to this district, or does not exist',
  },
  LISTED_TWICE: {
    about: 'The key (`key`) is listed twice.',
    de: (p) => `${quoted.de(p.key)} steht zweimal in der Liste`,
    en: (p) => `${quoted.en(p.key)} is listed twice`,
  },
  UNCHANGEABLE: {
    about: 'The field is set when the record is added and cannot change.',
    de: () => 'kann nachträglich nicht geändert werden',
    en: () => 'cannot be changed afterwards',
  },
  BEFORE_START: {
    about: 'The date is not after the start of what it changes (`start`).',
    de: (p) => `muss nach dem Beginn liegen (${p.start})`,
    en: (p) => `must be after the start (${p.start})`,
  },
  PROGRAMME_OR_FUNDER: {
    about: 'A funding names its programme or its funder.',
    de: () => 'bitte ein Förderprogramm oder einen Fördermittelgeber angeben',
    en: () => 'please give a funding programme or a funder',
  },
  ADOPTION_DATE: {
    about: 'An adopted concept needs its adoption date.',
    de: () => 'ein beschlossenes Konzept braucht das Datum des Beschlusses',
    en: () => 'an adopted concept needs the date it was adopted',
  },
  NOT_TRANSLATABLE: {
    about: 'The field (`field`) of `type` is not a translatable text.',
    de: (p) => `${quoted.de(p.field)} ist kein übersetzbarer Text`,
    en: (p) => `${quoted.en(p.field)} is not a text that can be translated`,
  },
  NOT_REPORTABLE: {
    about: 'A report names a public record of a district.',
    de: () => 'zu diesem Eintrag kann kein Fehler gemeldet werden',
    en: () => 'errors cannot be reported for this entry',
  },
  REPORT_LENGTH: {
    about: 'A report’s message is `min` to `max` characters long.',
    de: (p) => `bitte in ${p.min} bis ${p.max} Zeichen beschreiben, was falsch ist`,
    en: (p) => `please describe in ${p.min} to ${p.max} characters what is wrong`,
  },
  REPORT_WORDS: {
    about: 'A report says in words what is wrong.',
    de: () => 'bitte in Worten beschreiben',
    en: () => 'please describe it in words',
  },
  REPORT_LINKS: {
    about: 'A report contains more than `max` links.',
    de: (p) => `höchstens ${p.max} Links`,
    en: (p) => `at most ${p.max} links`,
  },
  REPORT_REPEATS: {
    about: 'A report repeats one character 20 times.',
    de: () => 'bitte ohne lange Wiederholungen eines Zeichens',
    en: () => 'please do not repeat one character many times',
  },
  VERSION_NEEDED: {
    about: 'The change must name the version it was based on (`version`, the current one).',
    de: () => 'bitte zuerst neu laden: die Änderung braucht den aktuellen Stand',
    en: () => 'please reload first: the change needs the current state',
  },
  DRY_RUN_VERSION: {
    about: 'Applying an import needs the version its dry run answered.',
    de: () => 'zum Übernehmen bitte erst prüfen lassen (Probelauf) und dessen Stand angeben',
    en: () => 'to apply it, first check it (dry run) and give the version the check answered',
  },
  WEBHOOK_TARGET: {
    about: 'A webhook’s address cannot be delivered to (`detail`).',
    de: () => 'an diese Adresse kann nicht geliefert werden: bitte eine öffentliche https-Adresse angeben',
    en: (p) => `cannot deliver to this address (${p.detail})`,
  },
  FEED_CURSOR: {
    about: 'The change feed’s cursor is unknown or expired.',
    de: () => 'diese Position im Änderungsverlauf gibt es nicht (mehr)',
    en: () => 'this position in the change feed does not exist (any more)',
  },
  DEPRECATED_INPUT: {
    about: 'A deprecated input was given beside its replacement.',
    de: () => 'veraltete Angabe neben der neuen: bitte nur die neue verwenden',
    en: () => 'deprecated input beside the new one: please use the new one only',
  },
  PACKAGE: {
    about: 'A data package’s structure or references are wrong (see `message`).',
    de: () => 'das Datenpaket ist so nicht lesbar (Einzelheiten in der englischen Meldung)',
    en: () => 'the data package cannot be read like this (details in the message)',
  },
  WORKBOOK: {
    about: 'A workbook’s structure is wrong (see `message`, in German, as the workbook is).',
    de: () => 'die Arbeitsmappe ist so nicht lesbar',
    en: () => 'the workbook cannot be read like this',
  },
  TOO_LARGE: {
    about: 'The import is larger than this installation takes at once (`rows`, `max`).',
    de: (p) => `zu groß für einen Import auf einmal (${p.rows} Zeilen, höchstens ${p.max})`,
    en: (p) => `too large for one import (${p.rows} rows, at most ${p.max})`,
  },
  INVALID: {
    about: 'Any other problem: `message` says what it is.',
    de: () => 'ungültiger Wert',
    en: () => 'invalid value',
  },
} satisfies Record<string, Texts>;

export type IssueCode = keyof typeof issueTexts;

export const issueCodes = Object.keys(issueTexts) as IssueCode[];

/** A problem as software reads it: its code and parameters, beside the developers' sentence. */
export interface Said {
  code: IssueCode;
  params: Params;
  message: string;
}

export const said = (code: IssueCode, message: string, params: Params = {}): Said => ({ code, params, message });

/** What an editor reads for a problem, in German or English. */
export function issueText({ code, params }: Pick<Said, 'code' | 'params'>, language: 'de' | 'en'): string {
  return issueTexts[code][language](params);
}

export const requiredValue: Said = said('REQUIRED', 'is required');

export const notEmptiable: Said = said(
  'NOT_EMPTIABLE',
  'cannot be emptied with null: leave it out to keep it, or give an empty list for none',
);
