// A district's integration concept (Integrationskonzept): the list, and the form that adds or
// changes one — its status and adoption, its fields of action from the shared vocabulary (each
// with the concept's own label) and its milestones.
import { useState } from 'preact/hooks';
import {
  type ConceptFieldsInput,
  type ConceptStatus,
  EditorCreateConceptDocument,
  EditorUpdateConceptDocument,
  type FieldEmphasis,
  type MilestoneKind,
} from '../../../schema/generated/graphql.js';
import { write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, Field, type Issue, orNull, ProblemSummary, partialDateIssues, SaveFooter, SelectField, TextField } from './fields.js';
import { valuesOf } from './help.js';
import { useRecordForm } from './recordForm.js';
import type { Language, Texts } from './texts.js';

export type Concept = DistrictData['concepts'][number];

interface MilestoneDraft {
  kind: MilestoneKind;
  title: string;
  periodStart: string;
  periodEnd: string;
  /** The steps, one per line. */
  items: string;
}

interface ConceptDraft {
  title: string;
  status: ConceptStatus;
  /** "YYYY-MM-DD" as the date field gives it, or empty. */
  adoptedOn: string;
  adoptedBy: string;
  versionAsOf: string;
  summary: string;
  fieldsOfAction: { fieldOfAction: string; label: string; emphasis: FieldEmphasis }[];
  milestones: MilestoneDraft[];
}

const statuses = valuesOf<ConceptStatus>('ConceptStatus');
const emphases = valuesOf<FieldEmphasis>('FieldEmphasis');
const milestoneKinds = valuesOf<MilestoneKind>('MilestoneKind');

const newMilestone: MilestoneDraft = { kind: 'PLANNED', title: '', periodStart: '', periodEnd: '', items: '' };

const draftOf = (concept: Concept | null): ConceptDraft => ({
  title: concept?.title ?? '',
  status: concept?.status ?? 'IN_PREPARATION',
  adoptedOn: concept?.adoptedOn ?? '',
  adoptedBy: concept?.adoptedBy ?? '',
  versionAsOf: concept?.versionAsOf ?? '',
  summary: concept?.summary ?? '',
  fieldsOfAction: (concept?.fieldsOfAction ?? []).map(({ fieldOfAction, label, emphasis }) => ({
    fieldOfAction: fieldOfAction.key,
    label,
    emphasis,
  })),
  milestones: (concept?.milestones ?? []).map((milestone) => ({
    kind: milestone.kind,
    title: milestone.title,
    periodStart: milestone.periodStart ?? '',
    periodEnd: milestone.periodEnd ?? '',
    items: milestone.items.join('\n'),
  })),
});

/** The whole concept as the mutation takes it: its lists replace the stored ones. */
const fieldsOf = (draft: ConceptDraft): ConceptFieldsInput => ({
  title: draft.title,
  status: draft.status,
  adoptedOn: orNull(draft.adoptedOn),
  adoptedBy: orNull(draft.adoptedBy),
  versionAsOf: orNull(draft.versionAsOf),
  summary: orNull(draft.summary),
  fieldsOfAction: draft.fieldsOfAction,
  milestones: draft.milestones.map((milestone) => ({
    kind: milestone.kind,
    title: milestone.title,
    periodStart: orNull(milestone.periodStart),
    periodEnd: orNull(milestone.periodEnd),
    items: milestone.items
      .split('\n')
      .map((item) => item.trim())
      .filter(Boolean),
  })),
});

/** Dates the PartialDate scalar would refuse with the whole request, said at their fields instead. */
const dateIssues = (draft: ConceptDraft): Issue[] =>
  partialDateIssues({
    versionAsOf: draft.versionAsOf,
    ...Object.fromEntries(
      draft.milestones.flatMap((milestone, index) => [
        [`milestones[${index}].periodStart`, milestone.periodStart],
        [`milestones[${index}].periodEnd`, milestone.periodEnd],
      ]),
    ),
  });

const period = (start: string, end: string) => (start || end ? ` (${start || '…'}–${end || '…'})` : '');

const linesOf = (draft: ConceptDraft, texts: Texts) => [
  `${texts.conceptTitle}: ${draft.title}`,
  `${texts.conceptStatus}: ${texts.conceptStatuses[draft.status]}`,
  `${texts.adoptedOn}: ${draft.adoptedOn || texts.none}`,
  `${texts.fieldsOfAction}: ${draft.fieldsOfAction.map((field) => field.label).join(', ') || texts.none}`,
  `${texts.milestones}: ${draft.milestones.map((milestone) => `${milestone.title}${period(milestone.periodStart, milestone.periodEnd)}`).join('; ') || texts.none}`,
];

export function ConceptList({ concepts, ags, texts }: { concepts: Concept[]; ags: string; texts: Texts }) {
  return (
    <>
      {concepts.length === 0 ? (
        <p class="kern-body">{texts.noConcepts}</p>
      ) : (
        <ul class="kern-list concept-list">
          {concepts.map((concept) => (
            <li key={concept.id}>
              <a class="kern-link" href={`#/d/${ags}/k/${encodeURIComponent(concept.id)}`}>
                {concept.title}
              </a>{' '}
              <span class="kern-body">
                · {texts.conceptStatuses[concept.status]}
                {concept.fieldsOfAction.length > 0 && ` · ${concept.fieldsOfAction.map((field) => field.label).join(', ')}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a class="kern-link" href={`#/d/${ags}/k/new`}>
        {texts.addConcept}
      </a>
    </>
  );
}

interface ConceptFormProps {
  concept: Concept | null;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

const conceptIn = (district: DistrictData, id: string) => district.concepts.find((concept) => concept.id === id);

export function ConceptForm({ concept, district, texts, language, reload }: ConceptFormProps) {
  // Kept in the tab until saved: a reload or a sign-in at the identity provider loses nothing.
  const { draft, set, outcome, setOutcome, answered, issues, save, resolve } = useRecordForm({
    record: concept,
    newDraftId: `new-concept-${district.ags}`,
    draftOf,
    send: async (shown, version) =>
      concept
        ? (await write(EditorUpdateConceptDocument, { input: { id: concept.id, version, fields: fieldsOf(shown) } }))
            .updateIntegrationConcept
        : (await write(EditorCreateConceptDocument, { input: { district: district.ags, fields: fieldsOf(shown) } }))
            .createIntegrationConcept,
    find: conceptIn,
    pageOf: (id) => `#/d/${district.ags}/k/${encodeURIComponent(id)}`,
    check: dateIssues,
    reload,
    texts,
  });
  const [chosenField, setChosenField] = useState('');
  const shared = { issues, language };
  const setField = (index: number, part: Partial<ConceptDraft['fieldsOfAction'][number]>) =>
    set({ fieldsOfAction: draft.fieldsOfAction.map((field, at) => (at === index ? { ...field, ...part } : field)) });
  const setMilestone = (index: number, part: Partial<MilestoneDraft>) =>
    set({ milestones: draft.milestones.map((milestone, at) => (at === index ? { ...milestone, ...part } : milestone)) });
  const vocabulary = district.fieldsOfAction;
  const nameOf = (key: string) => {
    const entry = vocabulary.find((field) => field.key === key);
    return entry ? (language === 'de' ? entry.germanName : entry.name) : key;
  };
  const unchosen = vocabulary.filter((entry) => !draft.fieldsOfAction.some((field) => field.fieldOfAction === entry.key));

  const addField = () => {
    const entry = vocabulary.find((field) => field.key === chosenField) ?? unchosen[0];
    if (!entry) return;
    set({ fieldsOfAction: [...draft.fieldsOfAction, { fieldOfAction: entry.key, label: entry.germanName, emphasis: 'FIELD_OF_ACTION' }] });
    setChosenField('');
  };

  return (
    <form onSubmit={save} noValidate data-answered={answered} class="concept-form">
      <ProblemSummary issues={issues} texts={texts} language={language} />
      {outcome.kind === 'conflict' && (
        <Conflict
          theirs={linesOf(draftOf(outcome.theirs), texts)}
          yours={linesOf(draft, texts)}
          texts={texts}
          onChoose={(take) => resolve(outcome.theirs, take)}
        />
      )}
      <TextField
        path="title"
        label={texts.conceptTitle}
        help={['ConceptFieldsInput', 'title']}
        value={draft.title}
        onValue={(title) => set({ title })}
        {...shared}
      />
      <SelectField
        path="status"
        label={texts.conceptStatus}
        help={['ConceptFieldsInput', 'status']}
        value={draft.status}
        onValue={(status) => set({ status })}
        choices={statuses.map((status) => [status, texts.conceptStatuses[status]] as const)}
        {...shared}
      />
      <Field path="adoptedOn" label={texts.adoptedOn} help={['ConceptFieldsInput', 'adoptedOn']} {...shared}>
        {(attributes) => (
          <input
            class="kern-form-input__input"
            type="date"
            {...attributes}
            value={draft.adoptedOn}
            onInput={(event) => set({ adoptedOn: event.currentTarget.value })}
          />
        )}
      </Field>
      <TextField
        path="adoptedBy"
        label={texts.adoptedBy}
        help={['ConceptFieldsInput', 'adoptedBy']}
        value={draft.adoptedBy}
        onValue={(adoptedBy) => set({ adoptedBy })}
        {...shared}
      />
      <TextField
        path="versionAsOf"
        label={texts.versionAsOf}
        help={['ConceptFieldsInput', 'versionAsOf']}
        value={draft.versionAsOf}
        onValue={(versionAsOf) => set({ versionAsOf })}
        {...shared}
      />
      <TextField
        path="summary"
        label={texts.conceptSummary}
        help={['ConceptFieldsInput', 'summary']}
        value={draft.summary}
        onValue={(summary) => set({ summary })}
        multiline
        {...shared}
      />
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.fieldsOfAction}</legend>
        <div class="kern-fieldset__body">
          {draft.fieldsOfAction.map((field, index) => (
            <div class="row" key={field.fieldOfAction}>
              <TextField
                path={`fieldsOfAction[${index}].label`}
                label={texts.fieldLabel(nameOf(field.fieldOfAction))}
                value={field.label}
                onValue={(label) => setField(index, { label })}
                {...shared}
              />
              <SelectField
                path={`fieldsOfAction[${index}].emphasis`}
                label={texts.fieldEmphasis}
                value={field.emphasis}
                onValue={(emphasis) => setField(index, { emphasis })}
                choices={emphases.map((emphasis) => [emphasis, texts.emphases[emphasis]] as const)}
                {...shared}
              />
              <button
                type="button"
                class="kern-btn kern-btn--secondary"
                onClick={() => set({ fieldsOfAction: draft.fieldsOfAction.filter((_, at) => at !== index) })}
              >
                <span class="kern-label">{texts.removeField(field.label || nameOf(field.fieldOfAction))}</span>
              </button>
            </div>
          ))}
          {unchosen.length > 0 && (
            <>
              <SelectField
                path="fieldsOfAction-new"
                label={texts.chooseField}
                value={chosenField || unchosen[0]!.key}
                onValue={setChosenField}
                choices={unchosen.map((entry) => [entry.key, language === 'de' ? entry.germanName : entry.name] as const)}
                {...shared}
              />
              <button type="button" class="kern-btn kern-btn--secondary" onClick={addField}>
                <span class="kern-label">{texts.addField}</span>
              </button>
            </>
          )}
        </div>
      </fieldset>
      <fieldset class="kern-fieldset">
        <legend class="kern-label">{texts.milestones}</legend>
        <div class="kern-fieldset__body">
          {draft.milestones.map((milestone, index) => (
            <div class="hours milestone" key={index}>
              <SelectField
                path={`milestones[${index}].kind`}
                label={texts.milestoneKind}
                help={['ConceptMilestoneInput', 'kind']}
                value={milestone.kind}
                onValue={(kind) => setMilestone(index, { kind })}
                choices={milestoneKinds.map((kind) => [kind, texts.milestoneKinds[kind]] as const)}
                {...shared}
              />
              <TextField
                path={`milestones[${index}].title`}
                label={texts.milestoneTitle}
                help={['ConceptMilestoneInput', 'title']}
                value={milestone.title}
                onValue={(title) => setMilestone(index, { title })}
                {...shared}
              />
              <TextField
                path={`milestones[${index}].periodStart`}
                label={texts.periodStart}
                value={milestone.periodStart}
                onValue={(periodStart) => setMilestone(index, { periodStart })}
                {...shared}
              />
              <TextField
                path={`milestones[${index}].periodEnd`}
                label={texts.periodEnd}
                value={milestone.periodEnd}
                onValue={(periodEnd) => setMilestone(index, { periodEnd })}
                {...shared}
              />
              <TextField
                path={`milestones[${index}].items`}
                label={texts.milestoneItems}
                help={['ConceptMilestoneInput', 'items']}
                value={milestone.items}
                onValue={(items) => setMilestone(index, { items })}
                multiline
                {...shared}
              />
              <button
                type="button"
                class="kern-btn kern-btn--secondary"
                onClick={() => set({ milestones: draft.milestones.filter((_, at) => at !== index) })}
              >
                <span class="kern-label">{texts.removeMilestone(index + 1)}</span>
              </button>
            </div>
          ))}
          <button
            type="button"
            class="kern-btn kern-btn--tertiary"
            onClick={() => set({ milestones: [...draft.milestones, newMilestone] })}
          >
            <span class="kern-label">{texts.addMilestone}</span>
          </button>
        </div>
      </fieldset>
      <SaveFooter
        id="concept-status"
        outcome={outcome}
        saved={texts.saved}
        submit={concept ? texts.save : texts.addConceptSubmit}
        texts={texts}
        onSignedIn={() => setOutcome({ kind: 'idle' })}
      />
    </form>
  );
}
