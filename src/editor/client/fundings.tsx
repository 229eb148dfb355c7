import { EditorCreateFundingDocument, EditorUpdateFundingDocument, type FundingFieldsInput } from '../../../schema/generated/graphql.js';
import { write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, type Issue, issueAt, orNull, ProblemSummary, partialDateIssues, SaveFooter, SelectField, TextField } from './fields.js';
import { useRecordForm } from './recordForm.js';
import type { Language, Texts } from './texts.js';

export type Funding = DistrictData['fundings'][number];

interface FundingDraft {
  description: string;
  /** A programme's key; empty where the funding names only its funder (or none is chosen yet). */
  programme: string;
  /** Global IDs of the district's post and project, or empty. */
  position: string;
  project: string;
  /** As typed, e.g. "90" or "87,5". */
  sharePercent: string;
  periodStart: string;
  periodEnd: string;
}

const draftOf = (funding: Funding | null): FundingDraft => ({
  description: funding?.description ?? '',
  programme: funding?.programme?.key ?? '',
  position: funding?.position?.id ?? '',
  project: funding?.project?.id ?? '',
  sharePercent: funding?.sharePercent == null ? '' : String(funding.sharePercent),
  periodStart: funding?.periodStart ?? '',
  periodEnd: funding?.periodEnd ?? '',
});

/** "87,5" or "87.5" → 87.5; empty → null; anything else → NaN. */
const percentOf = (typed: string): number | null => {
  const text = typed.trim().replace(/\s*%$/, '').replace(',', '.');
  return text === '' ? null : /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};

const fieldsOf = (draft: FundingDraft): FundingFieldsInput => ({
  description: draft.description,
  programme: orNull(draft.programme),
  position: orNull(draft.position),
  project: orNull(draft.project),
  sharePercent: percentOf(draft.sharePercent),
  periodStart: orNull(draft.periodStart),
  periodEnd: orNull(draft.periodEnd),
});

/** Values the API's scalars (Float, PartialDate) would refuse with the whole request, said at their fields instead. */
const typedIssues = (draft: FundingDraft): Issue[] => [
  ...(Number.isNaN(percentOf(draft.sharePercent)) ? [issueAt('sharePercent', 'WRONG_TYPE', { expected: 'number' })] : []),
  ...partialDateIssues({ periodStart: draft.periodStart, periodEnd: draft.periodEnd }),
];

/** How a funding is named in lists and headings: its programme (or funder), and what it funds. */
export const nameOf = (funding: Funding, texts: Texts) =>
  texts.fundingName(
    funding.programme?.shortName ?? funding.funder.name,
    funding.position?.title ?? funding.project?.name ?? funding.description,
  );

export function FundingList({ fundings, ags, texts }: { fundings: Funding[]; ags: string; texts: Texts }) {
  return (
    <>
      {fundings.length === 0 ? (
        <p class="kern-body">{texts.noFundings}</p>
      ) : (
        <ul class="kern-list funding-list">
          {fundings.map((funding) => (
            <li key={funding.id}>
              <a class="kern-link" href={`#/d/${ags}/f/${encodeURIComponent(funding.id)}`}>
                {nameOf(funding, texts)}
              </a>
              {(funding.periodStart || funding.periodEnd || funding.sharePercent != null) && (
                <span class="kern-body">
                  {' '}
                  {funding.sharePercent != null && `· ${funding.sharePercent} % `}
                  {(funding.periodStart || funding.periodEnd) && `· ${funding.periodStart ?? '…'}–${funding.periodEnd ?? '…'}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <a class="kern-link" href={`#/d/${ags}/f/new`}>
        {texts.addFunding}
      </a>
    </>
  );
}

interface FundingFormProps {
  funding: Funding | null;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

const fundingIn = (district: DistrictData, id: string) => district.fundings.find((funding) => funding.id === id);

export function FundingForm({ funding, district, texts, language, reload }: FundingFormProps) {
  // Kept in the tab until saved: a reload or a sign-in at the identity provider loses nothing.
  const { draft, set, outcome, setOutcome, answered, issues, save, resolve } = useRecordForm({
    record: funding,
    newDraftId: `new-funding-${district.ags}`,
    draftOf,
    send: async (shown, version) =>
      funding
        ? (await write(EditorUpdateFundingDocument, { input: { id: funding.id, version, fields: fieldsOf(shown) } })).updateFunding
        : (await write(EditorCreateFundingDocument, { input: { district: district.ags, fields: fieldsOf(shown) } })).createFunding,
    find: fundingIn,
    pageOf: (id) => `#/d/${district.ags}/f/${encodeURIComponent(id)}`,
    check: typedIssues,
    reload,
    texts,
  });
  const shared = { issues, language };

  const programmeName = (key: string) => {
    const programme = district.programmes.find((candidate) => candidate.key === key);
    return programme ? `${programme.shortName} (${programme.funder.name})` : key || texts.none;
  };
  const positionName = (id: string) => district.positions.find((position) => position.id === id)?.title ?? texts.none;
  const projectName = (id: string) => district.projects.find((project) => project.id === id)?.name ?? texts.none;
  const linesOf = (shown: FundingDraft) => [
    `${texts.fundingDescription}: ${shown.description}`,
    `${texts.fundingProgramme}: ${programmeName(shown.programme)}`,
    `${texts.fundingPosition}: ${positionName(shown.position)}`,
    `${texts.fundingProject}: ${projectName(shown.project)}`,
    `${texts.sharePercent}: ${shown.sharePercent || texts.none}`,
    `${texts.fundingPeriod}: ${shown.periodStart || '…'}–${shown.periodEnd || '…'}`,
  ];

  return (
    <form onSubmit={save} noValidate data-answered={answered} class="funding-form">
      <ProblemSummary issues={issues} texts={texts} language={language} />
      {outcome.kind === 'conflict' && (
        <Conflict
          theirs={linesOf(draftOf(outcome.theirs))}
          yours={linesOf(draft)}
          texts={texts}
          onChoose={(take) => resolve(outcome.theirs, take)}
        />
      )}
      <TextField
        path="description"
        label={texts.fundingDescription}
        help={['FundingFieldsInput', 'description']}
        value={draft.description}
        onValue={(description) => set({ description })}
        multiline
        {...shared}
      />
      <SelectField
        path="programme"
        label={texts.fundingProgramme}
        value={draft.programme}
        onValue={(programme) => set({ programme })}
        choices={[
          ['', funding && !funding.programme ? texts.funderOnly(funding.funder.name) : texts.chooseProgramme] as const,
          ...district.programmes.map(
            (programme) => [programme.key, `${programme.shortName} – ${programme.name} (${programme.funder.name})`] as const,
          ),
        ]}
        {...shared}
      />
      <SelectField
        path="position"
        label={texts.fundingPosition}
        value={draft.position}
        onValue={(position) => set({ position })}
        choices={[['', texts.nothingChosen] as const, ...district.positions.map((position) => [position.id, position.title] as const)]}
        {...shared}
      />
      {district.projects.length > 0 && (
        <SelectField
          path="project"
          label={texts.fundingProject}
          value={draft.project}
          onValue={(project) => set({ project })}
          choices={[['', texts.nothingChosen] as const, ...district.projects.map((project) => [project.id, project.name] as const)]}
          {...shared}
        />
      )}
      <TextField
        path="sharePercent"
        label={texts.sharePercent}
        help={['FundingFieldsInput', 'sharePercent']}
        value={draft.sharePercent}
        onValue={(sharePercent) => set({ sharePercent })}
        {...shared}
      />
      <TextField
        path="periodStart"
        label={texts.periodStart}
        help={['FundingFieldsInput', 'periodStart']}
        value={draft.periodStart}
        onValue={(periodStart) => set({ periodStart })}
        {...shared}
      />
      <TextField
        path="periodEnd"
        label={texts.periodEnd}
        help={['FundingFieldsInput', 'periodEnd']}
        value={draft.periodEnd}
        onValue={(periodEnd) => set({ periodEnd })}
        {...shared}
      />
      <SaveFooter
        id="funding-status"
        outcome={outcome}
        saved={texts.saved}
        submit={funding ? texts.save : texts.addFundingSubmit}
        texts={texts}
        onSignedIn={() => setOutcome({ kind: 'idle' })}
      />
    </form>
  );
}
