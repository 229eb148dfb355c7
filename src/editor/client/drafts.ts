// Where a form's unsaved changes wait while the tab lives, with the version they were made on: a
// failed save, a new sign-in (also one at the identity provider, which leaves the page) or a
// reload does not lose them, and saving them after someone else's change shows the conflict
// instead of overwriting it. A draft equal to the record as saved is not kept.
import { useEffect, useRef, useState } from 'preact/hooks';

interface KeptDraft<Draft> {
  draft: Draft;
  version: number;
}

const draftKey = (id: string) => `integrationsgraph.editor.draft.${id}`;

/**
 * The draft and version of the record `id` (a new record's form: "new-<kind>-<district>"), as
 * kept in the tab or else as saved; setting either keeps it.
 */
export function useKeptDraft<Draft>(id: string, saved: Draft, savedVersion: number) {
  const [kept] = useState(() => {
    const text = sessionStorage.getItem(draftKey(id));
    if (!text) return { draft: saved, version: savedVersion };
    const kept = JSON.parse(text) as KeptDraft<Draft>;
    // A draft kept by an older version of the app lacks the fields added since: those are as saved.
    return { ...kept, draft: { ...saved, ...kept.draft } };
  });
  const [draft, setDraft] = useState(kept.draft);
  const [version, setVersion] = useState(kept.version);
  const forgotten = useRef(false);
  useEffect(() => {
    if (forgotten.current) return;
    const unchanged = version === savedVersion && JSON.stringify(draft) === JSON.stringify(saved);
    if (unchanged) sessionStorage.removeItem(draftKey(id));
    else sessionStorage.setItem(draftKey(id), JSON.stringify({ draft, version } satisfies KeptDraft<Draft>));
  }, [id, draft, version, savedVersion, JSON.stringify(saved)]);
  /** Forgets a new record's draft once the record is made (its own form keeps drafts by its id from then on). */
  const forget = () => {
    forgotten.current = true;
    sessionStorage.removeItem(draftKey(id));
  };
  return { draft, setDraft, version, setVersion, forget };
}
