// The comparison as tables for spreadsheets: one dataset per matrix (one line per district and
// column of the matrix, the "long" form a pivot table reads) and the district list with its
// coverage. Headers in German or English; values as the API gives them.
import { isoDay } from '../common/history.js';
import { coverageOf } from '../districts/coverage.js';
import {
  type ComparedDistricts,
  fieldsOfActionMatrix,
  indicatorsMatrix,
  type Matrix,
  type MatrixRow,
  programmesMatrix,
  rolesMatrix,
  tasksMatrix,
} from './matrices.js';

/** The datasets, each a spreadsheet at /export/<dataset>.csv and .xlsx (src/exports/). */
export const exportDatasets = ['districts', 'fields-of-action', 'tasks', 'programmes', 'roles', 'indicators'] as const;
export type ExportDataset = (typeof exportDatasets)[number];

export type Language = 'de' | 'en';
export type Cell = string | number | null;

interface Column<Line> {
  de: string;
  en: string;
  value: (line: Line, language: Language) => Cell;
}

export interface Dataset {
  /** Header line in the language asked for. */
  headers: string[];
  /** The lines, one array of cells each, produced as they are written. */
  lines: () => AsyncGenerator<Cell[]>;
  /** Where the facts come from: the titles of the sources cited by the lines, in order of first use. */
  sources: Set<string>;
}

const words = {
  yes: { de: 'ja', en: 'yes' },
  no: { de: 'nein', en: 'no' },
  RURAL_DISTRICT: { de: 'Landkreis', en: 'rural district' },
  DISTRICT_FREE_CITY: { de: 'Kreisfreie Stadt', en: 'district-free city' },
} as const;

const yesNo = (value: boolean | null, language: Language) => (value === null ? null : words[value ? 'yes' : 'no'][language]);
const dayOrNull = (date: Date | null) => (date ? isoDay(date) : null);

type Line<Column, CellOf> = { row: MatrixRow<CellOf>; column: Column; cell: CellOf };

/** The columns every matrix line starts with: which district, and whether the graph holds data of it. */
function districtColumns<L extends { row: MatrixRow<unknown> }>(): Column<L>[] {
  return [
    { de: 'AGS', en: 'AGS', value: ({ row }) => row.district.id },
    { de: 'Kreis', en: 'District', value: ({ row }) => row.district.name },
    { de: 'Land', en: 'State', value: ({ row }) => row.district.stateId },
    { de: 'Daten vorhanden', en: 'Data held', value: ({ row }, language) => yesNo(row.hasData, language) },
  ];
}

function matrixDataset<C, CellOf>(
  language: Language,
  load: () => Promise<Matrix<C, CellOf>>,
  columns: Column<Line<C, CellOf>>[],
  sourcesOf: (cell: CellOf) => { title: string }[],
): Dataset {
  const all = [...districtColumns<Line<C, CellOf>>(), ...columns];
  const sources = new Set<string>();
  return {
    headers: all.map((column) => column[language]),
    sources,
    async *lines() {
      const matrix = await load();
      for (const row of matrix.rows) {
        for (const [index, column] of matrix.columns.entries()) {
          const cell = row.cells[index]!;
          for (const source of sourcesOf(cell)) sources.add(source.title);
          yield all.map((definition) => definition.value({ row, column, cell }, language));
        }
      }
    },
  };
}

const joined = (values: (string | number)[]) => (values.length ? values.join('; ') : null);

function districtsDataset(scope: ComparedDistricts, language: Language, context: object): Dataset {
  const coverageColumns = [
    ['contacts', 'Kontakte', 'Contacts'],
    ['concept', 'Integrationskonzept', 'Integration concept'],
    ['fundings', 'Förderungen', 'Fundings'],
    ['offers', 'Angebote', 'Offers'],
    ['indicators', 'Kennzahlen', 'Indicators'],
  ] as const;
  return {
    headers:
      language === 'de'
        ? ['AGS', 'Name', 'Land', 'Art', ...coverageColumns.map((column) => column[1]), 'Neuester Stand']
        : ['AGS', 'Name', 'State', 'Kind', ...coverageColumns.map((column) => column[2]), 'Newest fact'],
    sources: new Set(),
    async *lines() {
      for (const district of scope.districts) {
        const coverage = await coverageOf(context, district.id);
        yield [
          district.id,
          district.name,
          district.stateId,
          words[district.kind][language],
          ...coverageColumns.map(([key]) => yesNo(coverage[key], language)),
          dayOrNull(coverage.newestFact),
        ];
      }
    },
  };
}

/** The dataset asked for, over the comparison's scope. */
export function dataset(name: ExportDataset, scope: ComparedDistricts, language: Language, context: object): Dataset {
  switch (name) {
    case 'districts':
      return districtsDataset(scope, language, context);
    case 'fields-of-action':
      return matrixDataset(
        language,
        () => fieldsOfActionMatrix(scope),
        [
          { de: 'Handlungsfeld (Schlüssel)', en: 'Field of action (key)', value: ({ column }) => column.id },
          {
            de: 'Handlungsfeld',
            en: 'Field of action',
            value: ({ column }, language) => (language === 'de' ? column.germanName : column.name),
          },
          { de: 'Gewichtung', en: 'Emphasis', value: ({ cell }) => cell.emphasis },
          { de: 'Bezeichnung im Konzept', en: 'Wording in the concept', value: ({ cell }) => cell.label },
          { de: 'Konzept', en: 'Concept', value: ({ cell }) => cell.concept?.title ?? null },
          { de: 'Quelle', en: 'Source', value: ({ cell }) => cell.source?.title ?? null },
        ],
        (cell) => (cell.source ? [cell.source] : []),
      );
    case 'tasks':
      return matrixDataset(
        language,
        () => tasksMatrix(scope),
        [
          { de: 'Aufgabe (Schlüssel)', en: 'Task (key)', value: ({ column }) => column.id },
          { de: 'Aufgabe', en: 'Task', value: ({ column }, language) => (language === 'de' ? column.germanWording : column.name) },
          { de: 'Stellen', en: 'Posts', value: ({ row, cell }) => (row.hasData ? cell.positions.length : null) },
          { de: 'Wortlaut', en: 'Wording', value: ({ cell }) => joined(cell.wordings) },
          { de: 'Quelle', en: 'Source', value: ({ cell }) => joined(cell.sources.map((source) => source.title)) },
        ],
        (cell) => cell.sources,
      );
    case 'programmes':
      return matrixDataset(
        language,
        () => programmesMatrix(scope),
        [
          { de: 'Programm (Schlüssel)', en: 'Programme (key)', value: ({ column }) => column.id },
          { de: 'Programm', en: 'Programme', value: ({ column }) => column.shortName },
          { de: 'Geförderte Stellen', en: 'Funded posts', value: ({ row, cell }) => (row.hasData ? cell.positionCount : null) },
          { de: 'Geförderte Projekte', en: 'Funded projects', value: ({ row, cell }) => (row.hasData ? cell.projectCount : null) },
          { de: 'Anteile (%)', en: 'Shares (%)', value: ({ cell }) => joined(cell.sharePercents) },
          { de: 'Beginn', en: 'Start', value: ({ cell }) => cell.periodStart },
          { de: 'Ende', en: 'End', value: ({ cell }) => cell.periodEnd },
          { de: 'Quelle', en: 'Source', value: ({ cell }) => joined(cell.sources.map((source) => source.title)) },
        ],
        (cell) => cell.sources,
      );
    case 'roles':
      return matrixDataset(
        language,
        () => rolesMatrix(scope),
        [
          { de: 'Rolle (Schlüssel)', en: 'Role (key)', value: ({ column }) => column.id },
          { de: 'Rolle', en: 'Role', value: ({ column }, language) => (language === 'de' ? column.germanName : column.name) },
          { de: 'Besetzt', en: 'Filled', value: ({ cell }, language) => yesNo(cell.filled, language) },
          { de: 'Seit', en: 'Since', value: ({ cell }) => cell.filledSince },
          { de: 'Stellen', en: 'Posts', value: ({ row, cell }) => (row.hasData ? cell.positions.length : null) },
          { de: 'Quelle', en: 'Source', value: ({ cell }) => joined(cell.sources.map((source) => source.title)) },
        ],
        (cell) => cell.sources,
      );
    case 'indicators':
      return matrixDataset(
        language,
        () => indicatorsMatrix(scope),
        [
          { de: 'Kennzahl (Schlüssel)', en: 'Indicator (key)', value: ({ column }) => column.id },
          { de: 'Kennzahl', en: 'Indicator', value: ({ column }, language) => (language === 'de' ? column.germanName : column.name) },
          { de: 'Einheit', en: 'Unit', value: ({ column }) => column.unit },
          { de: 'Wert', en: 'Value', value: ({ cell }) => cell.value?.value.toNumber() ?? null },
          { de: 'Wert wie gedruckt', en: 'Value as printed', value: ({ cell }) => cell.value?.printed ?? null },
          { de: 'Stichtag', en: 'Reference date', value: ({ cell }) => dayOrNull(cell.value?.referenceDate ?? null) },
          { de: 'Quelle', en: 'Source', value: ({ cell }) => cell.value?.source.title ?? null },
        ],
        (cell) => (cell.value ? [cell.value.source] : []),
      );
  }
}
