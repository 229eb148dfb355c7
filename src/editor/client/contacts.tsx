// A district's contacts: the list with what the public sees of each, and the form that changes a
// contact's channels and office hours — problems at their fields, conflicts shown side by side,
// and nothing typed lost when the network or the sign-in fails.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import {
  type ChannelKind,
  type EditorDistrictQuery,
  EditorUpdateContactDocument,
  type OfficeHoursInput,
} from '../../../schema/generated/graphql.js';
import { ApiFailure, session, write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, Field, type Issue, ProblemSummary, TextField, TokenField } from './fields.js';
import type { Language, Texts } from './texts.js';

export type Contact = EditorDistrictQuery['district']['contacts']['edges'][number]['node'];
type Hours = Contact['officeHours'][number];

interface HoursDraft {
  printed: string;
  openingHours: string;
  byAppointment: boolean;
  appointmentRequired: boolean;
  /** What the form does not show, sent back as it was: the replacing list would drop it. */
  kept: Pick<OfficeHoursInput, 'exceptions' | 'location'>;
}

export interface Draft {
  channels: { kind: ChannelKind; printed: string }[];
  officeHours: HoursDraft[];
}

const channelKinds: ChannelKind[] = ['PHONE', 'MOBILE', 'EMAIL', 'FAX', 'WEB_FORM'];

const newHours: HoursDraft = { printed: '', openingHours: '', byAppointment: false, appointmentRequired: false, kept: {} };

function keptOf(hours: Hours): HoursDraft['kept'] {
  const location = hours.location;
  return {
    exceptions: hours.exceptions.map(({ firstDay, lastDay, opens, closes, note }) => ({ firstDay, lastDay, opens, closes, note })),
    location: location && {
      kind: location.kind,
      street: location.street,
      postalCode: location.postalCode,
      locality: location.locality,
      placeName: location.placeName,
      room: location.room,
      postOfficeBox: location.postOfficeBox,
      latitude: location.coordinates?.latitude,
      longitude: location.coordinates?.longitude,
      stepFreeEntrance: location.accessibility.stepFreeEntrance,
      lift: location.accessibility.lift,
      accessibleToilet: location.accessibility.accessibleToilet,
      hearingLoop: location.accessibility.hearingLoop,
      accessibilityNote: location.accessibility.note,
    },
  };
}

const draftOf = (contact: Contact): Draft => ({
  channels: contact.channels.map(({ kind, printed }) => ({ kind, printed })),
  officeHours: contact.officeHours.map((hours) => ({
    printed: hours.printed,
    openingHours: hours.openingHours ?? '',
    byAppointment: hours.byAppointment,
    appointmentRequired: hours.appointmentRequired,
    kept: keptOf(hours),
  })),
});

const fieldsOf = (draft: Draft) => ({
  channels: draft.channels,
  officeHours: draft.officeHours.map(({ kept, openingHours, ...hours }) => ({
    ...hours,
    ...kept,
    openingHours: openingHours.trim() || null,
  })),
});

const contactIn = (district: DistrictData, id: string) => district.contacts.edges.find((edge) => edge.node.id === id)?.node;

const nameOf = (contact: Contact, texts: Texts) => contact.person?.displayName ?? `${contact.position.title} (${texts.office})`;

const when = (at: string, texts: Texts) =>
  new Intl.DateTimeFormat(texts.dateTime, { weekday: 'long', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' }).format(
    new Date(at),
  );

/** The contact as a district website's card shows it: channels, office hours, open now; below, what the editor may do. */
export function PublicCard({ contact, texts, children }: { contact: Contact; texts: Texts; children?: ComponentChildren }) {
  return (
    <div class="kern-card public-card">
      <div class="kern-card__container">
        <div class="kern-card__header">
          <p class="kern-title">{contact.person?.displayName ?? contact.position.title}</p>
          {contact.person && <p class="kern-body">{contact.position.title}</p>}
        </div>
        <div class="kern-card__body">
          <ul class="kern-list">
            {contact.channels.map((channel) => (
              <li key={`${channel.kind}${channel.printed}`}>
                {texts.channelKinds[channel.kind]}: {channel.printed}
              </li>
            ))}
            {contact.addresses.map((address) => (
              <li key={address.printed}>{address.printed}</li>
            ))}
          </ul>
          {contact.officeHours.map((hours) => (
            <p class="kern-body" key={hours.printed}>
              {hours.printed}
              {hours.isOpen !== null && (
                <span class="opening">
                  {' '}
                  — {hours.isOpen ? texts.openNow : texts.closedNow}
                  {hours.nextChange &&
                    `, ${hours.nextChange.opens ? texts.opensAt(when(hours.nextChange.at, texts)) : texts.closesAt(when(hours.nextChange.at, texts))}`}
                </span>
              )}
            </p>
          ))}
        </div>
        {children && <div class="kern-card__footer">{children}</div>}
      </div>
    </div>
  );
}

export function ContactList({ contacts, texts, ags }: { contacts: Contact[]; texts: Texts; ags: string }) {
  if (!contacts.length) return <p class="kern-body">{texts.noContacts}</p>;
  return (
    <ul class="contact-list">
      {contacts.map((contact) => (
        <li key={contact.id}>
          <PublicCard contact={contact} texts={texts}>
            <a class="kern-link" href={`#/d/${ags}/c/${encodeURIComponent(contact.id)}`}>
              {texts.edit(nameOf(contact, texts))}
            </a>
          </PublicCard>
        </li>
      ))}
    </ul>
  );
}

type Outcome =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved' }
  | { kind: 'problems'; issues: Issue[] }
  | { kind: 'conflict'; theirs: Contact }
  | { kind: 'failed'; reason: 'network' | 'server' | 'signedOut' | 'refused'; message: string };

/**
 * Where a contact's unsaved changes wait while the tab lives, with the version they were made
 * on: a failed save, a new sign-in or a reload does not lose them, and saving them after
 * someone else's change shows the conflict instead of overwriting it.
 */
const draftKey = (id: string) => `integrationsgraph.editor.draft.${id}`;

interface KeptDraft {
  draft: Draft;
  version: number;
}

const keptDraft = (contact: Contact): KeptDraft => {
  const kept = sessionStorage.getItem(draftKey(contact.id));
  return kept ? (JSON.parse(kept) as KeptDraft) : { draft: draftOf(contact), version: contact.version };
};

interface FormProps {
  contact: Contact;
  texts: Texts;
  language: Language;
  /** After a save or when the other person's version is taken: read the district again. */
  reload(): Promise<DistrictData>;
}

export function ContactForm({ contact, texts, language, reload }: FormProps) {
  const [draft, setDraft] = useState(() => keptDraft(contact).draft);
  const [version, setVersion] = useState(() => keptDraft(contact).version);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // Saves answered so far, on the form: a script (or a test) waits for the next by it.
  const [answered, setAnswered] = useState(0);
  useEffect(() => {
    const unchanged = version === contact.version && JSON.stringify(draft) === JSON.stringify(draftOf(contact));
    if (unchanged) sessionStorage.removeItem(draftKey(contact.id));
    else sessionStorage.setItem(draftKey(contact.id), JSON.stringify({ draft, version } satisfies KeptDraft));
  }, [contact, draft, version]);

  const issues = outcome.kind === 'problems' ? outcome.issues : [];
  const shared = { issues, language };
  const setItem =
    <Key extends keyof Draft>(key: Key) =>
    (index: number, part: Partial<Draft[Key][number]>) =>
      setDraft({ ...draft, [key]: draft[key].map((item, at) => (at === index ? { ...item, ...part } : item)) });
  const setChannel = setItem('channels');
  const setHours = setItem('officeHours');
  const removeItem = (key: keyof Draft, index: number) => setDraft({ ...draft, [key]: draft[key].filter((_, at) => at !== index) });

  async function save(event: Event) {
    event.preventDefault();
    setOutcome({ kind: 'saving' });
    try {
      const { updateContact: answer } = await write(EditorUpdateContactDocument, {
        input: { id: contact.id, version, fields: fieldsOf(draft) },
      });
      if (answer.__typename === 'MutationUpdateContactSuccess') {
        // The form shows what was saved as the API now answers it (normalised, e.g. the hours' notation).
        const saved = contactIn(await reload(), contact.id);
        setDraft(saved ? draftOf(saved) : draft);
        setVersion(saved?.version ?? answer.data.version);
        setOutcome({ kind: 'saved' });
      } else if (answer.__typename === 'ValidationError') {
        setOutcome({ kind: 'problems', issues: answer.issues });
        requestAnimationFrame(() => document.getElementById('problems')?.focus());
      } else if (answer.__typename === 'VersionConflictError') {
        const theirs = contactIn(await reload(), contact.id);
        if (theirs) setOutcome({ kind: 'conflict', theirs });
        requestAnimationFrame(() => document.getElementById('conflict')?.focus());
      } else {
        setOutcome({ kind: 'failed', reason: 'refused', message: answer.message });
      }
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setOutcome({ kind: 'failed', reason: error.kind, message: error.message });
    } finally {
      setAnswered((count) => count + 1);
    }
  }

  const resolveConflict = (theirs: Contact, take: 'theirs' | 'yours') => {
    if (take === 'theirs') setDraft(draftOf(theirs));
    setVersion(theirs.version);
    setOutcome({ kind: 'idle' });
  };

  return (
    <form onSubmit={save} noValidate data-answered={answered}>
      <ProblemSummary issues={issues} texts={texts} language={language} />
      {outcome.kind === 'conflict' && (
        <Conflict
          theirs={listOf(draftOf(outcome.theirs), texts)}
          yours={listOf(draft, texts)}
          texts={texts}
          onChoose={(take) => resolveConflict(outcome.theirs, take)}
        />
      )}
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.channels}</legend>
        <div class="kern-fieldset__body">
          {draft.channels.map((channel, index) => (
            <div class="row" key={index}>
              <Field path={`channels[${index}].kind`} label={texts.channelKind} issues={issues} language={language}>
                {(attributes) => (
                  <div class="kern-form-input__select-wrapper">
                    <select
                      class="kern-form-input__select"
                      {...attributes}
                      value={channel.kind}
                      onChange={(event) => setChannel(index, { kind: event.currentTarget.value as ChannelKind })}
                    >
                      {channelKinds.map((kind) => (
                        <option key={kind} value={kind}>
                          {texts.channelKinds[kind]}
                        </option>
                      ))}
                    </select>
                  </div>
                )}
              </Field>
              <TextField
                path={`channels[${index}].printed`}
                label={texts.channelValue}
                help={['ChannelInput', 'printed']}
                value={channel.printed}
                onValue={(printed) => setChannel(index, { printed })}
                {...shared}
              />
              <button type="button" class="kern-btn kern-btn--secondary" onClick={() => removeItem('channels', index)}>
                <span class="kern-label">{texts.removeChannel(index + 1)}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            class="kern-btn kern-btn--tertiary"
            onClick={() => setDraft({ ...draft, channels: [...draft.channels, { kind: 'PHONE', printed: '' }] })}
          >
            <span class="kern-label">{texts.addChannel}</span>
          </button>
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.officeHours}</legend>
        <div class="kern-fieldset__body">
          {draft.officeHours.map((hours, index) => (
            <div class="hours" key={index}>
              <TextField
                path={`officeHours[${index}].printed`}
                label={texts.hoursPrinted}
                help={['OfficeHoursInput', 'printed']}
                value={hours.printed}
                onValue={(printed) => setHours(index, { printed })}
                multiline
                {...shared}
              />
              <TextField
                path={`officeHours[${index}].openingHours`}
                label={texts.hoursWeekly}
                help={['OfficeHoursInput', 'openingHours']}
                value={hours.openingHours}
                onValue={(openingHours) => setHours(index, { openingHours })}
                {...shared}
              />
              {(['byAppointment', 'appointmentRequired'] as const).map((flag) => (
                <div class="kern-form-check" key={flag}>
                  <input
                    class="kern-form-check__checkbox"
                    type="checkbox"
                    id={`f-officeHours-${index}-${flag}`}
                    checked={hours[flag]}
                    onChange={(event) => setHours(index, { [flag]: event.currentTarget.checked })}
                  />
                  <label class="kern-label" for={`f-officeHours-${index}-${flag}`}>
                    {texts[flag]}
                  </label>
                </div>
              ))}
              <button type="button" class="kern-btn kern-btn--secondary" onClick={() => removeItem('officeHours', index)}>
                <span class="kern-label">{texts.removeHours(index + 1)}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            class="kern-btn kern-btn--tertiary"
            onClick={() => setDraft({ ...draft, officeHours: [...draft.officeHours, newHours] })}
          >
            <span class="kern-label">{texts.addHours}</span>
          </button>
        </div>
      </fieldset>
      <Status outcome={outcome} texts={texts} />
      <button type="submit" class="kern-btn kern-btn--primary" disabled={outcome.kind === 'saving'}>
        <span class="kern-label">{outcome.kind === 'saving' ? texts.saving : texts.save}</span>
      </button>
      {outcome.kind === 'failed' && outcome.reason === 'signedOut' && (
        <SignInAgain texts={texts} onSignedIn={() => setOutcome({ kind: 'idle' })} />
      )}
    </form>
  );
}

function Status({ outcome, texts }: { outcome: Outcome; texts: Texts }) {
  const message =
    outcome.kind === 'saved'
      ? texts.saved
      : outcome.kind === 'failed'
        ? { network: texts.networkDown, server: texts.serverFailed, signedOut: texts.signedOutMidEdit, refused: outcome.message }[
            outcome.reason
          ]
        : null;
  return (
    <p class={`kern-body status status--${outcome.kind}`} role="status" id="save-status">
      {message}
    </p>
  );
}

/** A new token without leaving the form: the draft stays where it is. */
function SignInAgain({ texts, onSignedIn }: { texts: Texts; onSignedIn(): void }) {
  const [token, setToken] = useState('');
  return (
    <div class="sign-in-again">
      <TokenField id="token-again" texts={texts} value={token} onValue={setToken} />
      <button
        type="button"
        class="kern-btn kern-btn--secondary"
        onClick={() => {
          if (!token.trim()) return;
          session.signIn(token);
          onSignedIn();
        }}
      >
        <span class="kern-label">{texts.signIn}</span>
      </button>
    </div>
  );
}

const listOf = (draft: Draft, texts: Texts) => [
  ...draft.channels.map((channel) => `${texts.channelKinds[channel.kind]}: ${channel.printed}`),
  ...draft.officeHours.map((hours) => `${texts.officeHours}: ${hours.printed}${hours.openingHours ? ` (${hours.openingHours})` : ''}`),
];
