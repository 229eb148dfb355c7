// When another person has taken over a contact's post: the contact is not overwritten but closed on
// the day of the change, and its successor opened with the new person and the post's channels,
// addresses and office hours (updateContact with a person), so that the history keeps who held it.
import { useState } from 'preact/hooks';
import { EditorUpdateContactDocument } from '../../../schema/generated/graphql.js';
import { saidOfFailure, write } from './api.js';
import type { Contact } from './contacts.js';
import type { DistrictData } from './district.js';
import { hasKeptDraft } from './drafts.js';
import { type Issue, orNull, ProblemSummary, TextField } from './fields.js';
import type { Language, Texts } from './texts.js';

const scope = 'successor';

/** Today in Berlin, as the date input takes it. */
const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin' }).format(new Date());

export function Successor({
  contact,
  texts,
  language,
  reload,
}: {
  contact: Contact;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}) {
  const [person, setPerson] = useState({ salutation: '', givenName: '', familyName: '' });
  const [changeDate, setChangeDate] = useState(today);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const shared = { scope, issues, language };

  async function save(event: Event) {
    event.preventDefault();
    // The successor takes the post's channels, addresses and office hours as saved: unsaved changes
    // of the contact's form would be left behind with the ended contact.
    if (hasKeptDraft(contact.id)) return setMessage(texts.successorUnsaved);
    try {
      const { updateContact: answer } = await write(EditorUpdateContactDocument, {
        input: {
          id: contact.id,
          version: contact.version,
          changeDate,
          fields: { person: { ...person, salutation: orNull(person.salutation), givenName: orNull(person.givenName) } },
        },
      });
      if (answer.__typename === 'MutationUpdateContactSuccess') {
        const district = await reload();
        const current = district.contacts.edges.some((edge) => edge.node.id === answer.data.id);
        // A change on a later day: the successor is listed from that day on.
        location.hash = current ? `#/d/${district.ags}/c/${encodeURIComponent(answer.data.id)}` : `#/d/${district.ags}`;
      } else if (answer.__typename === 'ValidationError') {
        setIssues(answer.issues);
        requestAnimationFrame(() => document.getElementById(`problems-${scope}`)?.focus());
      } else {
        setIssues([]);
        setMessage(answer.__typename === 'VersionConflictError' ? texts.successorConflict : answer.message);
      }
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    }
  }

  const field = (name: keyof typeof person, help: string) => (
    <TextField
      path={`person.${name}`}
      label={texts[name]}
      help={['PersonInput', help]}
      value={person[name]}
      onValue={(value) => setPerson({ ...person, [name]: value })}
      {...shared}
    />
  );

  return (
    <section aria-labelledby="successor-heading">
      <h2 class="kern-heading-medium" id="successor-heading">
        {texts.successorTitle}
      </h2>
      <p class="kern-body">{texts.successorIntro}</p>
      <form onSubmit={save} noValidate class="successor-form">
        <ProblemSummary issues={issues} texts={texts} language={language} scope={scope} />
        {field('salutation', 'salutation')}
        {field('givenName', 'givenName')}
        {field('familyName', 'familyName')}
        <TextField
          path="changeDate"
          label={texts.changeDate}
          help={['UpdateContactInput', 'changeDate']}
          type="date"
          value={changeDate}
          onValue={setChangeDate}
          {...shared}
        />
        <button type="submit" class="kern-btn kern-btn--secondary">
          <span class="kern-label">{texts.saveSuccessor}</span>
        </button>
        <p class="kern-body status" role="status" id="successor-status">
          {message}
        </p>
      </form>
    </section>
  );
}
