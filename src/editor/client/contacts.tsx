// A district's contacts: the list with what the public sees of each, and the form that changes a
// contact's channels and office hours — problems at their fields, conflicts shown side by side,
// and nothing typed lost when the network or the sign-in fails.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import {
  type ChannelKind,
  EditorCreateContactDocument,
  EditorCreatePositionDocument,
  type EditorDistrictQuery,
  EditorUpdateContactDocument,
} from '../../../schema/generated/graphql.js';
import {
  type AddressDraft,
  AddressFields,
  accessOf,
  addressDraftOf,
  addressInputOf,
  addressLines,
  atPointField,
  newAddress,
} from './addresses.js';
import { ApiFailure, saidOfFailure, write } from './api.js';
import type { DistrictData } from './district.js';
import { useKeptDraft } from './drafts.js';
import { Conflict, type Issue, orNull, ProblemSummary, SelectField, SignInAgain, TextField } from './fields.js';
import { failureText, type Language, type Texts } from './texts.js';
import { Translations } from './translations.js';

export type Contact = EditorDistrictQuery['district']['contacts']['edges'][number]['node'];

interface ExceptionDraft {
  firstDay: string;
  lastDay: string;
  opens: string;
  closes: string;
  note: string;
}

interface HoursDraft {
  printed: string;
  openingHours: string;
  byAppointment: boolean;
  appointmentRequired: boolean;
  exceptions: ExceptionDraft[];
  /** Where they are held when not at the office: not shown, sent back as it was (the replacing list would drop it). */
  location: AddressDraft | null;
}

export interface Draft {
  channels: { kind: ChannelKind; printed: string }[];
  addresses: AddressDraft[];
  officeHours: HoursDraft[];
}

const channelKinds: ChannelKind[] = ['PHONE', 'MOBILE', 'EMAIL', 'FAX', 'WEB_FORM'];

const newHours: HoursDraft = {
  printed: '',
  openingHours: '',
  byAppointment: false,
  appointmentRequired: false,
  exceptions: [],
  location: null,
};

const newException: ExceptionDraft = { firstDay: '', lastDay: '', opens: '', closes: '', note: '' };

/** The browser's own date and time pickers, which also take the keyboard. */
const exceptionInputTypes = { firstDay: 'date', lastDay: 'date', opens: 'time', closes: 'time', note: 'text' } as const;

const draftOf = (contact: Contact): Draft => ({
  channels: contact.channels.map(({ kind, printed }) => ({ kind, printed })),
  // Where office hours are held belongs to the hours (the API keeps those apart from the list it replaces).
  addresses: contact.addresses.filter((address) => address.kind !== 'OFFICE_HOURS').map(addressDraftOf),
  officeHours: contact.officeHours.map((hours) => ({
    printed: hours.printed,
    openingHours: hours.openingHours ?? '',
    byAppointment: hours.byAppointment,
    appointmentRequired: hours.appointmentRequired,
    exceptions: hours.exceptions.map(({ firstDay, lastDay, opens, closes, note }) => ({
      firstDay,
      lastDay: lastDay === firstDay ? '' : lastDay,
      opens: opens ?? '',
      closes: closes ?? '',
      note: note ?? '',
    })),
    location: hours.location && addressDraftOf(hours.location),
  })),
});

const fieldsOf = (draft: Draft) => ({
  channels: draft.channels,
  addresses: draft.addresses.map(addressInputOf),
  officeHours: draft.officeHours.map(({ openingHours, exceptions, location, ...hours }) => ({
    ...hours,
    openingHours: orNull(openingHours),
    exceptions: exceptions.map((exception) => ({
      firstDay: exception.firstDay,
      lastDay: orNull(exception.lastDay),
      opens: orNull(exception.opens),
      closes: orNull(exception.closes),
      note: orNull(exception.note),
    })),
    location: location && addressInputOf(location),
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
              <li key={address.printed}>
                {address.printed}
                {accessOf(address, texts) && <span class="access">{accessOf(address, texts)}</span>}
              </li>
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
  return (
    <>
      {contacts.length === 0 ? <p class="kern-body">{texts.noContacts}</p> : <ContactCards contacts={contacts} texts={texts} ags={ags} />}
      <a class="kern-link" href={`#/d/${ags}/c/new`}>
        {texts.addContact}
      </a>
    </>
  );
}

function ContactCards({ contacts, texts, ags }: { contacts: Contact[]; texts: Texts; ags: string }) {
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

interface FormProps {
  contact: Contact;
  texts: Texts;
  language: Language;
  /** After a save or when the other person's version is taken: read the district again. */
  reload(): Promise<DistrictData>;
}

export function ContactForm({ contact, texts, language, reload }: FormProps) {
  const { draft, setDraft, version, setVersion } = useKeptDraft(contact.id, draftOf(contact), contact.version);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // Saves answered so far, on the form: a script (or a test) waits for the next by it.
  const [answered, setAnswered] = useState(0);

  const issues = outcome.kind === 'problems' ? atPointField(outcome.issues) : [];
  const shared = { issues, language };
  const setItem =
    <Key extends keyof Draft>(key: Key) =>
    (index: number, part: Partial<Draft[Key][number]>) =>
      setDraft({ ...draft, [key]: draft[key].map((item, at) => (at === index ? { ...item, ...part } : item)) });
  const setChannel = setItem('channels');
  const setHours = setItem('officeHours');
  const setAddress = setItem('addresses');
  const setException = (hoursIndex: number, index: number, part: Partial<ExceptionDraft>) =>
    setHours(hoursIndex, {
      exceptions: draft.officeHours[hoursIndex]!.exceptions.map((exception, at) => (at === index ? { ...exception, ...part } : exception)),
    });
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
        // Ended meanwhile: nothing to take either version of.
        if (!theirs) setOutcome({ kind: 'failed', reason: 'refused', message: answer.message });
        else setOutcome({ kind: 'conflict', theirs });
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
              <SelectField
                path={`channels[${index}].kind`}
                label={texts.channelKind}
                value={channel.kind}
                choices={channelKinds.map((kind) => [kind, texts.channelKinds[kind]] as const)}
                onValue={(kind) => setChannel(index, { kind })}
                {...shared}
              />
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
        <legend class="kern-label">{texts.addresses}</legend>
        <div class="kern-fieldset__body">
          {draft.addresses.map((address, index) => (
            <AddressFields
              key={index}
              index={index}
              draft={address}
              onChange={(part) => setAddress(index, part)}
              onRemove={() => removeItem('addresses', index)}
              texts={texts}
              {...shared}
            />
          ))}
          <button
            type="button"
            class="kern-btn kern-btn--tertiary"
            onClick={() => setDraft({ ...draft, addresses: [...draft.addresses, newAddress] })}
          >
            <span class="kern-label">{texts.addAddress}</span>
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
              <fieldset class="kern-fieldset">
                <legend class="kern-label">{texts.exceptions}</legend>
                <div class="kern-fieldset__body">
                  {hours.exceptions.map((exception, at) => (
                    <div class="row" key={at}>
                      {(['firstDay', 'lastDay', 'opens', 'closes', 'note'] as const).map((field) => (
                        <TextField
                          key={field}
                          path={`officeHours[${index}].exceptions[${at}].${field}`}
                          label={texts.exceptionFields[field]}
                          help={['OfficeHourExceptionInput', field]}
                          type={exceptionInputTypes[field]}
                          value={exception[field]}
                          onValue={(value) => setException(index, at, { [field]: value })}
                          {...shared}
                        />
                      ))}
                      <button
                        type="button"
                        class="kern-btn kern-btn--secondary"
                        onClick={() => setHours(index, { exceptions: hours.exceptions.filter((_, other) => other !== at) })}
                      >
                        <span class="kern-label">{texts.removeException(index + 1, at + 1)}</span>
                      </button>
                    </div>
                  ))}
                  <button
                    type="button"
                    class="kern-btn kern-btn--tertiary"
                    onClick={() => setHours(index, { exceptions: [...hours.exceptions, newException] })}
                  >
                    <span class="kern-label">{texts.addException}</span>
                  </button>
                </div>
              </fieldset>
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
    outcome.kind === 'saved' ? texts.saved : outcome.kind === 'failed' ? failureText(texts, outcome.reason, outcome.message) : null;
  return (
    <p class={`kern-body status status--${outcome.kind}`} role="status" id="save-status">
      {message}
    </p>
  );
}

const listOf = (draft: Draft, texts: Texts) => [
  ...draft.channels.map((channel) => `${texts.channelKinds[channel.kind]}: ${channel.printed}`),
  ...draft.addresses.map((address) => addressLines(address, texts)),
  ...draft.officeHours.map((hours) => `${texts.officeHours}: ${hours.printed}${hours.openingHours ? ` (${hours.openingHours})` : ''}`),
];

interface NewContactDraft {
  /** An existing post's id, or "" for a new one. */
  position: string;
  postTitle: string;
  role: string;
  salutation: string;
  givenName: string;
  familyName: string;
  phone: string;
  email: string;
}

/** Problems of the post's creation are shown at the post's fields ("fields.title" → "post.title"). */
const atPost = (issues: Issue[]) => issues.map((issue) => ({ ...issue, path: issue.path.replace(/^fields\./, 'post.') }));

/**
 * A new contact: to one of the district's posts, or to a new one (its title and kind), with the
 * person and a phone number and e-mail; office hours and the rest follow in its form.
 */
export function NewContactForm({
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
  const [draft, setDraft] = useState<NewContactDraft>({
    position: district.positions[0]?.id ?? '',
    postTitle: '',
    role: district.roles[0]?.key ?? '',
    salutation: '',
    givenName: '',
    familyName: '',
    phone: '',
    email: '',
  });
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [answered, setAnswered] = useState(0);
  const set = (part: Partial<NewContactDraft>) => setDraft({ ...draft, ...part });
  const shared = { issues, language };

  /** The post: the one chosen, or a new one (kept in the draft once made, so that a second try does not make another). */
  async function positionId(): Promise<string | null> {
    if (draft.position) return draft.position;
    const { createPosition: answer } = await write(EditorCreatePositionDocument, {
      input: { district: district.ags, fields: { title: draft.postTitle, role: draft.role } },
    });
    if (answer.__typename === 'ValidationError') {
      setIssues(atPost(answer.issues));
      return null;
    }
    if (answer.__typename !== 'MutationCreatePositionSuccess') throw new ApiFailure('refused', answer.message);
    setDraft({ ...draft, position: answer.data.id });
    await reload();
    return answer.data.id;
  }

  async function create(event: Event) {
    event.preventDefault();
    try {
      const position = await positionId();
      if (!position) return;
      const channels = [
        ...(draft.phone.trim() ? [{ kind: 'PHONE' as const, printed: draft.phone }] : []),
        ...(draft.email.trim() ? [{ kind: 'EMAIL' as const, printed: draft.email }] : []),
      ];
      const person = draft.familyName.trim()
        ? { salutation: draft.salutation || null, givenName: orNull(draft.givenName), familyName: draft.familyName }
        : null;
      const { createContact: answer } = await write(EditorCreateContactDocument, {
        input: { district: district.ags, fields: { position, person, channels } },
      });
      // Without a phone number the e-mail is the first channel sent; its problems belong to the e-mail field.
      const emailFirst = (issue: Issue) =>
        draft.phone.trim() ? issue : { ...issue, path: issue.path.replace('channels[0]', 'channels[1]') };
      if (answer.__typename === 'ValidationError') return setIssues(answer.issues.map(emailFirst));
      if (answer.__typename !== 'MutationCreateContactSuccess') return setMessage(answer.message);
      await reload();
      location.hash = `#/d/${district.ags}/c/${encodeURIComponent(answer.data.id)}`;
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    } finally {
      setAnswered((count) => count + 1);
    }
  }

  return (
    <form onSubmit={create} noValidate data-answered={answered} class="new-contact">
      <ProblemSummary issues={issues} texts={texts} language={language} />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.post}</legend>
        <div class="kern-fieldset__body">
          <SelectField
            path="position"
            label={texts.postChoice}
            value={draft.position}
            choices={[...district.positions.map((position) => [position.id, position.title] as const), ['', texts.newPost] as const]}
            onValue={(position) => set({ position })}
            {...shared}
          />
          {!draft.position && (
            <>
              <TextField
                path="post.title"
                label={texts.postTitle}
                help={['PositionFieldsInput', 'title']}
                value={draft.postTitle}
                onValue={(postTitle) => set({ postTitle })}
                {...shared}
              />
              <SelectField
                path="post.role"
                label={texts.postRole}
                value={draft.role}
                choices={district.roles.map((role) => [role.key, role.germanName] as const)}
                onValue={(role) => set({ role })}
                {...shared}
              />
            </>
          )}
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.person}</legend>
        <div class="kern-fieldset__body">
          <TextField
            path="person.salutation"
            label={texts.salutation}
            help={['PersonInput', 'salutation']}
            value={draft.salutation}
            onValue={(salutation) => set({ salutation })}
            {...shared}
          />
          <TextField
            path="person.givenName"
            label={texts.givenName}
            value={draft.givenName}
            onValue={(givenName) => set({ givenName })}
            {...shared}
          />
          <TextField
            path="person.familyName"
            label={texts.familyName}
            help={['ContactFieldsInput', 'person']}
            value={draft.familyName}
            onValue={(familyName) => set({ familyName })}
            {...shared}
          />
        </div>
      </fieldset>
      <TextField
        path="channels[0].printed"
        label={texts.channelKinds.PHONE}
        help={['ChannelInput', 'printed']}
        value={draft.phone}
        onValue={(phone) => set({ phone })}
        {...shared}
      />
      <TextField
        path="channels[1].printed"
        label={texts.channelKinds.EMAIL}
        value={draft.email}
        onValue={(email) => set({ email })}
        {...shared}
      />
      <p class="kern-body status" role="status" id="save-status">
        {message}
      </p>
      <button type="submit" class="kern-btn kern-btn--primary">
        <span class="kern-label">{texts.addContactSubmit}</span>
      </button>
    </form>
  );
}

/** The contact's office hours as printed, in the languages of district websites (each saved set of hours). */
export function HoursTranslations({
  contact,
  texts,
  language,
  reload,
}: {
  contact: Contact;
  texts: Texts;
  language: Language;
  reload(): Promise<unknown>;
}) {
  if (!contact.officeHours.length) return null;
  return (
    <section aria-labelledby="hours-translations-heading">
      <h2 class="kern-heading-medium" id="hours-translations-heading">
        {texts.hoursTranslations}
      </h2>
      {contact.officeHours.map((hours, index) => (
        <section key={hours.id} aria-labelledby={`hours-${index}-heading`}>
          <h3 class="kern-heading-small" id={`hours-${index}-heading`}>
            {texts.officeHours} {index + 1}: {hours.printed}
          </h3>
          <Translations
            subject={hours.id}
            localized={hours}
            fields={[{ field: 'printed', label: texts.hoursPrinted, multiline: true }]}
            scope={`hours-${index}`}
            texts={texts}
            language={language}
            reload={reload}
          />
        </section>
      ))}
    </section>
  );
}
