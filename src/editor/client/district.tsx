// A district as its editors keep it: whether its data has been confirmed lately, its readers'
// problem reports to answer, first steps where it holds nothing yet, its contacts and offers, its
// integration concept and its fundings, its posts, documents and indicator values.
import { useState } from 'preact/hooks';
import {
  EditorAnswerReportDocument,
  EditorConceptsAndFundingsDocument,
  type EditorConceptsAndFundingsQuery,
  EditorDistrictDocument,
  type EditorDistrictQuery,
  EditorRecordsDocument,
  type EditorRecordsQuery,
  EditorVerifyDistrictDocument,
  type ProblemReportStatus,
} from '../../../schema/generated/graphql.js';
import { read, saidOfFailure, write } from './api.js';
import { ConceptList } from './concepts.js';
import { ContactList } from './contacts.js';
import { DocumentList } from './documents.js';
import { type Issue, orNull, ProblemSummary, TextField } from './fields.js';
import { FundingList } from './fundings.js';
import { IndicatorList } from './indicators.js';
import { OfferList } from './offers.js';
import { PostList } from './posts.js';
import { Preview } from './preview.js';
import type { Language, Texts } from './texts.js';
import { Workbook } from './workbook.js';

/**
 * The district, and the catalogue of roles a new post is given one of; its concepts and fundings
 * (a query of their own), with the shared fields of action, the funding programmes and its projects.
 */
export type DistrictData = EditorDistrictQuery['district'] &
  Pick<EditorDistrictQuery, 'roles'> &
  Pick<EditorConceptsAndFundingsQuery['district'], 'concepts' | 'fundings' | 'projects'> &
  Pick<EditorConceptsAndFundingsQuery, 'fieldsOfAction'> & {
    programmes: EditorConceptsAndFundingsQuery['fundingProgrammes']['edges'][number]['node'][];
  } & {
    /** Its posts with their tasks, documents and indicator values over time (a query of their own), with the catalogues of tasks and indicators. */
    posts: EditorRecordsQuery['district']['positions'];
    documents: EditorRecordsQuery['district']['documents'];
    indicatorValues: EditorRecordsQuery['district']['indicators'];
  } & Pick<EditorRecordsQuery, 'tasks' | 'indicators'>;
type Report = DistrictData['problemReports'][number];

export async function loadDistrict(ags: string): Promise<DistrictData> {
  const [{ district, roles }, plans, records] = await Promise.all([
    read(EditorDistrictDocument, { ags }),
    read(EditorConceptsAndFundingsDocument, { ags }),
    read(EditorRecordsDocument, { ags }),
  ]);
  const { concepts, fundings, projects } = plans.district;
  const programmes = plans.fundingProgrammes.edges.map((edge) => edge.node);
  const { positions: posts, documents, indicators: indicatorValues } = records.district;
  return {
    ...district,
    roles,
    concepts,
    fundings,
    projects,
    fieldsOfAction: plans.fieldsOfAction,
    programmes,
    posts,
    documents,
    indicatorValues,
    tasks: records.tasks,
    indicators: records.indicators,
  };
}

/** Data not confirmed for this long is flagged, as the ministries' comparison flags it. */
const confirmationDueMs = 183 * 24 * 3600 * 1000;

interface DistrictProps {
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

export function DistrictHome({ district, texts, language, reload }: DistrictProps) {
  return (
    <>
      {!district.coverage.hasData && <FirstSteps texts={texts} />}
      <Confirmation district={district} texts={texts} language={language} reload={reload} />
      <section aria-labelledby="reports-heading">
        <h2 class="kern-heading-medium" id="reports-heading">
          {texts.reports}
        </h2>
        {district.problemReports.length === 0 ? (
          <p class="kern-body">{texts.noReports}</p>
        ) : (
          <ul class="report-list">
            {district.problemReports.map((report, index) => (
              <li key={report.id}>
                <ReportAnswer report={report} scope={`report-${index}`} texts={texts} language={language} reload={reload} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="contacts-heading">
        <h2 class="kern-heading-medium" id="contacts-heading">
          {texts.contacts}
        </h2>
        <ContactList contacts={district.contacts.edges.map((edge) => edge.node)} texts={texts} ags={district.ags} />
      </section>
      <section aria-labelledby="offers-heading">
        <h2 class="kern-heading-medium" id="offers-heading">
          {texts.offers}
        </h2>
        <OfferList offers={district.offers.edges.map((edge) => edge.node)} ags={district.ags} texts={texts} />
      </section>
      <section aria-labelledby="concepts-heading">
        <h2 class="kern-heading-medium" id="concepts-heading">
          {texts.concepts}
        </h2>
        <ConceptList concepts={district.concepts} ags={district.ags} texts={texts} />
      </section>
      <section aria-labelledby="fundings-heading">
        <h2 class="kern-heading-medium" id="fundings-heading">
          {texts.fundings}
        </h2>
        <FundingList fundings={district.fundings} ags={district.ags} texts={texts} />
      </section>
      <section aria-labelledby="posts-heading">
        <h2 class="kern-heading-medium" id="posts-heading">
          {texts.posts}
        </h2>
        <PostList district={district} texts={texts} language={language} />
      </section>
      <section aria-labelledby="documents-heading">
        <h2 class="kern-heading-medium" id="documents-heading">
          {texts.documents}
        </h2>
        <DocumentList documents={district.documents} ags={district.ags} texts={texts} />
      </section>
      <section aria-labelledby="indicators-heading">
        <h2 class="kern-heading-medium" id="indicators-heading">
          {texts.indicators}
        </h2>
        <IndicatorList district={district} texts={texts} language={language} />
      </section>
      <Preview ags={district.ags} revision={district} texts={texts} />
      <Workbook district={district} texts={texts} language={language} reload={reload} />
    </>
  );
}

const day = (at: string, texts: Texts) => new Intl.DateTimeFormat(texts.dateTime, { dateStyle: 'long' }).format(new Date(at));

function Confirmation({ district, texts, reload }: DistrictProps) {
  const [message, setMessage] = useState<string | null>(null);
  const verified = district.lastVerifiedAt;
  const due = !verified || Date.now() - Date.parse(verified) > confirmationDueMs;
  async function confirm() {
    try {
      const { verifyDistrictData: answer } = await write(EditorVerifyDistrictDocument, {
        input: { district: district.ags, version: district.version },
      });
      if (answer.__typename === 'MutationVerifyDistrictDataSuccess') {
        await reload();
        setMessage(texts.confirmed);
      } else {
        // Changed meanwhile (VersionConflictError): what is shown now is what gets confirmed next.
        await reload();
        setMessage(answer.__typename === 'VersionConflictError' ? texts.confirmAgain : answer.message);
      }
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    }
  }
  return (
    <section aria-labelledby="confirm-heading" class="confirmation">
      <h2 class="kern-heading-medium" id="confirm-heading">
        {texts.confirmTitle}
      </h2>
      <p class="kern-body">{texts.lastVerified(verified && day(verified, texts))}</p>
      {due && (
        <div class="kern-alert kern-alert--warning">
          <div class="kern-alert__header">
            <span class="kern-title">{texts.confirmationDue}</span>
          </div>
        </div>
      )}
      <p class="kern-body">{texts.confirmHelp}</p>
      <button type="button" class="kern-btn kern-btn--primary" onClick={confirm}>
        <span class="kern-label">{texts.confirm}</span>
      </button>
      <p class="kern-body status" role="status" id="confirm-status">
        {message}
      </p>
    </section>
  );
}

function ReportAnswer({ report, scope, texts, language, reload }: { report: Report; scope: string } & Omit<DistrictProps, 'district'>) {
  const [answer, setAnswer] = useState(report.answer ?? '');
  const [issues, setIssues] = useState<Issue[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  async function send(status: ProblemReportStatus) {
    try {
      const { updateProblemReport: result } = await write(EditorAnswerReportDocument, {
        input: { id: report.id, version: report.version, fields: { answer: orNull(answer), status } },
      });
      if (result.__typename === 'ValidationError') return setIssues(result.issues);
      setIssues([]);
      if (result.__typename !== 'MutationUpdateProblemReportSuccess') return setMessage(result.message);
      await reload();
    } catch (error) {
      setMessage(saidOfFailure(error, texts));
    }
  }
  return (
    <article class="kern-card report" aria-labelledby={`${scope}-title`}>
      <div class="kern-card__container">
        <div class="kern-card__header">
          <h3 class="kern-heading-small" id={`${scope}-title`}>
            {texts.topics[report.topic]} · {day(report.createdAt, texts)} · {texts.reportStatus[report.status]}
          </h3>
        </div>
        <div class="kern-card__body">
          <p class="kern-body report-message">{report.message}</p>
          {report.contactEmail && <p class="kern-body">{texts.replyTo(report.contactEmail)}</p>}
          <ProblemSummary issues={issues} texts={texts} language={language} scope={scope} />
          <TextField
            path="answer"
            scope={scope}
            label={texts.answer}
            help={['ProblemReportAnswerFieldsInput', 'answer']}
            value={answer}
            onValue={setAnswer}
            multiline
            issues={issues}
            language={language}
          />
          <div class="buttons">
            <button type="button" class="kern-btn kern-btn--primary" onClick={() => send('ANSWERED')}>
              <span class="kern-label">{texts.sendAnswer}</span>
            </button>
            <button type="button" class="kern-btn kern-btn--secondary" onClick={() => send('CLOSED')}>
              <span class="kern-label">{texts.closeReport}</span>
            </button>
          </div>
          <p class="kern-body status" role="status">
            {message}
          </p>
        </div>
      </div>
    </article>
  );
}

/** Where a district holds nothing yet: what to do first, and the workbook to fill in. */
function FirstSteps({ texts }: { texts: Texts }) {
  return (
    <section aria-labelledby="first-steps-heading" class="kern-alert kern-alert--info first-steps">
      <div class="kern-alert__header">
        <h2 class="kern-title" id="first-steps-heading">
          {texts.firstStepsTitle}
        </h2>
      </div>
      <div class="kern-alert__body">
        <ol class="kern-list kern-list--number">
          {texts.firstSteps.map((step) => (
            <li key={step}>{step}</li>
          ))}
        </ol>
      </div>
    </section>
  );
}
