// Translations of a record's public texts into the languages district websites offer besides
// German (saveTranslation): an offer's title and description, office hours as printed, a concept's
// title and summary. Each language is saved on its own; what a language has no translation of
// yet starts empty (the API would answer it in German, `fellBack`); a translation emptied is removed.
import { useState } from 'preact/hooks';
import { EditorRemoveTranslationDocument, EditorSaveTranslationDocument } from '../../../schema/generated/graphql.js';
import { saidOfFailure, write } from './api.js';
import { type Issue, ProblemSummary, TextField } from './fields.js';
import type { Language, Texts } from './texts.js';

const translationLanguages = ['en', 'ar', 'uk'] as const;
type Target = (typeof translationLanguages)[number];

interface LocalizedText {
  field: string;
  /** The tag the translation is stored under: "en", or "en-GB" from a package. */
  language: string;
  text: string;
  fellBack: boolean;
}

/** A record's texts in each language, as `localized(lang:)` answers them (aliased en, ar, uk). */
type Localized = Record<Target, readonly LocalizedText[]>;

interface TranslatedField {
  field: string;
  label: string;
  multiline?: boolean;
}

interface TranslationsProps {
  /** The record's ID. */
  subject: string;
  localized: Localized;
  fields: TranslatedField[];
  /** Tells apart the record's fields from another's on the same page (e.g. "hours-0"). */
  scope?: string;
  /** The section's heading, where the translations are a section of their page of their own. */
  heading?: string;
  texts: Texts;
  language: Language;
  reload(): Promise<unknown>;
}

/** A fieldset per language, each with the record's translatable texts and its own "save". */
export function Translations({ heading, ...props }: TranslationsProps) {
  const languages = translationLanguages.map((target) => <Translation key={target} target={target} {...props} />);
  if (!heading) return <>{languages}</>;
  return (
    <section aria-labelledby="translations-heading">
      <h2 class="kern-heading-medium" id="translations-heading">
        {heading}
      </h2>
      {languages}
    </section>
  );
}

function Translation({
  subject,
  localized,
  fields,
  scope: within,
  target,
  texts,
  language,
  reload,
}: TranslationsProps & { target: Target }) {
  const translation = (field: string) => localized[target].find((text) => text.field === field && !text.fellBack);
  const existing = (field: string) => translation(field)?.text ?? '';
  const [values, setValues] = useState(() => Object.fromEntries(fields.map(({ field }) => [field, existing(field)])));
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const scope = [within, 'translation', target].filter(Boolean).join('-');

  /** Saves a text, or removes its translation where the field was emptied (readers get the German text again). */
  async function send(field: string, text: string) {
    // Under the tag it is stored under, so that a package's "en-GB" is changed rather than joined by an "en".
    const input = { subject, field, language: translation(field)?.language ?? target };
    if (text.trim()) {
      const { saveTranslation } = await write(EditorSaveTranslationDocument, { input: { ...input, fields: { text } } });
      return saveTranslation;
    }
    const { removeTranslation } = await write(EditorRemoveTranslationDocument, { input });
    // Removed meanwhile by someone else: what the editor asked for is done.
    return removeTranslation.__typename === 'NotFoundError' ? { __typename: 'Removed' as const } : removeTranslation;
  }

  async function save() {
    const changed = Object.entries(values).filter(([field, text]) => text.trim() !== existing(field).trim());
    try {
      for (const [field, text] of changed) {
        const answer = await send(field, text);
        if (answer.__typename === 'ValidationError') {
          setIssues(answer.issues.map((issue) => ({ ...issue, path: field })));
          return;
        }
        if ('message' in answer) return setMessage(answer.message);
      }
      setIssues([]);
      await reload();
      setMessage(texts.saved);
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    }
  }

  return (
    <fieldset class="kern-fieldset translation" data-lang={target}>
      <legend class="kern-label">{texts.languageNames[target]}</legend>
      <div class="kern-fieldset__body">
        <ProblemSummary issues={issues} texts={texts} language={language} scope={scope} />
        {fields.map(({ field, label, multiline }) => (
          <TextField
            key={field}
            path={field}
            scope={scope}
            label={label}
            value={values[field] ?? ''}
            onValue={(text) => setValues({ ...values, [field]: text })}
            multiline={multiline}
            lang={target}
            issues={issues}
            language={language}
          />
        ))}
        <button type="button" class="kern-btn kern-btn--secondary" onClick={save}>
          <span class="kern-label">{texts.saveTranslation(texts.languageNames[target])}</span>
        </button>
        <p class="kern-body status" role="status" id={`${scope}-status`}>
          {message}
        </p>
      </div>
    </fieldset>
  );
}
