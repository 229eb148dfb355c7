// Every column rule and row rule, table-driven: what it accepts, what it refuses, and the
// message both write paths (mutations and data packages) report.
import { describe, expect, test } from 'vitest';
import type { ModelName } from '../../src/db/datamodel.js';
import { checkRow, columnRules, rowRules } from '../../src/rules/columns.js';
import { issueText } from '../../src/rules/issues.js';

const notEmpty = 'must not be empty';

/** [model, column, value, message or null for accepted] */
const columnCases: [ModelName, string, unknown, string | null][] = [
  ['District', 'id', '16065', null],
  ['District', 'id', '1606', 'must be the 5-digit AGS of a district'],
  ['Municipality', 'ags', '16065064', null],
  ['Municipality', 'ags', '160650', 'must be the 8-digit AGS of a municipality'],
  ['Source', 'url', 'https://www.kyffhaeuser.de/', null],
  ['Source', 'url', 'ftp://example.org', 'must be a web address (http or https)'],
  ['Position', 'headcount', 1, null],
  ['Position', 'headcount', 0, 'must be 1 or more'],
  ['Position', 'since', '2016-06', null],
  ['Position', 'since', 'Juni 2016', 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"'],
  ['Address', 'postalCode', '99706', null],
  ['Address', 'postalCode', '9970', 'must be a German postal code (5 digits)'],
  ['Address', 'locality', ' ', notEmpty],
  ['Address', 'latitude', 51.37021, null],
  ['Address', 'latitude', 10.87203, 'must lie in Germany (latitude 47.2 to 55.1): are latitude and longitude swapped?'],
  ['Address', 'longitude', 10.87203, null],
  ['Address', 'longitude', 51.37021, 'must lie in Germany (longitude 5.8 to 15.1): are latitude and longitude swapped?'],
  ['OfferPlace', 'latitude', 51.36421, null],
  ['OfferPlace', 'latitude', 61.36421, 'must lie in Germany (latitude 47.2 to 55.1): are latitude and longitude swapped?'],
  ['OfferPlace', 'longitude', 11.29145, null],
  ['OfferPlace', 'longitude', 0, 'must lie in Germany (longitude 5.8 to 15.1): are latitude and longitude swapped?'],
  ['OfficeHours', 'timeZone', 'Europe/Berlin', null],
  ['OfficeHours', 'timeZone', 'Mitteleuropa', 'must be an IANA time zone, e.g. "Europe/Berlin"'],
  ['OfficeHours', 'printed', '', notEmpty],
  ['OfficeHourInterval', 'weekday', 7, null],
  ['OfficeHourInterval', 'weekday', 8, 'must be an ISO weekday, 1 (Monday) to 7'],
  ['OfficeHourInterval', 'opens', '09:00', null],
  ['OfficeHourInterval', 'opens', '9 Uhr', 'must be a time "HH:MM"'],
  ['OfficeHourInterval', 'closes', '24:00', 'must be a time "HH:MM"'],
  ['OfficeHourException', 'opens', '08:30', null],
  ['Translation', 'language', 'ar', null],
  ['Translation', 'language', 'pt-BR', null],
  ['Translation', 'language', 'EN', 'must be a BCP 47 language tag in canonical form, e.g. "en", "ar", "uk", "pt-BR"'],
  ['Translation', 'language', 'de-AT', 'must not be German: German is the original'],
  ['OfficeHourException', 'closes', '8.30', 'must be a time "HH:MM"'],
  ['FundingProgramme', 'since', '2017', null],
  ['Funding', 'sharePercent', 90, null],
  ['Funding', 'sharePercent', 100, null],
  ['Funding', 'sharePercent', 0, 'must be more than 0 and at most 100'],
  ['Funding', 'sharePercent', 150, 'must be more than 0 and at most 100'],
  ['Funding', 'sharePercent', 33.333, 'must have at most two decimal places'],
  ['Funding', 'periodStart', '2014', null],
  ['Funding', 'periodEnd', '2020-13', 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"'],
  ['IntegrationConcept', 'versionAsOf', '2019-05', null],
  ['ConceptMilestone', 'items', ['Analyse'], null],
  ['ConceptMilestone', 'periodStart', '2016', null],
  ['ConceptMilestone', 'periodEnd', '2019-02-30', 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"'],
  ['ConceptMilestone', 'items', [''], notEmpty],
  ['Offer', 'languages', ['de', 'uk'], null],
  ['Offer', 'languages', ['Deutsch'], 'must be an ISO 639-1 code (two lower-case letters, e.g. "uk")'],
  ['Offer', 'targetGroups', ['PARENTS'], null],
  ['Offer', 'targetGroups', ['ALIENS'], expect.stringContaining('Invalid option') as unknown as string],
  ['Offer', 'languageCount', 7, null],
  ['Offer', 'languageCount', 0, 'must be 1 or more'],
  ['Offer', 'website', 'https://handbookgermany.de', null],
  ['Offer', 'website', 'handbookgermany.de', 'must be a web address (http or https)'],
  ['Offer', 'title', '   ', notEmpty],
  ['Partner', 'website', 'javascript:alert(1)', 'must be a web address (http or https)'],
  ['Project', 'periodEnd', '2024', null],
  ['Project', 'periodStart', '19', 'must be "YYYY", "YYYY-MM" or "YYYY-MM-DD"'],
  ['IndicatorValue', 'value', 3900, null],
  ['IndicatorValue', 'value', 130.35, null],
  ['IndicatorValue', 'value', -1, 'must be a number of 0 or more'],
  ['IndicatorValue', 'value', 1.005, 'must have at most two decimal places'],
  ['Document', 'url', 'file:///etc/passwd', 'must be a web address (http or https)'],
  ['Document', 'issued', '2021-12', null],
  ['Person', 'familyName', '', notEmpty],
  ['Person', 'givenName', 'Christin', null],
  // What a workbook's cell holds, and what can stand in its XML (a workbook round trip must not change text).
  ['Offer', 'description', 'x'.repeat(32_767), null],
  ['Offer', 'description', 'x'.repeat(32_768), 'must be at most 32,767 characters (what a spreadsheet cell holds)'],
  ['Offer', 'description', 'Zeile eins\nZeile zwei\tmit Tab', null],
  ['Offer', 'description', 'Glocke\u0007', 'must not contain control characters'],
  ['ConceptMilestone', 'items', ['Erstens', 'Zweitens'], null],
  ['ConceptMilestone', 'items', ['Erstens:\nmit Detail'], 'must be one line: a list holds one item per line'],
  ['ApiToken', 'name', 'Redaktion Nordhausen', null],
  ['ApiToken', 'name', 'x'.repeat(201), 'must be at most 200 characters'],
];

describe('column rules', () => {
  test.each(columnCases)('%s.%s = %j', (model, column, value, message) => {
    const problems = checkRow(model, { [column]: value });
    if (message === null) expect(problems).toEqual([]);
    else expect(problems).toContainEqual(expect.objectContaining({ path: expect.arrayContaining([column]), message }));
  });

  test('every refusal has a code of its own, with the parameters its editor text names', () => {
    const refused = columnCases.filter(([, , , message]) => message !== null);
    const problems = refused.flatMap(([model, column, value]) => checkRow(model, { [column]: value }));
    expect(problems.filter((problem) => problem.code === 'INVALID')).toEqual([]);
    expect(checkRow('Offer', { description: 'x'.repeat(32_768) })).toEqual([
      expect.objectContaining({ code: 'TOO_LONG', params: { max: '32767' } }),
    ]);
    expect(checkRow('Offer', { targetGroups: ['ALIENS'] })).toEqual([
      expect.objectContaining({ code: 'ONE_OF', path: ['targetGroups', 0] }),
    ]);
    for (const problem of problems) expect(issueText(problem, 'de')).not.toMatch(/undefined/);
  });

  test('every registered rule has a case above', () => {
    const covered = new Set(columnCases.map(([model, column]) => `${model}.${column}`));
    const registered = Object.entries(columnRules).flatMap(([model, rules]) =>
      Object.keys(rules ?? {}).map((column) => `${model}.${column}`),
    );
    expect(registered.filter((rule) => !covered.has(rule))).toEqual([]);
  });

  test('a value left out (undefined) or empty (null) is not checked by a column rule', () => {
    expect(checkRow('Address', { postalCode: undefined, locality: null })).toEqual([]);
  });
});

/** [model, row, problems] */
const rowCases: [ModelName, Record<string, unknown>, { path: string[]; message: string }[]][] = [
  ['Address', { street: 'Markt 8', postOfficeBox: null }, []],
  ['Address', { street: null, postOfficeBox: '11 65' }, []],
  ['Address', { street: null, postOfficeBox: null }, [{ path: [], message: 'needs a street or a post-office box' }]],
  ['Address', { street: undefined, postOfficeBox: null }, []],
  ['Address', { latitude: 51.37021, longitude: 10.87203 }, []],
  ['Address', { latitude: 51.37021, longitude: null }, [{ path: ['longitude'], message: 'give both latitude and longitude, or neither' }]],
  [
    'OfferPlace',
    { latitude: null, longitude: 11.29145 },
    [{ path: ['latitude'], message: 'give both latitude and longitude, or neither' }],
  ],
  ['OfficeHourInterval', { opens: '09:00', closes: '11:00' }, []],
  ['OfficeHourInterval', { opens: '14:00', closes: '09:00' }, [{ path: ['closes'], message: 'must be later than opens (14:00)' }]],
  ['OfficeHourInterval', { opens: '09:00', closes: '09:00' }, [{ path: ['closes'], message: 'must be later than opens (09:00)' }]],
  ['OfficeHourException', { firstDay: '2026-12-24', lastDay: '2027-01-01', opens: null, closes: null }, []],
  ['Translation', { entityType: 'Offer', field: 'title' }, []],
  [
    'Translation',
    { entityType: 'Offer', field: 'website' },
    [{ path: ['field'], message: '"website" of Offer is not a translatable text (see src/rules/translatable.ts)' }],
  ],
  [
    'OfficeHourException',
    { firstDay: '2026-12-24', lastDay: '2026-12-20', opens: null, closes: null },
    [{ path: ['lastDay'], message: 'must not be before the first day' }],
  ],
  [
    'OfficeHourException',
    { firstDay: '2026-12-23', lastDay: '2026-12-23', opens: '09:00', closes: null },
    [{ path: ['closes'], message: 'give both times for special hours, or neither for a closure' }],
  ],
  [
    'OfficeHourException',
    { firstDay: '2026-12-23', lastDay: '2026-12-23', opens: '10:00', closes: '09:00' },
    [{ path: ['closes'], message: 'must be later than opens (10:00)' }],
  ],
  ['ContactChannel', { kind: 'PHONE', value: '+493632741273' }, []],
  [
    'ContactChannel',
    { kind: 'MOBILE', value: '0162 2435214' },
    [{ path: ['value'], message: 'must be a phone number in E.164 form, e.g. +493632741273' }],
  ],
  ['ContactChannel', { kind: 'EMAIL', value: 'integrationslotse@kyffhaeuser.de' }, []],
  ['ContactChannel', { kind: 'EMAIL', value: 'x[at]y.de' }, [{ path: ['value'], message: 'must be an e-mail address' }]],
  ['ContactChannel', { kind: 'WEB_FORM', value: 'https://www.wartburgkreis.de/kontakt' }, []],
  ['ContactChannel', { kind: 'WEB_FORM', value: 'kontakt' }, [{ path: ['value'], message: 'must be a web address (http or https)' }]],
  ['ContactChannel', { kind: 'WEB_FORM', value: null }, []],
  ['ContactChannel', { kind: 'PHONE', printed: '03632 / 741 - 273', value: '+493632741273' }, []],
  [
    'ContactChannel',
    { kind: 'PHONE', printed: '03632 / 74O-273', value: '+493632740273' },
    [{ path: ['printed'], message: '"03632 / 74O-273" has a letter among its digits (an O for a 0?)' }],
  ],
  [
    'ContactChannel',
    { kind: 'FAX', printed: '03632 / 741 - 88252', value: '+493632741273' },
    [{ path: ['value'], message: 'is not what "03632 / 741 - 88252" reads as (+49363274188252)' }],
  ],
  ['ContactChannel', { kind: 'WEB_FORM', printed: 'E-Mail senden', value: 'https://www.wartburgkreis.de/kontakt' }, []],
  ['FactSource', { entityType: 'Position', field: 'since' }, []],
  ['FactSource', { entityType: 'Position', field: 'start' }, [{ path: ['field'], message: '"start" is not a field of Position' }]],
  ['FactSource', { entityType: 'Stelle', field: 'since' }, [{ path: ['entityType'], message: '"Stelle" is not a kind of record' }]],
  [
    'FactSource',
    { entityType: 'ContactChannel', field: 'value' },
    [{ path: ['entityType'], message: expect.stringMatching(/^"ContactChannel" does not name the pages of its fields; one of Contact, /) }],
  ],
  ['Funding', { periodStart: '2016-06', periodEnd: '2020' }, []],
  ['Funding', { periodStart: '2027', periodEnd: '2026' }, [{ path: ['periodEnd'], message: 'must not be before the start (2027)' }]],
  ['Project', { periodStart: '2019', periodEnd: '2018' }, [{ path: ['periodEnd'], message: 'must not be before the start (2019)' }]],
  ['ConceptMilestone', { periodStart: '2016', periodEnd: undefined }, []],
  [
    'ConceptMilestone',
    { periodStart: '2019', periodEnd: '2018' },
    [{ path: ['periodEnd'], message: 'must not be before the start (2019)' }],
  ],
  ['IntegrationConcept', { status: 'ADOPTED', adoptedOn: new Date('2019-05-13') }, []],
  [
    'IntegrationConcept',
    { status: 'ADOPTED', adoptedOn: null },
    [{ path: ['adoptedOn'], message: 'an adopted concept needs its adoption date' }],
  ],
  ['IntegrationConcept', { status: 'ADOPTED', adoptedOn: undefined }, []],
  ['IntegrationConcept', { status: 'BEING_UPDATED', adoptedOn: null }, []],
];

describe('row rules', () => {
  test.each(rowCases)('%s %j', (model, row, problems) => {
    expect(checkRow(model, row)).toEqual(problems.map((problem) => expect.objectContaining(problem)));
  });

  test('every refusal has a code of its own', () => {
    const problems = rowCases.flatMap(([model, row]) => checkRow(model, row));
    expect(problems.filter((problem) => problem.code === 'INVALID')).toEqual([]);
    expect(checkRow('OfficeHourInterval', { opens: '14:00', closes: '09:00' })).toEqual([
      expect.objectContaining({ code: 'CLOSES_AFTER_OPENS', params: { opens: '14:00' } }),
    ]);
  });

  test('every row rule has a case that refuses', () => {
    const refusing = new Set(rowCases.filter(([, , problems]) => problems.length).map(([model]) => model));
    expect(Object.keys(rowRules).filter((model) => !refusing.has(model as ModelName))).toEqual([]);
  });
});
