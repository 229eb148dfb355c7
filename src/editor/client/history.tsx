// A record's history from the audit log: who changed what and when, each change with the values
// before and after, newest first.
import { useEffect, useState } from 'preact/hooks';
import { EditorHistoryDocument, type EditorHistoryQuery } from '../../../schema/generated/graphql.js';
import { ApiFailure, read } from './api.js';
import type { Texts } from './texts.js';

type Event = NonNullable<EditorHistoryQuery['history'][number]>;

/** Bookkeeping every record carries; a change of them alone says nothing to an editor. */
const bookkeeping = new Set([
  'id',
  'version',
  'createdAt',
  'updatedAt',
  'sourceId',
  'districtId',
  'entityType',
  'entityId',
  'translatedOn',
]);

const isBookkeeping = (field: string) => bookkeeping.has(field) || field.endsWith('Id') || field === 'ordinal';

const empty = (value: unknown) => value === undefined || value === null || (Array.isArray(value) && value.length === 0);

/**
 * Values as an editor reads them: text as it is; a list of parts (a concept's milestones, a
 * contact's channels) as each part's own values, without the IDs and order that are rewritten
 * with every save.
 */
function words(value: unknown): string {
  if (empty(value)) return '—';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((item) => typeof item === 'object' && item !== null && !Array.isArray(item)))
    return value.map(partOf).join('; ');
  return JSON.stringify(value);
}

const shortened = (text: string) => (text.length > 160 ? `${text.slice(0, 159)}…` : text);

/** A part of a record by its values: "ACHIEVED · Beschluss im Kreistag · 2025-03 · Bedarfe erhoben, Leitbild". */
const partOf = (part: Record<string, unknown>) =>
  Object.entries(part)
    .filter(([field, value]) => !isBookkeeping(field) && !empty(value) && value !== false)
    .map(([, value]) => (Array.isArray(value) ? value.join(', ') : typeof value === 'string' ? value : JSON.stringify(value)))
    .join(' · ');

/** The fields a change touched, each with its value before and after; a creation names only what it filled in. */
function changesOf(event: Event): { field: string; before: string; after: string }[] {
  const before = (event.before ? JSON.parse(event.before) : {}) as Record<string, unknown>;
  const after = (event.after ? JSON.parse(event.after) : {}) as Record<string, unknown>;
  return (
    [...new Set([...Object.keys(before), ...Object.keys(after)])]
      .filter((field) => !isBookkeeping(field))
      .filter((field) => !(empty(before[field]) && empty(after[field])) && !(event.action === 'CREATE' && empty(after[field])))
      .map((field) => ({ field, before: words(before[field]), after: words(after[field]) }))
      // A list saved again as it was (its parts get new IDs) is no change to an editor.
      .filter((change) => change.before !== change.after)
      .map((change) => ({ ...change, before: shortened(change.before), after: shortened(change.after) }))
  );
}

export function History({ of, revision, texts }: { of: string; revision: string; texts: Texts }) {
  const [events, setEvents] = useState<Event[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  // Read again whenever the record changes (a save here or elsewhere, a translation).
  useEffect(() => {
    read(EditorHistoryDocument, { of })
      .then((answer) => setEvents(answer.history.filter((event): event is Event => event !== null)))
      .catch((error: unknown) => {
        if (!(error instanceof ApiFailure)) throw error;
        setFailure(error.message);
      });
  }, [of, revision]);
  const when = (at: string) =>
    new Intl.DateTimeFormat(texts.dateTime, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' }).format(new Date(at));
  return (
    <section aria-labelledby="history-heading">
      <h2 class="kern-heading-medium" id="history-heading">
        {texts.history}
      </h2>
      {failure && (
        <p class="kern-body" role="alert">
          {failure}
        </p>
      )}
      {events && (
        <ol class="history">
          {events.map((event) => (
            <li key={event.id}>
              <p class="kern-body">
                <strong>{when(event.at)}</strong> · {event.actorName} · {texts.actions[event.action]}
                {event.entityType === 'Translation' && ` (${texts.translation})`}
              </p>
              <ul class="kern-list changes">
                {changesOf(event).map((change) => (
                  <li key={change.field}>
                    <span class="field">{change.field}</span>: <del>{change.before}</del> → <ins>{change.after}</ins>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
