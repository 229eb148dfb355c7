// How each export format (formats.ts) is answered: its parameters read and checked, the file
// rendered by its domain module (contacts/exports.ts, districts/jsonLd.ts, the comparison's
// datasets with spreadsheets.ts). Keyed by format, so that the compiler refuses a format
// without an answer. A refusal is an HttpProblem (400, 404, 410), answered with the one error body.
import type { Readable } from 'node:stream';
import type { GraphQLError } from 'graphql';
import { keyOfType } from '../common/globalId.js';
import { isoDay } from '../common/history.js';
import { type ExportDataset, exportDatasets, type Language, dataset as spreadsheetDataset } from '../comparison/datasets.js';
import { comparisonScope } from '../comparison/scope.js';
import { contactVCard, loadContactForExport, officeHoursCalendar } from '../contacts/exports.js';
import { db } from '../db/client.js';
import { districtJsonLd, jsonLdText } from '../districts/jsonLd.js';
import { HttpProblem } from '../http/problem.js';
import type { ExportFormatName } from './formats.js';
import { csvStream, xlsxStream } from './spreadsheets.js';

export interface ExportRequest {
  /** The route's parameters, decoded. */
  parameters: Record<string, string>;
  query: URLSearchParams;
  /** The API's address as clients see it, for links inside the file. */
  origin: string;
  /** The whole address asked for. */
  address: string;
  /** A HEAD request: the headers are enough. */
  head: boolean;
}

/** A small file, sent whole with an ETag and shown inline; or a large one, streamed as an attachment. */
export type ExportFile = { text: string; filename: string } | { stream: (() => Readable) | null; filename: string };

const notFound = (message: string) => new HttpProblem(404, 'NOT_FOUND', message);
const gone = (message: string) => new HttpProblem(410, 'GONE', message);
const badRequest = (message: string) => new HttpProblem(400, 'BAD_REQUEST', message);

async function vcard({ parameters, query }: ExportRequest): Promise<ExportFile> {
  const version = query.get('version') ?? '4.0';
  if (version !== '3.0' && version !== '4.0') throw badRequest('"version" must be 4.0 (the default) or 3.0.');
  const key = keyOfType(parameters.contact!, 'Contact');
  const contact = key && (await loadContactForExport(key));
  if (!contact) throw notFound('No contact with this ID.');
  if (contact.archivedAt) throw gone('This contact was withdrawn.');
  return { text: contactVCard(contact, version), filename: 'kontakt.vcf' };
}

async function officeHoursCalendarFile({ parameters }: ExportRequest): Promise<ExportFile> {
  const officeHoursId = parameters.officeHours!;
  const hours = await db().officeHours.findUnique({ where: { id: officeHoursId }, select: { contactId: true } });
  const contact = hours && (await loadContactForExport(hours.contactId));
  if (!contact) throw notFound('No office hours with this ID.');
  if (contact.archivedAt) throw gone('The contact of these office hours was withdrawn.');
  const calendar = officeHoursCalendar(contact, officeHoursId, new Date());
  if (!calendar) throw notFound('These office hours have no weekly times (by appointment only): there is nothing to put in a calendar.');
  return { text: calendar, filename: 'sprechzeiten.ics' };
}

async function districtJsonLdFile({ parameters, origin }: ExportRequest): Promise<ExportFile> {
  const ags = parameters.ags!;
  const document = /^\d{5}$/.test(ags) ? await districtJsonLd(ags, origin, new Date()) : null;
  if (!document) throw notFound(`No district with AGS "${ags.slice(0, 12)}".`);
  return { text: jsonLdText(document), filename: `${ags}.jsonld` };
}

const delimiters = { semicolon: ';', ';': ';', comma: ',', ',': ',' } as const;

/** The comparison's scope and the spreadsheet's language and delimiter, from the query (formats.ts writes the scope). */
function spreadsheetQuery(query: URLSearchParams) {
  const language = (query.get('lang') ?? 'de') as Language;
  if (language !== 'de' && language !== 'en') throw badRequest('"lang" must be de or en.');
  const delimiter = delimiters[(query.get('delimiter') ?? (language === 'de' ? 'semicolon' : 'comma')) as keyof typeof delimiters];
  if (!delimiter) throw badRequest('"delimiter" must be semicolon or comma.');
  const state = query.get('state');
  if (state !== null && state !== 'TH' && state !== 'SN') throw badRequest('"state" must be TH or SN.');
  const districts = query.get('districts')?.split(',').filter(Boolean) ?? null;
  if (districts && districts.length > 100) throw badRequest('"districts" names at most 100 districts.');
  const asOfText = query.get('asOf');
  const asOf = asOfText === null ? null : new Date(`${asOfText}T00:00:00Z`);
  if (asOf && (!/^\d{4}-\d{2}-\d{2}$/.test(asOfText!) || Number.isNaN(asOf.getTime())))
    throw badRequest('"asOf" must be a date, YYYY-MM-DD.');
  return { language, delimiter, scope: { state, districts, asOf } };
}

/** The comparison's scope; its refusals (an unknown district, a bad combination) as 404 and 400. */
async function scopeOf(scope: ReturnType<typeof spreadsheetQuery>['scope']) {
  try {
    return await comparisonScope(scope, new Date());
  } catch (error) {
    const code = String((error as GraphQLError).extensions?.code ?? '');
    if (code === 'NOT_FOUND') throw notFound((error as GraphQLError).message);
    if (code === 'BAD_USER_INPUT') throw new HttpProblem(400, code, (error as GraphQLError).message);
    throw error;
  }
}

function spreadsheet(kind: 'csv' | 'xlsx') {
  return async ({ parameters, query, address, head }: ExportRequest): Promise<ExportFile> => {
    const name = parameters.dataset as ExportDataset;
    if (!exportDatasets.includes(name)) throw notFound(`No dataset "${name.slice(0, 40)}": ${exportDatasets.join(', ')}.`);
    const { language, delimiter, scope: asked } = spreadsheetQuery(query);
    const scope = await scopeOf(asked);
    const filename = `integrationsgraph-${name}-${asked.state ?? (asked.districts ? 'auswahl' : 'alle')}-${isoDay(scope.asOf)}.${kind}`;
    if (head) return { stream: null, filename };
    const request = { dataset: name, language, delimiter, asOf: scope.asOf, address };
    const table = spreadsheetDataset(name, scope, language, {});
    return { stream: () => (kind === 'csv' ? csvStream(table, request) : xlsxStream(table, request)), filename };
  };
}

export const exportAnswers: Record<ExportFormatName, (request: ExportRequest) => Promise<ExportFile>> = {
  vcard,
  officeHoursCalendar: officeHoursCalendarFile,
  districtJsonLd: districtJsonLdFile,
  comparisonCsv: spreadsheet('csv'),
  comparisonXlsx: spreadsheet('xlsx'),
};
