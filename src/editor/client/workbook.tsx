// The district's workbook in the editors' app: downloaded to fill in with Excel or LibreOffice,
// and the filled-in file checked and applied here (importDistrictWorkbook). The check is a dry
// run: what the file would add, change and archive, what stays as the database has it because it
// was changed here after the download, and every problem by its cell; applying sends the same
// file with the version the check was made against, so that a change made meanwhile is not undone
// unseen (the check is repeated instead). Conflicts keep the database's version unless ticked.
import { useState } from 'preact/hooks';
import { EditorImportWorkbookDocument, type EditorImportWorkbookMutation } from '../../../schema/generated/graphql.js';
import { ApiFailure, saidOfFailure, session, upload } from './api.js';
import type { DistrictData } from './district.js';
import { type Issue, said } from './fields.js';
import type { Language, Texts } from './texts.js';

type Answer = EditorImportWorkbookMutation['importDistrictWorkbook'];
type Check = Extract<Answer, { __typename: 'MutationImportDistrictWorkbookSuccess' }>['data'];
type ChangedRecord = Check['added'][number];

const lists = ['added', 'changed', 'archived', 'newerInDatabase'] as const;

type Outcome =
  | { kind: 'idle' | 'busy' }
  | { kind: 'checked'; check: Check; workbook: File; again?: boolean }
  | { kind: 'applied'; check: Check }
  | { kind: 'problems'; issues: Issue[] }
  | { kind: 'failed'; message: string };

const recordKey = (record: Pick<ChangedRecord, 'entityType' | 'key'>) => `${record.entityType}/${record.key}`;

async function downloadWorkbook(district: DistrictData) {
  const response = await fetch(`/export/districts/${district.ags}/package.xlsx`, {
    headers: { authorization: `Bearer ${session.token()}` },
  });
  if (!response.ok) throw new ApiFailure(response.status === 401 ? 'signedOut' : 'server', `HTTP ${response.status}`);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(await response.blob());
  link.download = `${district.name}.xlsx`;
  link.click();
  // After the browser has taken the download (revoking at once may cancel it).
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
}

export function Workbook({
  district,
  texts,
  language,
  reload,
}: {
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}) {
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const [overwrite, setOverwrite] = useState<Set<string>>(new Set());

  const failed = (error: unknown) =>
    setOutcome({
      kind: 'failed',
      message:
        error instanceof ApiFailure
          ? saidOfFailure(error, texts)
          : error instanceof TypeError
            ? texts.networkDown
            : texts.workbookUnreadable,
    });

  async function send(chosen: File, applying?: Check): Promise<void> {
    setOutcome({ kind: 'busy' });
    const input = applying
      ? {
          district: district.ags,
          workbook: chosen,
          dryRun: false,
          expectedVersion: applying.version,
          overwrite: applying.conflicts
            .filter((record) => overwrite.has(recordKey(record)))
            .map(({ entityType, key }) => ({ entityType, key })),
        }
      : { district: district.ags, workbook: chosen, dryRun: true };
    const { importDistrictWorkbook: answer } = await upload(EditorImportWorkbookDocument, { input }, 'input.workbook');
    if (answer.__typename === 'MutationImportDistrictWorkbookSuccess') {
      if (applying) await reload();
      setOutcome(applying ? { kind: 'applied', check: answer.data } : { kind: 'checked', check: answer.data, workbook: chosen });
      if (!applying) setOverwrite(new Set());
    } else if (answer.__typename === 'ValidationError') {
      setOutcome({ kind: 'problems', issues: answer.issues });
    } else if (answer.__typename === 'VersionConflictError' && applying) {
      // Changed here since the check: check again, and show what applying would do now.
      await send(chosen);
      setOutcome((now) => (now.kind === 'checked' ? { ...now, again: true } : now));
    } else {
      setOutcome({ kind: 'failed', message: answer.message });
    }
  }

  const check = async (event: Event) => {
    event.preventDefault();
    if (!file) return setOutcome({ kind: 'failed', message: texts.workbookChooseFile });
    try {
      // What is checked is what is applied: a copy, not the file on disk, which may be saved again meanwhile.
      await send(new File([await file.arrayBuffer()], file.name, { type: file.type }));
    } catch (error) {
      failed(error);
    }
  };

  return (
    <section aria-labelledby="workbook-heading" class="workbook">
      <h2 class="kern-heading-medium" id="workbook-heading">
        {texts.workbookTitle}
      </h2>
      <p class="kern-body">{texts.workbookIntro}</p>
      <button type="button" class="kern-btn kern-btn--secondary" onClick={() => downloadWorkbook(district).catch(failed)}>
        <span class="kern-label">{texts.downloadWorkbook}</span>
      </button>
      <form onSubmit={check} noValidate>
        <div class="kern-form-input">
          <label class="kern-label" for="workbook-file">
            {texts.workbookFile}
          </label>
          <input
            class="kern-form-input__input"
            id="workbook-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              setFile(event.currentTarget.files?.[0] ?? null);
              setOutcome({ kind: 'idle' });
            }}
          />
        </div>
        <button type="submit" class="kern-btn kern-btn--primary" disabled={outcome.kind === 'busy'}>
          <span class="kern-label">{outcome.kind === 'busy' ? texts.working : texts.checkWorkbook}</span>
        </button>
      </form>
      <div role="status" class="workbook-outcome">
        {outcome.kind === 'failed' && <p class="kern-body">{outcome.message}</p>}
        {outcome.kind === 'problems' && <Problems issues={outcome.issues} texts={texts} language={language} />}
        {outcome.kind === 'applied' && (
          <p class="kern-body">
            {texts.workbookApplied(outcome.check.added.length, outcome.check.changed.length, outcome.check.archived.length)}
          </p>
        )}
      </div>
      {outcome.kind === 'checked' && (
        <CheckResult
          check={outcome.check}
          again={!!outcome.again}
          texts={texts}
          overwrite={overwrite}
          onOverwrite={setOverwrite}
          onApply={() => send(outcome.workbook, outcome.check).catch(failed)}
        />
      )}
    </section>
  );
}

function Problems({ issues, texts, language }: { issues: Issue[]; texts: Texts; language: Language }) {
  return (
    <div class="kern-alert kern-alert--danger">
      <div class="kern-alert__header">
        <span class="kern-title">{texts.workbookProblems(issues.length)}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {issues.map((issue) => (
            <li key={`${issue.path}-${issue.code}`}>
              {issue.path}: {said(issue, language)}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

const nameOf = (record: ChangedRecord, texts: Texts) =>
  `${texts.entityTypes[record.entityType as keyof Texts['entityTypes']] ?? record.entityType}: ${record.name ?? record.key}`;

function CheckResult({
  check,
  again,
  texts,
  overwrite,
  onOverwrite,
  onApply,
}: {
  check: Check;
  again: boolean;
  texts: Texts;
  overwrite: Set<string>;
  onOverwrite(chosen: Set<string>): void;
  onApply(): void;
}) {
  const changes = check.added.length + check.changed.length + check.archived.length + overwrite.size;
  const toggle = (key: string, on: boolean) => {
    const chosen = new Set(overwrite);
    if (on) chosen.add(key);
    else chosen.delete(key);
    onOverwrite(chosen);
  };
  return (
    <div class="workbook-check">
      {again && (
        <div class="kern-alert kern-alert--warning" role="alert">
          <div class="kern-alert__header">
            <span class="kern-title">{texts.workbookChangedMeanwhile}</span>
          </div>
        </div>
      )}
      <h3 class="kern-heading-small">{texts.workbookCheckTitle}</h3>
      <p class="kern-body">{texts.unchangedCount(check.unchanged)}</p>
      {lists
        .filter((list) => check[list].length > 0)
        .map((list) => (
          <section key={list} aria-labelledby={`workbook-${list}`}>
            <h4 class="kern-title" id={`workbook-${list}`}>
              {texts.importLists[list]} ({check[list].length})
            </h4>
            <ul class="kern-list">
              {check[list].map((record) => (
                <li key={recordKey(record)}>{nameOf(record, texts)}</li>
              ))}
            </ul>
          </section>
        ))}
      {check.conflicts.length > 0 && (
        <fieldset class="kern-fieldset">
          <legend class="kern-label">
            {texts.importLists.conflicts} ({check.conflicts.length})
          </legend>
          <div class="kern-fieldset__body">
            <p class="kern-body">{texts.conflictsKept}</p>
            {check.conflicts.map((record, index) => (
              <div class="kern-form-check" key={recordKey(record)}>
                <input
                  class="kern-form-check__checkbox"
                  type="checkbox"
                  id={`overwrite-${index}`}
                  checked={overwrite.has(recordKey(record))}
                  onChange={(event) => toggle(recordKey(record), event.currentTarget.checked)}
                />
                <label class="kern-label" for={`overwrite-${index}`}>
                  {texts.overwriteWithWorkbook(nameOf(record, texts), record.fields.join(', '))}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      )}
      {changes === 0 ? (
        <p class="kern-body">{texts.workbookNothing}</p>
      ) : (
        <button type="button" class="kern-btn kern-btn--primary" onClick={onApply}>
          <span class="kern-label">{texts.applyWorkbook}</span>
        </button>
      )}
    </div>
  );
}
