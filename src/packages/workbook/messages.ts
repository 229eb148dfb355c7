// The workbook speaks German (its sheets, its headers' comments, its own refusals); the import's
// problems come from the rules every write path shares, in the API's English. For a workbook
// they are said in German where the sentence is one editors meet; the rest stay as the API says
// them. (Stable codes with parameters for every message, in every language, are the editors'
// app's issue.)
import { sheetByTable } from './sheets.js';

const sheetOf = (table: string) => sheetByTable.get(table)?.name ?? table;

const german: [RegExp, (...groups: string[]) => string][] = [
  [/received undefined$/, () => 'Pflichtfeld: bitte ausfüllen'],
  [
    /^Invalid option: expected one of (.*)$/,
    (values) => `kein Wert der Auswahlliste (möglich: ${values!.replaceAll('"|"', ', ').replaceAll('"', '')})`,
  ],
  [/^Invalid input: expected int, received number$/, () => 'muss eine ganze Zahl sein'],
  [/^Invalid input: expected (number|int), received string$/, () => 'muss eine Zahl sein'],
  [/^Invalid input: expected boolean/, () => 'muss WAHR oder FALSCH sein'],
  [/^must not be empty$/, () => 'darf nicht leer sein'],
  [/^"(.*)" is not a phone number/, (text) => `„${text}“ ist keine gültige Telefonnummer: bitte mit Vorwahl, z. B. 03606 650-123`],
  [/^"(.*)" is not an e-mail address$/, (text) => `„${text}“ ist keine gültige E-Mail-Adresse`],
  [/^must be a web address \(http or https\)$/, () => 'muss eine Web-Adresse sein (mit http:// oder https://)'],
  [/^must be a time "HH:MM"$/, () => 'muss eine Uhrzeit sein, z. B. 09:00'],
  [/^must be later than opens \((.*)\)$/, (opens) => `muss später als der Beginn sein (${opens})`],
  [/^must be a German postal code \(5 digits\)$/, () => 'muss eine Postleitzahl sein (5 Ziffern)'],
  [/^must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"$/, () => 'muss ein Jahr, ein Monat oder ein Tag sein: 2026, 2026-12 oder 2026-12-31'],
  [
    /^must name a record of "(\w+)" in this package: "(.*)" is not in it$/,
    (table, key) => `nennt „${key}“, das im Blatt „${sheetOf(table!)}“ nicht steht`,
  ],
  [/^"(.*)" is listed twice$/, (key) => `der Schlüssel „${key}“ steht zweimal im Blatt`],
  [/^must be one line: a list holds one item per line$/, () => 'ein Eintrag je Zeile: ein Eintrag darf keinen Zeilenumbruch enthalten'],
  [/^needs a street or a post-office box$/, () => 'braucht eine Straße oder ein Postfach'],
];

/** A problem of the import, as a workbook's reader reads it. */
export function workbookMessage(message: string): string {
  for (const [pattern, say] of german) {
    const match = pattern.exec(message);
    if (match) return say(...match.slice(1));
  }
  return message;
}
