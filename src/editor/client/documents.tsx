// A district's published documents (its integration concept as a file, funding guidelines,
// newsletters): the list, and the form that adds or changes one — its title, kind, address on
// the web, file format and date, and the funding programme or integration concept it belongs to.
import {
  type DocumentFieldsInput,
  type DocumentKind,
  EditorCreateDocumentDocument,
  EditorUpdateDocumentDocument,
} from '../../../schema/generated/graphql.js';
import { write } from './api.js';
import type { DistrictData } from './district.js';
import { Conflict, orNull, ProblemSummary, partialDateIssues, SaveFooter, SelectField, TextField } from './fields.js';
import { valuesOf } from './help.js';
import { useRecordForm } from './recordForm.js';
import type { Language, Texts } from './texts.js';

export type PublishedDocument = DistrictData['documents'][number];

interface DocumentDraft {
  title: string;
  kind: DocumentKind;
  url: string;
  format: string;
  issued: string;
  /** A programme's key, or empty. */
  programme: string;
  /** The global ID of one of the district's concepts, or empty. */
  concept: string;
}

const kinds = valuesOf<DocumentKind>('DocumentKind');

const draftOf = (document: PublishedDocument | null): DocumentDraft => ({
  title: document?.title ?? '',
  kind: document?.kind ?? 'OTHER',
  url: document?.url ?? '',
  format: document?.format ?? '',
  issued: document?.issued ?? '',
  programme: document?.programme?.key ?? '',
  concept: document?.concept?.id ?? '',
});

const fieldsOf = (draft: DocumentDraft): DocumentFieldsInput => ({
  title: draft.title,
  kind: draft.kind,
  url: orNull(draft.url),
  format: orNull(draft.format),
  issued: orNull(draft.issued),
  programme: orNull(draft.programme),
  concept: orNull(draft.concept),
});

export function DocumentList({ documents, ags, texts }: { documents: PublishedDocument[]; ags: string; texts: Texts }) {
  return (
    <>
      {documents.length === 0 ? (
        <p class="kern-body">{texts.noDocuments}</p>
      ) : (
        <ul class="kern-list document-list">
          {documents.map((document) => (
            <li key={document.id}>
              <a class="kern-link" href={`#/d/${ags}/doc/${encodeURIComponent(document.id)}`}>
                {document.title}
              </a>{' '}
              <span class="kern-body">
                · {texts.documentKinds[document.kind]}
                {document.issued && ` · ${document.issued}`}
              </span>
            </li>
          ))}
        </ul>
      )}
      <a class="kern-link" href={`#/d/${ags}/doc/new`}>
        {texts.addDocument}
      </a>
    </>
  );
}

interface DocumentFormProps {
  document: PublishedDocument | null;
  district: DistrictData;
  texts: Texts;
  language: Language;
  reload(): Promise<DistrictData>;
}

const documentIn = (district: DistrictData, id: string) => district.documents.find((document) => document.id === id);

export function DocumentForm({ document, district, texts, language, reload }: DocumentFormProps) {
  // Kept in the tab until saved: a reload or a sign-in at the identity provider loses nothing.
  const { draft, set, outcome, setOutcome, answered, issues, save, resolve } = useRecordForm({
    record: document,
    newDraftId: `new-document-${district.ags}`,
    draftOf,
    send: async (shown, version) =>
      document
        ? (await write(EditorUpdateDocumentDocument, { input: { id: document.id, version, fields: fieldsOf(shown) } })).updateDocument
        : (await write(EditorCreateDocumentDocument, { input: { district: district.ags, fields: fieldsOf(shown) } })).createDocument,
    find: documentIn,
    pageOf: (id) => `#/d/${district.ags}/doc/${encodeURIComponent(id)}`,
    check: (shown) => partialDateIssues({ issued: shown.issued }),
    reload,
    texts,
  });
  const shared = { issues, language };

  const programmeName = (key: string) => district.programmes.find((programme) => programme.key === key)?.shortName ?? texts.none;
  const conceptName = (id: string) => district.concepts.find((concept) => concept.id === id)?.title ?? texts.none;
  const linesOf = (shown: DocumentDraft) => [
    `${texts.documentTitle}: ${shown.title}`,
    `${texts.documentKind}: ${texts.documentKinds[shown.kind]}`,
    `${texts.documentUrl}: ${shown.url || texts.none}`,
    `${texts.documentFormat}: ${shown.format || texts.none}`,
    `${texts.documentIssued}: ${shown.issued || texts.none}`,
    `${texts.documentProgramme}: ${programmeName(shown.programme)}`,
    `${texts.documentConcept}: ${conceptName(shown.concept)}`,
  ];

  return (
    <form onSubmit={save} noValidate data-answered={answered} class="document-form">
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
        path="title"
        label={texts.documentTitle}
        help={['DocumentFieldsInput', 'title']}
        value={draft.title}
        onValue={(title) => set({ title })}
        {...shared}
      />
      <SelectField
        path="kind"
        label={texts.documentKind}
        help={['DocumentFieldsInput', 'kind']}
        value={draft.kind}
        onValue={(kind) => set({ kind })}
        choices={kinds.map((kind) => [kind, texts.documentKinds[kind]] as const)}
        {...shared}
      />
      <TextField
        path="url"
        label={texts.documentUrl}
        help={['DocumentFieldsInput', 'url']}
        value={draft.url}
        onValue={(url) => set({ url })}
        {...shared}
      />
      <TextField
        path="format"
        label={texts.documentFormat}
        help={['DocumentFieldsInput', 'format']}
        value={draft.format}
        onValue={(format) => set({ format })}
        {...shared}
      />
      <TextField
        path="issued"
        label={texts.documentIssued}
        help={['DocumentFieldsInput', 'issued']}
        value={draft.issued}
        onValue={(issued) => set({ issued })}
        {...shared}
      />
      <SelectField
        path="programme"
        label={texts.documentProgramme}
        value={draft.programme}
        onValue={(programme) => set({ programme })}
        choices={[
          ['', texts.nothingChosen] as const,
          ...district.programmes.map(
            (programme) => [programme.key, `${programme.shortName} – ${programme.name} (${programme.funder.name})`] as const,
          ),
        ]}
        {...shared}
      />
      <SelectField
        path="concept"
        label={texts.documentConcept}
        value={draft.concept}
        onValue={(concept) => set({ concept })}
        choices={[['', texts.nothingChosen] as const, ...district.concepts.map((concept) => [concept.id, concept.title] as const)]}
        {...shared}
      />
      <SaveFooter
        id="document-status"
        outcome={outcome}
        saved={texts.saved}
        submit={document ? texts.save : texts.addDocumentSubmit}
        texts={texts}
        onSignedIn={() => setOutcome({ kind: 'idle' })}
      />
    </form>
  );
}
