// The workbook speaks German (its sheets, its headers' comments, its own refusals). The import's
// problems carry codes (src/rules/issues.ts): a workbook's reader reads each in the German the
// editors' app uses, naming the sheet where a key is missing from one. Problems of the package
// format itself (code PACKAGE or INVALID) stay as the API says them: no editor text says more.
import { issueText } from '../../rules/issues.js';
import type { Issue } from '../../writes/problems.js';
import { sheetByTable } from './sheets.js';

/** A problem of the import, as a workbook's reader reads it. */
export function workbookMessage(issue: Issue): string {
  const sheet = sheetByTable.get(issue.params.table ?? '')?.name;
  if (issue.code === 'UNKNOWN_ENTRY' && sheet) return `nennt „${issue.params.key}“, das im Blatt „${sheet}“ nicht steht`;
  if (issue.code === 'LISTED_TWICE') return `der Schlüssel „${issue.params.key}“ steht zweimal im Blatt`;
  if (issue.code === 'PACKAGE' || issue.code === 'INVALID' || issue.code === 'WORKBOOK') return issue.message;
  return issueText(issue, 'de');
}
