// A district's indicators (Integrationsmonitoring): each with its current value on the district's
// page, and a page per indicator with its values over time and the form that records a new one.
// Nothing is overwritten: the new value ends the current one's validity where it begins.
import { useState } from 'preact/hooks';
import { EditorRecordIndicatorValueDocument, type ValueQualifier } from '../../../schema/generated/graphql.js';
import { ApiFailure, saidOfFailure, write } from './api.js';
import type { DistrictData } from './district.js';
import { useKeptDraft } from './drafts.js';
import { Conflict, type Issue, issueAt, orNull, ProblemSummary, SaveFooter, SelectField, TextField } from './fields.js';
import { valuesOf } from './help.js';
import type { Language, Texts } from './texts.js';

type Indicator = DistrictData['indicators'][number];
type Value = DistrictData['indicatorValues'][number];

interface ValueDraft {
  /** As typed, e.g. "4100" or "130,35". */
  value: string;
  printed: string;
  qualifier: ValueQualifier;
  /** "YYYY-MM-DD" as the date field gives it, or empty. */
  referenceDate: string;
  validFrom: string;
}

const qualifiers = valuesOf<ValueQualifier>('ValueQualifier');

const emptyDraft: ValueDraft = { value: '', printed: '', qualifier: 'EXACT', referenceDate: '', validFrom: '' };

/** "130,35" or "130.35" → 130.35; empty → null; anything else (also "4.100,5") → NaN. */
const numberOf = (typed: string): number | null => {
  const text = typed.replace(/\s/g, '').replace(',', '.');
  return text === '' ? null : /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
};

/** The value current today, and the earlier ones, newest first. */
export const valuesOfIndicator = (district: DistrictData, key: string) => {
  const values = district.indicatorValues
    .filter((value) => value.indicator.key === key)
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''));
  return { current: values.find((value) => value.validTo === null), earlier: values.filter((value) => value.validTo !== null) };
};

export const indicatorName = (indicator: Indicator, language: Language) => (language === 'de' ? indicator.germanName : indicator.name);

const valueText = (value: Value, texts: Texts) => texts.indicatorValue(value.printed, value.referenceDate ?? null);

export function IndicatorList({ district, texts, language }: { district: DistrictData; texts: Texts; language: Language }) {
  return (
    <ul class="kern-list indicator-list">
      {district.indicators.map((indicator) => {
        const { current } = valuesOfIndicator(district, indicator.key);
        return (
          <li key={indicator.key}>
            <a class="kern-link" href={`#/d/${district.ags}/i/${encodeURIComponent(indicator.key)}`}>
              {indicatorName(indicator, language)}
            </a>{' '}
            <span class="kern-body">· {current ? valueText(current, texts) : texts.noValue}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** A value as lines, for the list of values and for a conflict. */
const linesOfValue = (value: Value, texts: Texts) => [
  `${texts.printed}: ${value.printed}`,
  `${texts.qualifier}: ${texts.qualifiers[value.qualifier]} ${value.value}`,
  `${texts.referenceDate}: ${value.referenceDate ?? texts.none}`,
  texts.validPeriod(value.validFrom ?? null, value.validTo ?? null),
];

export function IndicatorValues({ indicator, district, texts }: { indicator: Indicator; district: DistrictData; texts: Texts }) {
  const { current, earlier } = valuesOfIndicator(district, indicator.key);
  return (
    <>
      <section aria-labelledby="current-heading">
        <h2 class="kern-heading-medium" id="current-heading">
          {texts.currentValue}
        </h2>
        {current ? (
          <ul class="kern-list current-value">
            {linesOfValue(current, texts).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : (
          <p class="kern-body">{texts.noValue}</p>
        )}
      </section>
      {earlier.length > 0 && (
        <section aria-labelledby="earlier-heading">
          <h2 class="kern-heading-medium" id="earlier-heading">
            {texts.earlierValues}
          </h2>
          <ul class="kern-list earlier-values">
            {earlier.map((value) => (
              <li key={value.id}>
                {valueText(value, texts)} · {texts.validPeriod(value.validFrom ?? null, value.validTo ?? null)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

interface ValueFormProps {
  indicator: Indicator;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

type Outcome =
  | { kind: 'idle' | 'saving' | 'saved' }
  | { kind: 'problems'; issues: Issue[] }
  | { kind: 'conflict'; theirs: Value }
  | { kind: 'failed'; message: string; signedOut: boolean };

/**
 * Not useRecordForm: a new value neither creates nor changes the record the form shows; the form
 * stays, emptied, for the next value; and a first value recorded meanwhile is a conflict too.
 */
export function ValueForm({ indicator, district, texts, language, reload }: ValueFormProps) {
  const { current } = valuesOfIndicator(district, indicator.key);
  // The new value waits in the tab until recorded, with the version of the value it follows.
  const draftId = `new-value-${district.ags}-${indicator.key}`;
  const { draft, setDraft, version, setVersion } = useKeptDraft(draftId, emptyDraft, current?.version ?? 0);
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  // Saves answered so far, on the form: a script (or a test) waits for the next by it.
  const [answered, setAnswered] = useState(0);
  const issues = outcome.kind === 'problems' ? outcome.issues : [];
  const shared = { issues, language };
  const set = (part: Partial<ValueDraft>) => setDraft({ ...draft, ...part });
  const unit = texts.units[indicator.unit] ?? indicator.unit;
  const linesOfDraft = (shown: ValueDraft) => [
    `${texts.printed}: ${shown.printed || shown.value}`,
    `${texts.qualifier}: ${texts.qualifiers[shown.qualifier]} ${shown.value}`,
    `${texts.referenceDate}: ${shown.referenceDate || texts.none}`,
    texts.validPeriod(shown.validFrom || shown.referenceDate || null, null),
  ];

  const showProblems = (found: Issue[]) => {
    setOutcome({ kind: 'problems', issues: found });
    requestAnimationFrame(() => document.getElementById('problems')?.focus());
  };

  /** Someone recorded a value meanwhile: theirs beside the editor's. */
  async function showConflict() {
    const { current: theirs } = valuesOfIndicator(await reload(), indicator.key);
    if (theirs) setOutcome({ kind: 'conflict', theirs });
    requestAnimationFrame(() => document.getElementById('conflict')?.focus());
  }

  async function save(event: Event) {
    event.preventDefault();
    const value = numberOf(draft.value);
    if (Number.isNaN(value)) {
      showProblems([issueAt('value', 'WRONG_TYPE', { expected: 'number' })]);
      setAnswered((count) => count + 1);
      return;
    }
    setOutcome({ kind: 'saving' });
    try {
      const { recordIndicatorValue: answer } = await write(EditorRecordIndicatorValueDocument, {
        input: {
          district: district.ags,
          indicator: indicator.key,
          currentVersion: current ? version : null,
          fields: {
            value,
            qualifier: draft.qualifier,
            printed: orNull(draft.printed),
            referenceDate: orNull(draft.referenceDate),
            validFrom: orNull(draft.validFrom),
          },
        },
      });
      if (answer.__typename === 'MutationRecordIndicatorValueSuccess') {
        // The form stays for the next value: emptied, its kept draft goes (a draft equal to the empty form is not kept).
        await reload();
        setDraft(emptyDraft);
        setVersion(answer.data.version);
        setOutcome({ kind: 'saved' });
      } else if (answer.__typename === 'VersionConflictError') {
        await showConflict();
      } else if (answer.__typename === 'ValidationError' && answer.issues.some((issue) => issue.path === 'currentVersion')) {
        // A first value recorded meanwhile: the same as a conflict.
        await showConflict();
      } else if (answer.__typename === 'ValidationError') {
        showProblems(answer.issues);
      } else {
        setOutcome({ kind: 'failed', message: answer.message, signedOut: false });
      }
    } catch (error) {
      setOutcome({
        kind: 'failed',
        message: saidOfFailure(error, texts),
        signedOut: error instanceof ApiFailure && error.kind === 'signedOut',
      });
    } finally {
      setAnswered((count) => count + 1);
    }
  }

  return (
    <section aria-labelledby="new-value-heading">
      <h2 class="kern-heading-medium" id="new-value-heading">
        {texts.newValue}
      </h2>
      <form onSubmit={save} noValidate data-answered={answered} class="value-form">
        <ProblemSummary issues={issues} texts={texts} language={language} />
        {outcome.kind === 'conflict' && (
          <Conflict
            theirs={linesOfValue(outcome.theirs, texts)}
            yours={linesOfDraft(draft)}
            texts={texts}
            onChoose={(take) => {
              // Taking theirs leaves their value current and the form empty; keeping one's own records it after theirs.
              if (take === 'theirs') setDraft(emptyDraft);
              setVersion(outcome.theirs.version);
              setOutcome({ kind: 'idle' });
            }}
          />
        )}
        <TextField
          path="value"
          label={texts.value(unit)}
          help={['IndicatorValueFieldsInput', 'value']}
          value={draft.value}
          onValue={(value) => set({ value })}
          {...shared}
        />
        {/* No help: the schema's words for it name the API's enum values, not what the editor chooses from. */}
        <SelectField
          path="qualifier"
          label={texts.qualifier}
          value={draft.qualifier}
          onValue={(qualifier) => set({ qualifier })}
          choices={qualifiers.map((qualifier) => [qualifier, texts.qualifiers[qualifier]] as const)}
          {...shared}
        />
        <TextField
          path="printed"
          label={texts.printed}
          help={['IndicatorValueFieldsInput', 'printed']}
          value={draft.printed}
          onValue={(printed) => set({ printed })}
          {...shared}
        />
        <TextField
          path="referenceDate"
          type="date"
          label={texts.referenceDate}
          help={['IndicatorValueFieldsInput', 'referenceDate']}
          value={draft.referenceDate}
          onValue={(referenceDate) => set({ referenceDate })}
          {...shared}
        />
        <TextField
          path="validFrom"
          type="date"
          label={texts.validFrom}
          help={['IndicatorValueFieldsInput', 'validFrom']}
          value={draft.validFrom}
          onValue={(validFrom) => set({ validFrom })}
          {...shared}
        />
        <SaveFooter
          id="value-status"
          outcome={outcome}
          saved={texts.recorded}
          submit={texts.recordValue}
          texts={texts}
          onSignedIn={() => setOutcome({ kind: 'idle' })}
        />
      </form>
    </section>
  );
}
