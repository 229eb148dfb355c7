// importDistrictWorkbook: a district's workbook (write.ts), edited in Excel or LibreOffice, back
// into the graph as the data package it stands for: the same import, checks and normalisation as
// importDataPackage, its problems named by cell ("Kontakte!D7"). A dry run first, always: applying
// needs the version that dry run answered, so what is written is exactly what was shown.
import { builder } from '../../graphql/builder.js';
import { said } from '../../rules/issues.js';
import { editorsOfDistrict, writeMutation } from '../../writes/mutation.js';
import { ValidationError } from '../../writes/problems.js';
import type { Write } from '../../writes/transaction.js';
import { asProblem, importWithin, importWrite } from '../import.js';
import { PackageImport, PackageRecordInput } from '../mutations.js';
import { workbookMessage } from './messages.js';
import { type ReadWorkbook, readWorkbook } from './read.js';

const ImportDistrictWorkbookInputRef = builder.inputType('ImportDistrictWorkbookInput', {
  description: 'A district’s workbook to import.',
  fields: (t) => ({
    district: t.string({ required: true, description: 'AGS of the district whose workbook it is (5 digits, e.g. "16061").' }),
    workbook: t.field({
      type: 'File',
      required: true,
      description:
        'The workbook (.xlsx) that `GET /export/districts/<AGS>/package.xlsx` gave, edited: sent as a GraphQL multipart request.',
    }),
    dryRun: t.boolean({
      defaultValue: true,
      description:
        'Only read and check the workbook and report every change; write nothing. To apply, set false and give `expectedVersion`.',
    }),
    expectedVersion: t.int({
      description:
        'The `version` the dry run answered; needed to apply. The import applies only if nothing of the district changed since (else VersionConflictError).',
    }),
    overwrite: t.field({
      type: [PackageRecordInput],
      description: 'Conflicts (see `conflicts` of the dry run) to settle with the workbook’s version; the others keep the database’s.',
    }),
  }),
});

type ImportDistrictWorkbookInput = typeof ImportDistrictWorkbookInputRef.$inferInput;

/**
 * The import's problems at the cells their rows came from, after those the workbook's reading
 * found (which say it better where both name a cell).
 */
const atCells = (workbook: ReadWorkbook) => (error: unknown) => {
  if (!(error instanceof ValidationError)) return asProblem(error);
  const named = new Set(workbook.issues.map((issue) => issue.path));
  const seen = new Set<string>();
  const imported = error.issues
    .map((issue) => ({ ...issue, path: workbook.cellOf(issue.path), message: workbookMessage(issue) }))
    // A derived column's source and the row's rule may both name one cell for one reason.
    .filter((issue) => !named.has(issue.path) && !seen.has(`${issue.path} ${issue.message}`) && seen.add(`${issue.path} ${issue.message}`));
  throw new ValidationError([...workbook.issues, ...imported]);
};

/** Imports the workbook's package; with problems of its cells, only to find the import's own, and then refused with all of them. */
async function importWorkbook(write: Write, input: ImportDistrictWorkbookInput, workbook: ReadWorkbook) {
  const summary = await importWithin(write, [{ content: workbook.dataPackage }], {
    dryRun: input.dryRun !== false || workbook.issues.length > 0,
    overwrite: input.overwrite ?? [],
    expectedVersion: input.expectedVersion,
  }).catch(atCells(workbook));
  if (workbook.issues.length) throw new ValidationError(workbook.issues);
  return summary;
}

writeMutation('importDistrictWorkbook', {
  ref: PackageImport,
  noun: 'import',
  description:
    'Import a district’s workbook (.xlsx; README “Working in Excel”): the records it adds, changes and leaves out, as `importDataPackage` does with a package. ' +
    'Every problem is named by its cell (`path`: "Kontakte!D7", a row "Kontakte!7:7", or "Arbeitsmappe" for the whole file). ' +
    'A dry run by default; applying needs the dry run’s `version`. Needs an editor token of the district.',
  inputDescription: 'The workbook and how to import it.',
  input: ImportDistrictWorkbookInputRef,
  authorise: (input) => editorsOfDistrict(input.district),
  ...importWrite,
  prepare: async (input, problems) => {
    if (input.dryRun === false && input.expectedVersion == null)
      problems.add(
        'expectedVersion',
        said(
          'DRY_RUN_VERSION',
          'is needed to apply a workbook: give the `version` of its dry run, so that exactly what it showed is written',
        ),
      );
    return readWorkbook(Buffer.from(await input.workbook.arrayBuffer()), input.district, problems);
  },
  write: (write, input, workbook) => importWorkbook(write, input, workbook!),
});
