// Form parts that show the API's problems where they belong: each problem at the field its
// `path` names, in the editor's language, and all of them in a summary above the form.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { EditorUpdateContactMutation } from '../../../schema/generated/graphql.js';
import { type IssueCode, issueText } from '../../rules/issues.js';
import { isPartialDate } from '../../rules/partialDate.js';
import { session } from './api.js';
import { helpOf } from './help.js';
import { provider, SignInFailure, startSignIn } from './signIn.js';
import type { Language, Texts } from './texts.js';

type Answer = EditorUpdateContactMutation['updateContact'];
export type Issue = Extract<Answer, { __typename: 'ValidationError' }>['issues'][number];

/** A typed text as an input value: null where nothing but blanks was typed (the API leaves the field empty). */
export const orNull = (text: string) => text.trim() || null;

/** A problem's path within the form: "fields.channels[0].printed" → "channels[0].printed". */
const formPath = (issue: Issue) => issue.path.replace(/^fields\./, '');

/** The element id of the field a form path names; `scope` tells apart forms of one page (a report's id). */
const fieldId = (path: string, scope?: string) => `f-${scope ? `${scope}-` : ''}${path.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;

/** A problem in the editor's language, from its code and parameters. */
export function said(issue: Issue, language: Language): string {
  const params = Object.fromEntries(issue.params.map(({ name, value }) => [name, value]));
  return issueText({ code: issue.code as IssueCode, params }, language);
}

interface FieldProps {
  path: string;
  /** Which of several forms on the page (their field ids differ by it). */
  scope?: string;
  label: string;
  /** The schema's input type and field whose description explains it. */
  help?: [type: string, field: string];
  issues: Issue[];
  language: Language;
  children: (attributes: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: true }) => ComponentChildren;
}

/** A labelled field with the schema's explanation and the problems at its path. */
export function Field({ path, scope, label, help, issues, language, children }: FieldProps) {
  const id = fieldId(path, scope);
  // A list field also shows the problems of its items (languages[1]).
  const own = issues.filter((issue) => formPath(issue) === path || formPath(issue).startsWith(`${path}[`));
  const explained = help && helpOf(...help, language);
  const described = [explained && `${id}-help`, own.length > 0 && `${id}-error`].filter(Boolean).join(' ');
  return (
    <div class={`kern-form-input${own.length ? ' kern-form-input--error' : ''}`}>
      <label class="kern-label" for={id}>
        {label}
      </label>
      {explained && (
        <div class="kern-hint" id={`${id}-help`} lang={explained.lang}>
          {explained.text}
        </div>
      )}
      {own.length > 0 && (
        <p class="kern-error" id={`${id}-error`} role="alert">
          <span class="kern-body">{own.map((issue) => said(issue, language)).join(' · ')}</span>
        </p>
      )}
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(own.length ? { 'aria-invalid': true } : {}) })}
    </div>
  );
}

interface TextFieldProps extends Omit<FieldProps, 'children'> {
  value: string;
  onValue(value: string): void;
  /** A few lines rather than one. */
  multiline?: boolean;
  /** The input's type where it is not text: the browser's date or time picker. */
  type?: 'text' | 'date' | 'time';
  /** The language of what is typed, where it is not the page's (a translation): read and written in its direction. */
  lang?: string;
}

const rightToLeft = new Set(['ar', 'fa', 'he']);

/** A text field at a path of the form, with its problems. */
export function TextField({ value, onValue, multiline, type = 'text', lang, ...field }: TextFieldProps) {
  const onInput = (event: { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => onValue(event.currentTarget.value);
  const language = lang ? { lang, dir: rightToLeft.has(lang) ? ('rtl' as const) : ('ltr' as const) } : {};
  return (
    <Field {...field}>
      {(attributes) =>
        multiline ? (
          <textarea class="kern-form-input__input" rows={2} {...attributes} {...language} value={value} onInput={onInput} />
        ) : (
          <input class="kern-form-input__input" type={type} {...attributes} {...language} value={value} onInput={onInput} />
        )
      }
    </Field>
  );
}

interface SelectFieldProps<Value extends string> extends Omit<FieldProps, 'children'> {
  value: Value;
  onValue(value: Value): void;
  /** Each choice's value and what the editor reads for it. */
  choices: (readonly [value: Value, label: string])[];
}

/** A choice of a list (a status, a programme, a post) at a path of the form, with its problems. */
export function SelectField<Value extends string>({ value, onValue, choices, ...field }: SelectFieldProps<Value>) {
  return (
    <Field {...field}>
      {(attributes) => (
        <div class="kern-form-input__select-wrapper">
          <select
            class="kern-form-input__select"
            {...attributes}
            value={value}
            onChange={(event) => onValue(event.currentTarget.value as Value)}
          >
            {choices.map(([choice, label]) => (
              <option key={choice} value={choice}>
                {label}
              </option>
            ))}
          </select>
        </div>
      )}
    </Field>
  );
}

/**
 * A problem the form finds before sending, said as the API would say it: values a scalar of the
 * API would refuse with the whole request (a PartialDate, a Float) rather than at their field.
 */
export const issueAt = (path: string, code: IssueCode, params: Record<string, string> = {}): Issue => ({
  path: `fields.${path}`,
  code,
  message: code,
  params: Object.entries(params).map(([name, value]) => ({ name, value })),
});

/** The typed dates (by their form path) that are no PartialDate ("2017", "2019-05", "2019-05-13"); empty ones are left out. */
export const partialDateIssues = (dates: Record<string, string>): Issue[] =>
  Object.entries(dates)
    .filter(([, date]) => date.trim() !== '' && !isPartialDate(date.trim()))
    .map(([path]) => issueAt(path, 'PARTIAL_DATE'));

/** Where an API token is typed: hidden like a password, never offered for autofill. */
export function TokenField({ id, texts, value, onValue }: { id: string; texts: Texts; value: string; onValue(token: string): void }) {
  return (
    <div class="kern-form-input">
      <label class="kern-label" for={id}>
        {texts.token}
      </label>
      <div class="kern-hint" id={`${id}-help`}>
        {texts.tokenHelp}
      </div>
      <input
        class="kern-form-input__input"
        id={id}
        type="password"
        autocomplete="off"
        aria-describedby={`${id}-help`}
        value={value}
        onInput={(event) => onValue(event.currentTarget.value)}
      />
    </div>
  );
}

/** Every problem at once, each a link to its field (KERN's error summary). */
export function ProblemSummary({ issues, texts, language, scope }: { issues: Issue[]; texts: Texts; language: Language; scope?: string }) {
  if (!issues.length) return null;
  return (
    <div class="kern-alert kern-alert--danger" role="alert" tabindex={-1} id={`problems${scope ? `-${scope}` : ''}`}>
      <div class="kern-alert__header">
        <span class="kern-title">{texts.problemsTitle(issues.length)}</span>
      </div>
      <div class="kern-alert__body">
        <ul class="kern-list">
          {issues.map((issue) => (
            <li key={`${issue.path}-${issue.code}`}>
              <a class="kern-link" href={`#${fieldId(formPath(issue), scope)}`} onClick={focusField(fieldId(formPath(issue), scope))}>
                {said(issue, language)}
              </a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** Links in the summary move the focus to their field, not the page's hash route. */
const focusField = (id: string) => (event: Event) => {
  event.preventDefault();
  document.getElementById(id)?.focus();
};

/** Someone else's version beside the editor's, each as lines, to take either. */
export function Conflict({
  theirs,
  yours,
  texts,
  onChoose,
}: {
  theirs: string[];
  yours: string[];
  texts: Texts;
  onChoose(take: 'theirs' | 'yours'): void;
}) {
  return (
    <div class="kern-alert kern-alert--warning" role="alert" tabindex={-1} id="conflict">
      <div class="kern-alert__header">
        <span class="kern-title">{texts.conflictTitle}</span>
      </div>
      <div class="kern-alert__body">
        <p class="kern-body">{texts.conflictIntro}</p>
        <div class="versions">
          {(
            [
              ['theirs', theirs],
              ['yours', yours],
            ] as const
          ).map(([who, version]) => (
            <section key={who} aria-labelledby={`version-${who}`}>
              <h3 class="kern-heading-small" id={`version-${who}`}>
                {texts[who]}
              </h3>
              <ul class="kern-list">
                {version.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
              <button type="button" class="kern-btn kern-btn--secondary" onClick={() => onChoose(who)}>
                <span class="kern-label">{who === 'theirs' ? texts.takeTheirs : texts.keepYours}</span>
              </button>
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

/** What went wrong signing in at the provider, in the editor's words; anything else is a bug and is thrown on. */
export function signInFailureText(error: unknown, texts: Texts): string {
  if (!(error instanceof SignInFailure)) throw error;
  return { cancelled: texts.signInCancelled, mismatch: texts.signInMismatch, provider: texts.signInFailed(error.message) }[error.kind];
}

/**
 * Leaves for the state's sign-in service, where one is configured, and returns to this place
 * of the app; a form's draft waits in the tab meanwhile.
 */
export function ProviderSignIn({ texts, primary = false }: { texts: Texts; primary?: boolean }) {
  const [failure, setFailure] = useState<string | null>(null);
  if (!provider) return null;
  const from = provider;
  return (
    <div class="provider-sign-in">
      <button
        type="button"
        class={`kern-btn ${primary ? 'kern-btn--primary' : 'kern-btn--secondary'}`}
        onClick={() => startSignIn(from, location.hash).catch((error: unknown) => setFailure(signInFailureText(error, texts)))}
      >
        <span class="kern-label">{texts.signInWithProvider}</span>
      </button>
      {failure && (
        <p class="kern-body" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}

/** A new token without leaving the form: the draft stays where it is. Or a new sign-in at the provider, with the draft kept in the tab. */
export function SignInAgain({ texts, onSignedIn }: { texts: Texts; onSignedIn(): void }) {
  const [token, setToken] = useState('');
  return (
    <>
      <ProviderSignIn texts={texts} />
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
    </>
  );
}

/** Where a form's save stands, as the forms' footers read it. */
type SaveState = { kind: string } | { kind: 'failed'; message: string; signedOut: boolean };

/**
 * A record form's end: what the last save answered (a live region), the submit button (its
 * label while saving), and the sign-in again where the sign-in ran out.
 */
export function SaveFooter({
  id,
  outcome,
  saved,
  submit,
  texts,
  onSignedIn,
}: {
  /** The status line's id, e.g. "offer-status". */
  id: string;
  outcome: SaveState;
  /** What the status says once saved. */
  saved: string;
  submit: string;
  texts: Texts;
  onSignedIn(): void;
}) {
  const failed = 'message' in outcome ? outcome : null;
  return (
    <>
      <p class={`kern-body status status--${outcome.kind}`} role="status" id={id}>
        {outcome.kind === 'saved' ? saved : failed?.message}
      </p>
      <button type="submit" class="kern-btn kern-btn--primary" disabled={outcome.kind === 'saving'}>
        <span class="kern-label">{outcome.kind === 'saving' ? texts.saving : submit}</span>
      </button>
      {failed?.signedOut && <SignInAgain texts={texts} onSignedIn={onSignedIn} />}
    </>
  );
}
