// The files other software reads, one entry per format: the address it is served at (a route
// pattern, `:name` for each parameter), its media type, and the GraphQL field that links to it.
// The server's routes are made from these entries (routes.ts, each answered as answers.ts says),
// and every link the schema gives is made from the same entry with exportLink, so that an
// address cannot be served in one form and linked in another. Adding a format: CONTRIBUTING.md,
// "Add an export format".
//
// This module is a leaf: domain modules import it for their links, and nothing here imports them.
import { isoDay } from '../common/history.js';

export interface ExportFormat {
  /** The route: `/export/…`, with `:parameter` for each part that varies. */
  path: string;
  mediaType: string;
  /** The field whose value is a link to this format (`Type.field`); tests/exports follows it. */
  linkedFrom: string;
  /** What the file is, for the README and error messages. */
  description: string;
}

export const exportFormats = {
  vcard: {
    path: '/export/contacts/:contact.vcf',
    mediaType: 'text/vcard; charset=utf-8',
    linkedFrom: 'Contact.vcardUrl',
    description: 'the contact as a vCard 4.0 (`?version=3.0` for older phones)',
  },
  officeHoursCalendar: {
    path: '/export/office-hours/:officeHours.ics',
    mediaType: 'text/calendar; charset=utf-8',
    linkedFrom: 'OfficeHours.icalUrl',
    description: 'the office hours as an iCalendar of weekly events, public holidays excluded',
  },
  districtJsonLd: {
    path: '/export/districts/:ags.jsonld',
    mediaType: 'application/ld+json; charset=utf-8',
    linkedFrom: 'District.jsonLdUrl',
    description: 'the district’s current contacts and offers as schema.org JSON-LD',
  },
  comparisonCsv: {
    path: '/export/:dataset.csv',
    mediaType: 'text/csv; charset=utf-8; header=present',
    linkedFrom: 'ExportLink.csv',
    description: 'a dataset of the comparison as CSV',
  },
  comparisonXlsx: {
    path: '/export/:dataset.xlsx',
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    linkedFrom: 'ExportLink.xlsx',
    description: 'a dataset of the comparison as an Excel workbook',
  },
} as const satisfies Record<string, ExportFormat>;

export type ExportFormatName = keyof typeof exportFormats;

/** The names of a path's parameters: "/export/contacts/:contact.vcf" → "contact". */
type ParametersOf<Path extends string> = Path extends `${string}:${infer Name}.${infer Rest}`
  ? Name | ParametersOf<Rest>
  : Path extends `${string}:${infer Name}/${infer Rest}`
    ? Name | ParametersOf<Rest>
    : never;

export type ExportParameters<Name extends ExportFormatName> = Record<ParametersOf<(typeof exportFormats)[Name]['path']>, string>;

/** The address of one file of `format`: its path with the parameters filled in, and an optional query. */
export function exportLink<Name extends ExportFormatName>(
  origin: string,
  format: Name,
  parameters: ExportParameters<Name>,
  query?: URLSearchParams,
): string {
  const path = exportFormats[format].path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent((parameters as Record<string, string>)[name]!),
  );
  return `${origin}${path}${query?.size ? `?${query}` : ''}`;
}

/** The comparison's scope in a spreadsheet's address (answers.ts reads it back). */
export function comparisonScopeQuery(scope: { state: string | null; asOf?: Date | null; districts?: { id: string }[] }): URLSearchParams {
  const query = new URLSearchParams();
  if (scope.state) query.set('state', scope.state);
  else if (scope.districts) query.set('districts', scope.districts.map((district) => district.id).join(','));
  if (scope.asOf) query.set('asOf', isoDay(scope.asOf));
  return query;
}
