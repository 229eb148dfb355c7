// What every record's form does when it saves (an offer, the concept, a funding …): the draft
// kept in the tab, the create or update mutation with the version read, and its answer shown —
// saved (the form then shows the record as the API now answers it; a new record's page opens),
// problems at their fields, another person's version beside the editor's, or a failure that keeps
// the input (with a new sign-in where the token ran out).
import { useState } from 'preact/hooks';
import { ApiFailure, saidOfFailure } from './api.js';
import type { DistrictData } from './district.js';
import { useKeptDraft } from './drafts.js';
import type { Issue } from './fields.js';
import type { Texts } from './texts.js';

export type Outcome<Saved> =
  | { kind: 'idle' | 'saving' | 'saved' }
  | { kind: 'problems'; issues: Issue[] }
  | { kind: 'conflict'; theirs: Saved }
  | { kind: 'failed'; message: string; signedOut: boolean };

/** A create or update mutation's answer, whichever record it is of. */
interface Answer {
  __typename: string;
  data?: { id: string; version: number };
  issues?: Issue[];
  message?: string;
}

interface RecordFormOptions<Saved extends { id: string; version: number }, Draft> {
  /** The record, or null for a new one. */
  record: Saved | null;
  /** What a new record's draft is kept by, e.g. "new-offer-16065". */
  newDraftId: string;
  draftOf(record: Saved | null): Draft;
  /** Creates the record (without `record`) or changes it at `version`. */
  send(draft: Draft, version: number): Promise<Answer>;
  /** The record as the district, read again, holds it. */
  find(district: DistrictData, id: string): Saved | undefined;
  /** A saved record's page (its hash route). */
  pageOf(id: string): string;
  /** Problems the form can tell before sending (values the API would refuse with the whole request). */
  check?(draft: Draft): Issue[];
  reload(): Promise<DistrictData>;
  texts: Texts;
}

export function useRecordForm<Saved extends { id: string; version: number }, Draft>(options: RecordFormOptions<Saved, Draft>) {
  const { record, draftOf, reload, find } = options;
  const { draft, setDraft, version, setVersion, forget } = useKeptDraft(
    record?.id ?? options.newDraftId,
    draftOf(record),
    record?.version ?? 0,
  );
  const [outcome, setOutcome] = useState<Outcome<Saved>>({ kind: 'idle' });
  // Saves answered so far, on the form: a script (or a test) waits for the next by it.
  const [answered, setAnswered] = useState(0);

  const showProblems = (issues: Issue[]) => {
    setOutcome({ kind: 'problems', issues });
    requestAnimationFrame(() => document.getElementById('problems')?.focus());
  };

  async function answer(sent: Answer) {
    if (sent.data) {
      if (!record) {
        forget();
        await reload();
        location.hash = options.pageOf(sent.data.id);
        return;
      }
      // The form shows what was saved as the API now answers it (normalised).
      const saved = find(await reload(), sent.data.id);
      if (saved) setDraft(draftOf(saved));
      setVersion(saved?.version ?? sent.data.version);
      setOutcome({ kind: 'saved' });
    } else if (sent.issues) {
      showProblems(sent.issues);
    } else if (sent.__typename === 'VersionConflictError' && record) {
      const theirs = find(await reload(), record.id);
      // Gone meanwhile (archived): nothing to take either version of.
      if (!theirs) return setOutcome({ kind: 'failed', message: sent.message ?? sent.__typename, signedOut: false });
      setOutcome({ kind: 'conflict', theirs });
      requestAnimationFrame(() => document.getElementById('conflict')?.focus());
    } else {
      setOutcome({ kind: 'failed', message: sent.message ?? sent.__typename, signedOut: false });
    }
  }

  async function save(event: Event) {
    event.preventDefault();
    try {
      const refused = options.check?.(draft) ?? [];
      if (refused.length > 0) return showProblems(refused);
      setOutcome({ kind: 'saving' });
      await answer(await options.send(draft, version));
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: saidOfFailure(error, options.texts),
        signedOut: error instanceof ApiFailure && error.kind === 'signedOut',
      });
    } finally {
      setAnswered((count) => count + 1);
    }
  }

  /** After a conflict: the other person's version or the editor's, to be saved at the version now current. */
  const resolve = (theirs: Saved, take: 'theirs' | 'yours') => {
    if (take === 'theirs') setDraft(draftOf(theirs));
    setVersion(theirs.version);
    setOutcome({ kind: 'idle' });
  };

  return {
    draft,
    set: (part: Partial<Draft>) => setDraft({ ...draft, ...part }),
    outcome,
    setOutcome,
    answered,
    issues: outcome.kind === 'problems' ? outcome.issues : [],
    save,
    resolve,
  };
}
