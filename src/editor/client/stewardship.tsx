// Bringing districts on board, for a state's ministry and administrators: every district they look
// after with what it holds, when it was last confirmed, its open reports and whether it has an
// editor yet; per district, its editors' access keys, issued (shown once) and revoked here.
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  EditorIssueTokenDocument,
  EditorRevokeTokenDocument,
  EditorStewardshipDocument,
  type EditorStewardshipQuery,
} from '../../../schema/generated/graphql.js';
import { ApiFailure, read, write } from './api.js';
import { type Issue, ProblemSummary, TextField } from './fields.js';
import type { Language, Texts } from './texts.js';

type Steward = NonNullable<EditorStewardshipQuery['viewer']>;
type District = Steward['districts'][number];

/** The districts as the ministry sees them, read again after each change. */
export function useStewardship(): [Steward | null, string | null, () => Promise<void>] {
  const [steward, setSteward] = useState<Steward | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const reload = useCallback(async () => {
    try {
      setSteward((await read(EditorStewardshipDocument, {})).viewer);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error.message);
    }
  }, []);
  useEffect(() => void reload(), [reload]);
  return [steward, failure, reload];
}

const day = (at: string | null, texts: Texts) =>
  at ? new Intl.DateTimeFormat(texts.dateTime, { dateStyle: 'medium' }).format(new Date(at)) : texts.none;

export function StewardOverview({ steward, texts }: { steward: Steward; texts: Texts }) {
  const withData = steward.districts.filter((district) => district.coverage.hasData).length;
  const withoutEditor = steward.districts.filter((district) => district.editorTokens.length === 0).length;
  return (
    <>
      <p class="kern-body" id="stewardship-summary">
        {texts.stewardshipSummary(steward.districts.length, withData, withoutEditor)}
      </p>
      <section class="scroll" tabindex={0} aria-labelledby="page-heading">
        <table class="kern-table kern-table--small kern-table--striped" id="stewardship">
          <thead class="kern-table__head">
            <tr class="kern-table__row">
              {texts.stewardshipColumns.map((column) => (
                <th class="kern-table__header" scope="col" key={column}>
                  {column}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="kern-table__body">
            {steward.districts.map((district) => (
              <tr class="kern-table__row" key={district.ags} data-ags={district.ags}>
                <th class="kern-table__header" scope="row">
                  <a class="kern-link" href={`#/s/${district.ags}`}>
                    {district.name}
                  </a>
                </th>
                <td class="kern-table__cell">
                  {district.coverage.hasData ? texts.holds(district.coverage.contactCount, district.coverage.offerCount) : texts.noData}
                </td>
                <td class="kern-table__cell">{day(district.lastVerifiedAt, texts)}</td>
                <td class="kern-table__cell">{district.problemReports.length}</td>
                <td class={`kern-table__cell${district.editorTokens.length ? '' : ' missing'}`}>
                  {district.editorTokens.length ? texts.editorCount(district.editorTokens.length) : texts.noEditor}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}

interface StewardDistrictProps {
  district: District;
  texts: Texts;
  language: Language;
  reload(): Promise<void>;
}

export function StewardDistrict({ district, texts, language, reload }: StewardDistrictProps) {
  const [name, setName] = useState('');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [issued, setIssued] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  async function issue(event: Event) {
    event.preventDefault();
    try {
      const { issueEditorToken: answer } = await write(EditorIssueTokenDocument, { input: { district: district.ags, fields: { name } } });
      if (answer.__typename === 'ValidationError') return setIssues(answer.issues);
      setIssues([]);
      if (answer.__typename !== 'MutationIssueEditorTokenSuccess') return setMessage(answer.message);
      await reload();
      setIssued(answer.data.token);
      setName('');
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setMessage(error.kind === 'network' ? texts.networkDown : error.message);
    }
  }

  async function revoke(id: string, holder: string) {
    if (!confirm(texts.revokeQuestion(holder))) return;
    try {
      const { revokeEditorToken: answer } = await write(EditorRevokeTokenDocument, { input: { id } });
      await reload();
      setMessage(answer.__typename === 'MutationRevokeEditorTokenSuccess' ? texts.revoked(holder) : answer.message);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setMessage(error.kind === 'network' ? texts.networkDown : error.message);
    }
  }

  return (
    <>
      <p class="kern-body">
        {district.coverage.hasData ? texts.holds(district.coverage.contactCount, district.coverage.offerCount) : texts.noData} ·{' '}
        {texts.lastVerified(district.lastVerifiedAt && day(district.lastVerifiedAt, texts))}
      </p>
      <section aria-labelledby="editors-heading">
        <h2 class="kern-heading-medium" id="editors-heading">
          {texts.editors}
        </h2>
        {district.editorTokens.length === 0 ? (
          <p class="kern-body">{texts.noEditorYet}</p>
        ) : (
          <ul class="kern-list token-list">
            {district.editorTokens.map((token) => (
              <li key={token.id}>
                <span class="kern-body">
                  {token.name} · {texts.since(day(token.createdAt, texts))}
                </span>{' '}
                <button type="button" class="kern-btn kern-btn--secondary" onClick={() => revoke(token.id, token.name)}>
                  <span class="kern-label">{texts.revoke(token.name)}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <p class="kern-body status" role="status" id="steward-status">
          {message}
        </p>
      </section>
      <section aria-labelledby="issue-heading">
        <h2 class="kern-heading-medium" id="issue-heading">
          {texts.issueTitle}
        </h2>
        {issued && (
          <div class="kern-alert kern-alert--success" role="alert" id="issued">
            <div class="kern-alert__header">
              <span class="kern-title">{texts.issuedTitle}</span>
            </div>
            <div class="kern-alert__body">
              <p class="kern-body">{texts.issuedHelp(`${location.origin}/editor`)}</p>
              <label class="kern-label" for="issued-token">
                {texts.token}
              </label>
              <input
                class="kern-form-input__input"
                id="issued-token"
                readOnly
                value={issued}
                onFocus={(event) => event.currentTarget.select()}
              />
            </div>
          </div>
        )}
        <form onSubmit={issue} noValidate>
          <ProblemSummary issues={issues} texts={texts} language={language} />
          <TextField
            path="name"
            label={texts.holderName}
            help={['EditorTokenFieldsInput', 'name']}
            value={name}
            onValue={setName}
            issues={issues}
            language={language}
          />
          <button type="submit" class="kern-btn kern-btn--primary">
            <span class="kern-label">{texts.issue}</span>
          </button>
        </form>
      </section>
    </>
  );
}
