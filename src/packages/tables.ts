// Which tables a data package holds and who owns their rows. A district package holds
// everything of one district; the catalogue holds the shared vocabulary (states, districts,
// roles, tasks, fields of action, indicators, funders, programmes) and state-wide records.
// The order is the order of the foreign keys: a table only refers to tables above it.
import { type ModelName, modelNames } from '../db/datamodel.js';
import { referenceSourceId } from '../places/referenceKeys.js';

export type PackageKind = 'district' | 'catalogue';

/** A where-filter of a Prisma model, loosely typed: the tables are handled generically. */
type Where = Record<string, unknown>;

export interface TableSpec {
  /** Name in the package, e.g. `contacts`. */
  key: string;
  /** Name of its sheet in a district's workbook (German, as editors know it); every district table has one. */
  sheet?: string;
  model: ModelName;
  /** What the table holds, for the JSON Schema. */
  description: string;
  /** The rows of a district's package; absent when districts have none. */
  ofDistrict?: (ags: string) => Where;
  /** The rows of the catalogue; absent when it has none. */
  ofCatalogue?: Where;
  /** For the parts of a record (a contact's channels …): the table and column of the record. */
  partOf?: { table: string; column: string };
  /** Columns that make up the key when the table has no `id`. */
  keyColumns?: string[];
}

const ofDistrictColumn = (ags: string) => ({ districtId: ags });
const districtOrState = { ofDistrict: ofDistrictColumn, ofCatalogue: { districtId: null } };

export const tables: TableSpec[] = [
  { key: 'states', model: 'State', description: 'Federal states.', ofCatalogue: {} },
  // Districts only the official list names are loaded from it by every installation.
  { key: 'districts', model: 'District', description: 'Districts, by AGS.', ofCatalogue: { sourceId: { not: referenceSourceId } } },
  {
    key: 'sources',
    sheet: 'Quellen',
    model: 'Source',
    description: 'The pages and editorial records the facts are taken from (Quellen).',
    ofDistrict: ofDistrictColumn,
    ofCatalogue: { districtId: null, id: { not: referenceSourceId } },
  },
  {
    key: 'municipalities',
    sheet: 'Gemeinden',
    model: 'Municipality',
    description: 'Towns and municipalities of the district.',
    ofDistrict: ofDistrictColumn,
  },
  {
    key: 'units',
    sheet: 'Organisationseinheiten',
    model: 'OrganisationalUnit',
    description: 'Units of the district administration.',
    ofDistrict: ofDistrictColumn,
  },
  { key: 'roles', model: 'Role', description: 'The role catalogue (Integrationslotse, Integrationsmanager …).', ofCatalogue: {} },
  { key: 'tasks', model: 'Task', description: 'The task catalogue (Aufgaben).', ofCatalogue: {} },
  { key: 'positions', sheet: 'Stellen', model: 'Position', description: 'Posts of the district (Stellen).', ofDistrict: ofDistrictColumn },
  {
    key: 'positionTasks',
    sheet: 'Stellenaufgaben',
    model: 'PositionTask',
    description: 'Tasks of the posts, with their printed wording.',
    ofDistrict: (ags) => ({ position: { districtId: ags } }),
    partOf: { table: 'positions', column: 'positionId' },
  },
  {
    key: 'persons',
    sheet: 'Personen',
    model: 'Person',
    description: 'People named by the district’s contacts.',
    ofDistrict: (ags) => ({ contacts: { some: { districtId: ags } } }),
  },
  {
    key: 'contacts',
    sheet: 'Kontakte',
    model: 'Contact',
    description: 'Contacts: a person (or office) in a post over a period.',
    ofDistrict: ofDistrictColumn,
  },
  {
    key: 'channels',
    sheet: 'Kontaktwege',
    model: 'ContactChannel',
    description: 'Phone numbers, e-mail addresses and forms of the contacts.',
    ofDistrict: (ags) => ({ contact: { districtId: ags } }),
    partOf: { table: 'contacts', column: 'contactId' },
  },
  {
    key: 'addresses',
    sheet: 'Adressen',
    model: 'Address',
    description: 'Addresses of the contacts and the places of their office hours.',
    ofDistrict: (ags) => ({ contact: { districtId: ags } }),
    partOf: { table: 'contacts', column: 'contactId' },
  },
  {
    key: 'officeHours',
    sheet: 'Sprechzeiten',
    model: 'OfficeHours',
    description: 'Office hours (Sprechzeiten) of the contacts.',
    ofDistrict: (ags) => ({ contact: { districtId: ags } }),
    partOf: { table: 'contacts', column: 'contactId' },
  },
  {
    key: 'officeHourIntervals',
    sheet: 'Sprechzeiten-Intervalle',
    model: 'OfficeHourInterval',
    description: 'Weekly intervals of the office hours.',
    ofDistrict: (ags) => ({ officeHours: { contact: { districtId: ags } } }),
    partOf: { table: 'officeHours', column: 'officeHoursId' },
  },
  {
    key: 'officeHourExceptions',
    sheet: 'Sprechzeiten-Ausnahmen',
    model: 'OfficeHourException',
    description: 'Days on which the office hours differ: closed, or special hours.',
    ofDistrict: (ags) => ({ officeHours: { contact: { districtId: ags } } }),
    partOf: { table: 'officeHours', column: 'officeHoursId' },
  },
  { key: 'funders', model: 'Funder', description: 'Funders: the EU, the federal government, the states.', ofCatalogue: {} },
  { key: 'programmes', model: 'FundingProgramme', description: 'Funding programmes and guidelines.', ofCatalogue: {} },
  {
    key: 'partners',
    sheet: 'Partner',
    model: 'Partner',
    description: 'Partner organisations; a partner belongs to the package whose source names it.',
    ofDistrict: (ags) => ({ source: { districtId: ags } }),
    ofCatalogue: { source: { districtId: null } },
  },
  { key: 'projects', sheet: 'Projekte', model: 'Project', description: 'Projects of the district.', ofDistrict: ofDistrictColumn },
  {
    key: 'fundings',
    sheet: 'Förderungen',
    model: 'Funding',
    description: 'Fundings of the district’s posts and projects.',
    ofDistrict: ofDistrictColumn,
  },
  {
    key: 'fieldsOfAction',
    model: 'FieldOfAction',
    description: 'The fields of action (Handlungsfelder) that make concepts comparable.',
    ofCatalogue: {},
  },
  {
    key: 'concepts',
    sheet: 'Konzepte',
    model: 'IntegrationConcept',
    description: 'Integration concepts of the district.',
    ofDistrict: ofDistrictColumn,
  },
  {
    key: 'conceptMilestones',
    sheet: 'Konzeptschritte',
    model: 'ConceptMilestone',
    description: 'Steps in the making of the concepts.',
    ofDistrict: (ags) => ({ concept: { districtId: ags } }),
    partOf: { table: 'concepts', column: 'conceptId' },
  },
  {
    key: 'conceptFieldsOfAction',
    sheet: 'Konzept-Handlungsfelder',
    model: 'ConceptFieldOfAction',
    description: 'Fields of action covered by the concepts.',
    ofDistrict: (ags) => ({ concept: { districtId: ags } }),
    partOf: { table: 'concepts', column: 'conceptId' },
  },
  { key: 'offers', sheet: 'Angebote', model: 'Offer', description: 'Local offers for newcomers.', ofDistrict: ofDistrictColumn },
  {
    key: 'offerPlaces',
    sheet: 'Angebotsorte',
    model: 'OfferPlace',
    description: 'Towns where the offers are available.',
    ofDistrict: (ags) => ({ offer: { districtId: ags } }),
    partOf: { table: 'offers', column: 'offerId' },
  },
  {
    key: 'cooperations',
    sheet: 'Kooperationen',
    model: 'Cooperation',
    description: 'The district’s cooperations with partners.',
    ofDistrict: ofDistrictColumn,
  },
  { key: 'networks', sheet: 'Netzwerke', model: 'Network', description: 'Networks, of a district or state-wide.', ...districtOrState },
  {
    key: 'networkSupports',
    sheet: 'Netzwerkpartner',
    model: 'NetworkSupport',
    description: 'Partners accompanying the networks.',
    ofDistrict: (ags) => ({ network: { districtId: ags } }),
    ofCatalogue: { network: { districtId: null } },
    partOf: { table: 'networks', column: 'networkId' },
    keyColumns: ['networkId', 'partnerId'],
  },
  { key: 'indicators', model: 'Indicator', description: 'What the indicators measure.', ofCatalogue: {} },
  {
    key: 'indicatorValues',
    sheet: 'Indikatorwerte',
    model: 'IndicatorValue',
    description: 'Indicator values over time.',
    ...districtOrState,
  },
  { key: 'documents', sheet: 'Dokumente', model: 'Document', description: 'Published documents.', ...districtOrState },
  {
    key: 'translations',
    sheet: 'Übersetzungen',
    model: 'Translation',
    description: 'Texts of the records in other languages than German, each with its source and date.',
    ofDistrict: ofDistrictColumn,
    ofCatalogue: { districtId: null },
  },
  {
    key: 'factSources',
    sheet: 'Faktenquellen',
    model: 'FactSource',
    description: 'Facts of records printed on another page than the record’s own source: the field, and that page.',
    ofDistrict: ofDistrictColumn,
    ofCatalogue: { districtId: null },
  },
];

/** Models that are in no package, and why. Every other model must be a table above. */
export const notInPackages: Partial<Record<ModelName, string>> = {
  ApiToken: 'access credentials: they stay with the installation that issued them',
  AuditEvent: 'the audit log records changes to the data; it is not data that travels',
  SeedRelease: 'which seed release this installation applied: bookkeeping of the installation',
  FeedEvent: 'the change feed tells copies what changed here; an import writes its own events',
  FeedHorizon: 'how far this installation pruned its change feed',
  Webhook: 'portals subscribed to this installation',
  WebhookDelivery: 'the delivery log of this installation’s webhooks',
  Place: 'the official list of municipalities (BKG): every installation loads it from prisma/reference at start',
  ProblemReport: 'readers’ reports, with private e-mail addresses: they stay with the installation that received them',
};

// A model added to schema.prisma without a decision here would silently drop out of import and export.
const undecided = modelNames.filter((model) => !tables.some((table) => table.model === model) && !(model in notInPackages));
if (undecided.length) {
  throw new Error(`Models in neither the package tables nor notInPackages (src/packages/tables.ts): ${undecided.join(', ')}`);
}

export const tableByKey = new Map(tables.map((table) => [table.key, table]));
export const tableByModel = new Map(tables.map((table) => [table.model as string, table]));

export function tablesOf(kind: PackageKind): TableSpec[] {
  return tables.filter((table) => (kind === 'district' ? table.ofDistrict : table.ofCatalogue));
}

/** The filter for the rows a package owns. */
export function ownedRows(table: TableSpec, kind: PackageKind, ags: string | null): Where {
  return kind === 'district' ? table.ofDistrict!(ags!) : table.ofCatalogue!;
}

/** The key of a row: its id, or its key columns joined. */
export function rowKey(table: TableSpec, row: Record<string, unknown>): string {
  return table.keyColumns ? table.keyColumns.map((column) => String(row[column])).join('|') : String(row.id);
}

export interface WriteStep {
  table: TableSpec;
  takes(row: Record<string, unknown>): boolean;
}

const sources = tableByKey.get('sources')!;
const ofNoDistrict = (row: Record<string, unknown>) => row.districtId === undefined || row.districtId === null;

/** The order rows are written in: the tables' order, except that sources of no district come first (states and districts cite them, and the other sources need their district). */
export const writeSteps: WriteStep[] = [
  { table: sources, takes: ofNoDistrict },
  ...tables.map((table) => ({ table, takes: table === sources ? (row: Record<string, unknown>) => !ofNoDistrict(row) : () => true })),
];
