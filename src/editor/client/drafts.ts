// Where a form's unsaved changes wait while the tab lives, with the version they were made on: a
// failed save, a new sign-in (also one at the identity provider, which leaves the page) or a
// reload does not lose them, and saving them after someone else's change shows the conflict
// instead of overwriting it. A draft equal to the record as saved is not kept.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';

interface KeptDraft<Draft> {
  draft: Draft;
  version: number;
  /** The record as the form read it at `version` (what the draft started from). */
  base?: string;
}

const draftPrefix = 'integrationsgraph.editor.draft.';
const draftKey = (id: string) => `${draftPrefix}${id}`;

/**
 * The draft and version of the record `id` (a new record's form: "new-<kind>-<district>"), as
 * kept in the tab or else as saved; setting either keeps it.
 */
export function useKeptDraft<Draft>(id: string, saved: Draft, savedVersion: number) {
  const savedText = JSON.stringify(saved);
  const [kept] = useState((): KeptDraft<Draft> => {
    const text = sessionStorage.getItem(draftKey(id));
    if (!text) return { draft: saved, version: savedVersion, base: savedText };
    const kept = JSON.parse(text) as KeptDraft<Draft>;
    // A draft kept by an older version of the app lacks the fields added since: those are as saved.
    return { ...kept, draft: { ...saved, ...kept.draft } };
  });
  const [draft, setDraft] = useState(kept.draft);
  const [version, setVersion] = useState(kept.version);
  const [base, setBase] = useState(kept.base);
  const forgotten = useRef(false);
  useEffect(() => {
    if (version === savedVersion) {
      setBase(savedText);
      return;
    }
    // The record moved on without a change to what the form edits (the editor saved a translation
    // of it, which counts as a change of the record): the draft follows, instead of meeting a
    // conflict with the editor's own save. A change of what the form edits still conflicts.
    if (savedVersion > version && base === savedText) setVersion(savedVersion);
  }, [savedVersion, savedText, version, base]);
  // Kept as soon as the change is rendered, not after the next paint: a reload right after the last
  // keystroke would lose it (a browser test did, once in a few runs).
  useLayoutEffect(() => {
    if (forgotten.current) return;
    const unchanged = version === savedVersion && JSON.stringify(draft) === savedText;
    if (unchanged) sessionStorage.removeItem(draftKey(id));
    else sessionStorage.setItem(draftKey(id), JSON.stringify({ draft, version, base } satisfies KeptDraft<Draft>));
  }, [id, draft, version, savedVersion, savedText, base]);
  /** Forgets a new record's draft once the record is made (its own form keeps drafts by its id from then on). */
  const forget = () => {
    forgotten.current = true;
    sessionStorage.removeItem(draftKey(id));
  };
  return { draft, setDraft, version, setVersion, forget };
}

/** Whether the record `id` has unsaved changes waiting in the tab (a draft equal to the record as saved is not kept). */
export const hasKeptDraft = (id: string) => sessionStorage.getItem(draftKey(id)) !== null;

/** Signing out forgets every unsaved draft: on a shared computer the next person must not find them. */
export function forgetAllDrafts() {
  for (const key of Object.keys(sessionStorage)) if (key.startsWith(draftPrefix)) sessionStorage.removeItem(key);
}
