// Client developers' path: codegen from the committed schema and operations, a strict
// type-check of the generated code with the example client, and every operation executed
// over HTTP against the real server.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { generate } from '@graphql-codegen/cli';
import { afterAll, beforeAll, expect, test } from 'vitest';
import codegenConfig from '../../codegen.js';
import { request } from '../../examples/typed-client/request.js';
import type { EditorImportWorkbookMutation, EditorImportWorkbookMutationVariables } from '../../schema/generated/graphql.js';
import { rootDir } from '../../src/paths.js';
import { createToken } from '../../src/tokens/issue.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { workbookOf, workbookType } from '../support/workbooks.js';

let server: TestServer;
let documents: typeof import('../../schema/generated/graphql.js');
beforeAll(async () => {
  await generate({ ...codegenConfig, cwd: rootDir, silent: true }, true);
  documents = await import('../../schema/generated/graphql.js');
  server = await startTestServer();
}, 120_000);
afterAll(() => server?.close());

test('the generated code and the example client type-check strictly', async () => {
  const tsc = join(rootDir, 'node_modules', 'typescript', 'bin', 'tsc');
  await expect(promisify(execFile)(process.execPath, [tsc, '-p', 'examples/typed-client'], { cwd: rootDir })).resolves.toBeDefined();
}, 60_000);

/** The editors' app's operations need an editor's token (its mutations are checked by answers that change nothing). */
const editorToken = async () =>
  (await createToken(server.database.client, { name: 'Redaktion Kyffhäuserkreis', role: 'EDITOR', districtIds: ['16065'] })).token;

// A check per operation in schema/operations (one may run several, named together); a new operation without one fails below.
const checks: Record<string, () => Promise<void>> = {
  async EditorViewer() {
    const { viewer } = await request(server.url, documents.EditorViewerDocument, {}, await editorToken());
    expect(viewer?.districts.map((district) => district.name)).toEqual(['Kyffhäuserkreis']);
  },
  async EditorDistrict() {
    const { district } = await request(server.url, documents.EditorDistrictDocument, { ags: '16065' }, await editorToken());
    expect(district.coverage.hasData).toBe(true);
    const contact = district.contacts.edges.find(({ node }) => node.person?.displayName === 'Herr Pilavskij')!.node;
    expect(contact.channels[0]).toMatchObject({ kind: 'PHONE', printed: '03632 / 741-261' });
  },
  async EditorUpdateContact() {
    const { district } = await request(server.url, documents.ContactCardDocument, { ags: '16065' });
    const input = { id: district.contacts.edges[0]!.node.id, version: 0, fields: { channels: [] } };
    const { updateContact } = await request(server.url, documents.EditorUpdateContactDocument, { input }, await editorToken());
    expect(updateContact).toMatchObject({ __typename: 'VersionConflictError', currentVersion: 1 });
  },
  async EditorImportWorkbook() {
    // A file travels as a GraphQL multipart request, which the example client does not send: by hand, the document typed.
    const token = await editorToken();
    const workbook = new Blob([new Uint8Array(await workbookOf(server, token, '16065'))], { type: workbookType });
    const variables: EditorImportWorkbookMutationVariables = { input: { district: '16065', workbook } };
    const body = new FormData();
    body.set(
      'operations',
      JSON.stringify({ query: documents.EditorImportWorkbookDocument.toString(), variables: { input: { district: '16065' } } }),
    );
    body.set('map', JSON.stringify({ 0: ['variables.input.workbook'] }));
    body.set('0', variables.input.workbook);
    const response = await fetch(server.url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body });
    const { data } = (await response.json()) as { data: EditorImportWorkbookMutation };
    if (data.importDistrictWorkbook.__typename !== 'MutationImportDistrictWorkbookSuccess')
      throw new Error(data.importDistrictWorkbook.__typename);
    expect(data.importDistrictWorkbook.data).toMatchObject({ dryRun: true, added: [], changed: [], conflicts: [] });
  },
  async EditorVerifyDistrict() {
    const input = { district: '16065', version: 0 };
    const { verifyDistrictData } = await request(server.url, documents.EditorVerifyDistrictDocument, { input }, await editorToken());
    expect(verifyDistrictData.__typename).toBe('VersionConflictError');
  },
  async 'EditorStewardship EditorIssueToken EditorRevokeToken'() {
    const ministry = (await createToken(server.database.client, { name: 'TMASGFF', role: 'MINISTRY', stateId: 'TH' })).token;
    const { viewer } = await request(server.url, documents.EditorStewardshipDocument, {}, ministry);
    expect(viewer?.districts).toHaveLength(22);
    const input = { district: '16062', fields: { name: 'Redaktion Nordhausen' } };
    const { issueEditorToken } = await request(server.url, documents.EditorIssueTokenDocument, { input }, ministry);
    if (issueEditorToken.__typename !== 'MutationIssueEditorTokenSuccess') throw new Error(issueEditorToken.__typename);
    expect(issueEditorToken.data.token).toMatch(/^igt_/);
    const revoke = { id: issueEditorToken.data.editorToken.id };
    const { revokeEditorToken } = await request(server.url, documents.EditorRevokeTokenDocument, { input: revoke }, ministry);
    expect(revokeEditorToken.__typename).toBe('MutationRevokeEditorTokenSuccess');
  },
  async 'EditorCreateOffer EditorUpdateOffer EditorSaveTranslation EditorRemoveTranslation EditorHistory EditorArchiveOffer'() {
    const token = await editorToken();
    const fields = { title: 'Sprechstunde', category: 'COUNSELLING' as const, description: 'Beratung ohne Termin.', places: ['Artern'] };
    const { createOffer } = await request(server.url, documents.EditorCreateOfferDocument, { input: { district: '16065', fields } }, token);
    if (createOffer.__typename !== 'MutationCreateOfferSuccess') throw new Error(createOffer.__typename);
    const { id, version } = createOffer.data;
    const update = { id, version, fields: { title: 'Offene Sprechstunde' } };
    const { updateOffer } = await request(server.url, documents.EditorUpdateOfferDocument, { input: update }, token);
    expect(updateOffer).toMatchObject({ __typename: 'MutationUpdateOfferSuccess', data: { version: version + 1 } });
    const translation = { subject: id, field: 'title', language: 'en', fields: { text: 'Open office hours' } };
    const { saveTranslation } = await request(server.url, documents.EditorSaveTranslationDocument, { input: translation }, token);
    expect(saveTranslation.__typename).toBe('MutationSaveTranslationSuccess');
    const { fields: _text, ...which } = translation;
    const { removeTranslation } = await request(server.url, documents.EditorRemoveTranslationDocument, { input: which }, token);
    expect(removeTranslation.__typename).toBe('MutationRemoveTranslationSuccess');
    const { history } = await request(server.url, documents.EditorHistoryDocument, { of: id }, token);
    expect(history.map((event) => `${event?.action} ${event?.entityType}`)).toEqual([
      'ARCHIVE Translation',
      'CREATE Translation',
      'UPDATE Offer',
      'CREATE Offer',
    ]);
    // A translation counts as a change of its offer: archived at the version it has now.
    const { node } = (await server.graphql(`{ node(id: "${id}") { ... on Offer { version } } }`)).data;
    const { archiveOffer } = await request(
      server.url,
      documents.EditorArchiveOfferDocument,
      { input: { id, version: node.version } },
      token,
    );
    expect(archiveOffer.__typename).toBe('MutationArchiveOfferSuccess');
  },
  async 'EditorCreatePosition EditorCreateContact EditorArchiveContact'() {
    const token = await editorToken();
    const post = { district: '16065', fields: { title: 'Integrationsmanagerin', role: 'integration-manager' } };
    const { createPosition } = await request(server.url, documents.EditorCreatePositionDocument, { input: post }, token);
    if (createPosition.__typename !== 'MutationCreatePositionSuccess') throw new Error(createPosition.__typename);
    const contact = { district: '16065', fields: { position: createPosition.data.id, person: { familyName: 'Beispiel' } } };
    const { createContact } = await request(server.url, documents.EditorCreateContactDocument, { input: contact }, token);
    if (createContact.__typename !== 'MutationCreateContactSuccess') throw new Error(createContact.__typename);
    const archive = { id: createContact.data.id, version: 1 };
    const { archiveContact } = await request(server.url, documents.EditorArchiveContactDocument, { input: archive }, token);
    expect(archiveContact.__typename).toBe('MutationArchiveContactSuccess');
  },
  async 'EditorConceptsAndFundings EditorCreateConcept EditorUpdateConcept EditorArchiveConcept'() {
    const token = await editorToken();
    const read = () => request(server.url, documents.EditorConceptsAndFundingsDocument, { ags: '16065' }, token);
    const before = await read();
    expect(before.fieldsOfAction.map((field) => field.key)).toContain('education');
    expect(before.fundingProgrammes.edges.map((edge) => edge.node.key)).toContain('thilik');
    expect(before.district.concepts.map((concept) => concept.status)).toEqual(['BEING_UPDATED']);
    const fields = { title: 'Integrationskonzept 2030', status: 'IN_PREPARATION' as const };
    const { createIntegrationConcept: created } = await request(
      server.url,
      documents.EditorCreateConceptDocument,
      { input: { district: '16065', fields } },
      token,
    );
    if (created.__typename !== 'MutationCreateIntegrationConceptSuccess') throw new Error(created.__typename);
    const { id, version } = created.data;
    const change = {
      id,
      version,
      fields: {
        fieldsOfAction: [{ fieldOfAction: 'health', label: 'Gesundheit' }],
        milestones: [{ kind: 'PLANNED' as const, title: 'Beschluss im Kreistag', periodStart: '2027' }],
      },
    };
    const { updateIntegrationConcept: updated } = await request(
      server.url,
      documents.EditorUpdateConceptDocument,
      { input: change },
      token,
    );
    expect(updated).toMatchObject({ __typename: 'MutationUpdateIntegrationConceptSuccess', data: { version: version + 1 } });
    const concept = (await read()).district.concepts.find((candidate) => candidate.id === id);
    expect(concept).toMatchObject({
      fieldsOfAction: [{ fieldOfAction: { key: 'health' }, label: 'Gesundheit', emphasis: 'FIELD_OF_ACTION' }],
    });
    expect(concept?.milestones).toEqual([
      { kind: 'PLANNED', title: 'Beschluss im Kreistag', periodStart: '2027', periodEnd: null, items: [] },
    ]);
    const archive = { id, version: version + 1 };
    const { archiveIntegrationConcept } = await request(server.url, documents.EditorArchiveConceptDocument, { input: archive }, token);
    expect(archiveIntegrationConcept.__typename).toBe('MutationArchiveIntegrationConceptSuccess');
    expect((await read()).district.concepts.map((candidate) => candidate.id)).not.toContain(id);
  },
  async 'EditorCreateFunding EditorUpdateFunding EditorArchiveFunding'() {
    const token = await editorToken();
    const fields = { description: 'Integrationsmanagement', programme: 'thilik', sharePercent: 90, periodStart: '2024' };
    const { createFunding } = await request(
      server.url,
      documents.EditorCreateFundingDocument,
      { input: { district: '16065', fields } },
      token,
    );
    if (createFunding.__typename !== 'MutationCreateFundingSuccess') throw new Error(createFunding.__typename);
    const { id, version } = createFunding.data;
    const change = { id, version, fields: { sharePercent: 150 } };
    const { updateFunding: refused } = await request(server.url, documents.EditorUpdateFundingDocument, { input: change }, token);
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'fields.sharePercent', code: 'PERCENTAGE' }] });
    const { updateFunding } = await request(
      server.url,
      documents.EditorUpdateFundingDocument,
      { input: { ...change, fields: { sharePercent: 80 } } },
      token,
    );
    expect(updateFunding).toMatchObject({ __typename: 'MutationUpdateFundingSuccess', data: { version: version + 1 } });
    const { archiveFunding } = await request(
      server.url,
      documents.EditorArchiveFundingDocument,
      { input: { id, version: version + 1 } },
      token,
    );
    expect(archiveFunding.__typename).toBe('MutationArchiveFundingSuccess');
  },
  async 'EditorRecords EditorUpdatePosition EditorArchivePosition'() {
    const token = await editorToken();
    const read = () => request(server.url, documents.EditorRecordsDocument, { ags: '16065' }, token);
    const before = await read();
    expect(before.tasks.map((task) => task.key)).toContain('regional-network-work');
    expect(before.indicators.map((indicator) => indicator.key)).toContain('population-migration-background');
    const guide = before.district.positions.find((post) => post.role.key === 'integration-guide')!;
    expect(guide).toMatchObject({ title: 'Integrationslotse (m/w/d)', since: '2016-06' });
    expect(guide.tasks).toHaveLength(12);
    expect(before.district.documents[0]).toMatchObject({ kind: 'INTEGRATION_CONCEPT', concept: { id: expect.any(String) } });
    // Values over time: the earlier one with the day its successor began.
    const migration = before.district.indicators.filter(({ indicator }) => indicator.key === 'population-migration-background');
    expect(migration.map(({ printed, validTo }) => [printed, validTo])).toEqual([
      ['mehr als 1.800', '2019-12-31'],
      ['mehr als 3.900', null],
    ]);
    const post = { district: '16065', fields: { title: 'Bildungskoordination', role: 'education-coordinator' } };
    const { createPosition } = await request(server.url, documents.EditorCreatePositionDocument, { input: post }, token);
    if (createPosition.__typename !== 'MutationCreatePositionSuccess') throw new Error(createPosition.__typename);
    const { id } = createPosition.data;
    const tasks = [{ task: 'information-on-funding', wording: 'Informiert über Fördermittel' }];
    const { updatePosition: refused } = await request(
      server.url,
      documents.EditorUpdatePositionDocument,
      { input: { id, version: 1, fields: { headcount: 0, tasks } } },
      token,
    );
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'fields.headcount', code: 'AT_LEAST' }] });
    const { updatePosition } = await request(
      server.url,
      documents.EditorUpdatePositionDocument,
      { input: { id, version: 1, fields: { headcount: 2, tasks } } },
      token,
    );
    expect(updatePosition).toMatchObject({ __typename: 'MutationUpdatePositionSuccess', data: { version: 2 } });
    const saved = (await read()).district.positions.find((candidate) => candidate.id === id);
    expect(saved).toMatchObject({
      headcount: 2,
      tasks: [{ task: { key: 'information-on-funding' }, wording: 'Informiert über Fördermittel' }],
    });
    const { archivePosition } = await request(server.url, documents.EditorArchivePositionDocument, { input: { id, version: 2 } }, token);
    expect(archivePosition.__typename).toBe('MutationArchivePositionSuccess');
  },
  async 'EditorCreateDocument EditorUpdateDocument EditorArchiveDocument'() {
    const token = await editorToken();
    const fields = { title: 'Förderrichtlinie ThILIK', kind: 'GUIDELINE' as const, programme: 'thilik', issued: '2024-01' };
    const { createDocument } = await request(
      server.url,
      documents.EditorCreateDocumentDocument,
      { input: { district: '16065', fields } },
      token,
    );
    if (createDocument.__typename !== 'MutationCreateDocumentSuccess') throw new Error(createDocument.__typename);
    const { id, version } = createDocument.data;
    const change = { id, version, fields: { url: 'ftp://example.org/richtlinie.pdf' } };
    const { updateDocument: refused } = await request(server.url, documents.EditorUpdateDocumentDocument, { input: change }, token);
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'fields.url' }] });
    const { updateDocument } = await request(
      server.url,
      documents.EditorUpdateDocumentDocument,
      { input: { ...change, fields: { url: 'https://example.org/richtlinie.pdf', format: 'PDF' } } },
      token,
    );
    expect(updateDocument).toMatchObject({ __typename: 'MutationUpdateDocumentSuccess', data: { version: version + 1 } });
    const { district } = await request(server.url, documents.EditorRecordsDocument, { ags: '16065' }, token);
    expect(district.documents.find((document) => document.id === id)).toMatchObject({
      url: 'https://example.org/richtlinie.pdf',
      format: 'PDF',
      programme: { key: 'thilik' },
      concept: null,
    });
    const { archiveDocument } = await request(
      server.url,
      documents.EditorArchiveDocumentDocument,
      { input: { id, version: version + 1 } },
      token,
    );
    expect(archiveDocument.__typename).toBe('MutationArchiveDocumentSuccess');
  },
  async EditorRecordIndicatorValue() {
    const token = await editorToken();
    const input = { district: '16065', indicator: 'integration-managers-in-network', fields: { value: -1 } };
    const { recordIndicatorValue: refused } = await request(server.url, documents.EditorRecordIndicatorValueDocument, { input }, token);
    expect(refused).toMatchObject({ __typename: 'ValidationError', issues: [{ path: 'fields.value', code: 'AT_LEAST' }] });
    const { recordIndicatorValue } = await request(
      server.url,
      documents.EditorRecordIndicatorValueDocument,
      { input: { ...input, fields: { value: 2, referenceDate: '2026-01-01' } } },
      token,
    );
    expect(recordIndicatorValue).toMatchObject({ __typename: 'MutationRecordIndicatorValueSuccess', data: { version: 1 } });
  },
  async EditorAnswerReport() {
    const { district } = await request(server.url, documents.ContactCardDocument, { ags: '16065' });
    const subject = district.contacts.edges[0]!.node.id;
    await server.graphql('mutation ($input: CreateProblemReportInput!) { createProblemReport(input: $input) { __typename } }', {
      input: { subject, fields: { message: 'Die Telefonnummer ist veraltet.' } },
    });
    const token = await editorToken();
    const [report] = (await request(server.url, documents.EditorDistrictDocument, { ags: '16065' }, token)).district.problemReports;
    const input = { id: report!.id, version: report!.version, fields: { answer: 'Danke, korrigiert.', status: 'ANSWERED' as const } };
    const { updateProblemReport } = await request(server.url, documents.EditorAnswerReportDocument, { input }, token);
    expect(updateProblemReport).toMatchObject({ __typename: 'MutationUpdateProblemReportSuccess', data: { status: 'ANSWERED' } });
  },
  async ContactCard() {
    const { district } = await request(server.url, documents.ContactCardDocument, { ags: '16065', asOf: '2016-07-01' });
    const weise = district.contacts.edges[0]!.node;
    expect(weise.person?.displayName).toBe('Frau Christin Weise');
    const phone: string | null | undefined = weise.channels.find((channel) => channel.kind === 'PHONE')?.href;
    expect(phone).toBe('tel:+493632741273');
    const monday = weise.officeHours[0]!.intervals.filter((interval) => interval.weekday === 'MONDAY');
    expect(monday.map(({ opens, closes }) => `${opens}-${closes}`)).toEqual(['09:00-11:00', '13:00-20:00']);
  },
  async Offers() {
    const first = await request(server.url, documents.OffersDocument, { filter: { area: { state: 'TH' } }, first: 5 });
    expect(first.offers.totalCount).toBe(8);
    expect(first.offers.pageInfo.hasNextPage).toBe(true);
    const rest = await request(server.url, documents.OffersDocument, {
      filter: { area: { state: 'TH' } },
      first: 5,
      after: first.offers.pageInfo.endCursor,
    });
    const titles = [...first.offers.edges, ...rest.offers.edges].map(({ node }) => node.title);
    expect(new Set(titles).size).toBe(8);
    const courses = await request(server.url, documents.OffersDocument, { filter: { category: 'LANGUAGE_COURSE' } });
    expect(courses.offers.edges.map(({ node }) => [node.title, node.district.name])).toEqual([
      ['Integrationskurse und weitere Sprachkurse', 'Kyffhäuserkreis'],
    ]);
    const inArabic = await request(server.url, documents.OffersDocument, { filter: { language: 'ar' } });
    expect(inArabic.offers.totalCount).toBe(0);
  },
  async CompareDistricts() {
    const { districts } = await request(server.url, documents.CompareDistrictsDocument, { state: 'TH', first: 40 });
    const byAgs = new Map(districts.edges.map(({ node }) => [node.ags, node]));
    expect(byAgs.size).toBe(22);
    const withData = [...byAgs.values()].filter((district) => district.coverage.hasData).map((district) => district.ags);
    expect(withData.sort()).toEqual(['16063', '16065', '16066']);
    expect(byAgs.get('16051')).toMatchObject({ name: 'Erfurt', kind: 'DISTRICT_FREE_CITY', concepts: [], fundings: [] });
    const schmalkalden = byAgs.get('16066')!;
    expect(schmalkalden.concepts[0]).toMatchObject({ status: 'ADOPTED', adoptedOn: '2019-05-13', adoptedBy: 'Kreistag' });
    expect(schmalkalden.concepts[0]!.fieldsOfAction).toHaveLength(7);
    expect(schmalkalden.dataAsOf).toBe('2021-12-01');
    const programmes: (string | undefined)[] = schmalkalden.fundings.map((funding) => funding.programme?.shortName);
    expect(programmes).toEqual(['ESF', 'ThILIK']);
    const kyffhaeuser = byAgs.get('16065')!;
    const migration = kyffhaeuser.indicators.find(({ indicator }) => indicator.key === 'population-migration-background');
    expect(migration).toMatchObject({ value: 3900, qualifier: 'MORE_THAN' });
    expect(byAgs.get('16063')!.concepts).toEqual([]);
  },
  async CompareState() {
    const { comparison } = await request(server.url, documents.CompareStateDocument, { state: 'SN', asOf: '2024-06-30' });
    expect(comparison.asOf).toBe('2024-06-30');
    expect(comparison.districts).toHaveLength(13);
    const mittelsachsen = comparison.fieldsOfAction.rows.find((row) => row.district.ags === '14522')!;
    expect(mittelsachsen.cells).toHaveLength(comparison.fieldsOfAction.columns.length);
    const [saxony] = comparison.states;
    expect(saxony).toMatchObject({ state: { code: 'SN' }, districts: 13, districtsWithData: 1 });
    expect(comparison.exports.map((link) => link.dataset)).toContain('roles');
    expect(comparison.attribution).toContain('GeoBasis-DE / BKG');
  },
  async DistrictWidget() {
    const { district } = await request(server.url, documents.DistrictWidgetDocument, { ags: '16065', lang: 'en' });
    expect(district.name).toBe('Kyffhäuserkreis');
    expect(district.contacts.edges.length).toBeGreaterThan(0);
    expect(district.offers.totalCount).toBeGreaterThan(0);
  },
  async ChangesSince() {
    let since: string | null = null;
    const seen = new Set<string>();
    for (;;) {
      const answer: import('../../schema/generated/graphql.js').ChangesSinceQuery = await request(
        server.url,
        documents.ChangesSinceDocument,
        { since, districts: ['16066'] },
      );
      const { changes } = answer;
      for (const event of changes.events) seen.add(`${event.type}:${event.action}`);
      const version: number | undefined = changes.events[0]?.version;
      if (version !== undefined) expect(version).toBeGreaterThan(0);
      since = changes.cursor;
      if (!changes.hasMore) break;
    }
    expect(seen).toContain('District:CREATED');
    expect(seen).toContain('IntegrationConcept:CREATED');
    const { changes } = await request(server.url, documents.ChangesSinceDocument, { since, types: ['Offer'] });
    expect(changes).toMatchObject({ events: [], hasMore: false });
  },
};

test('every operation in schema/operations runs over HTTP and returns the typed data', async () => {
  const folder = join(rootDir, 'schema', 'operations');
  // Files of operations; a file of fragments (EditorProblems) is checked with the operations that use it.
  const files: string[] = [];
  for (const file of await readdir(folder)) {
    if (file.endsWith('.graphql') && /^(query|mutation|subscription) /m.test(await readFile(join(folder, file), 'utf8'))) files.push(file);
  }
  expect(files.map((file) => file.replace('.graphql', '')).sort()).toEqual(
    Object.keys(checks)
      .flatMap((names) => names.split(' '))
      .sort(),
  );
  for (const check of Object.values(checks)) await check();
});

const runExample = (ags: string, apiUrl: string) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', 'examples/typed-client/contact-card.ts', ags], {
    cwd: rootDir,
    env: { ...process.env, API_URL: apiUrl },
  }).then(
    (result) => ({ code: 0, ...result }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );

test('the example runs against any address API_URL names, and explains an unknown district or an unreachable API', async () => {
  const found = await runExample('16063', server.url);
  expect(found.code).toBe(0);
  expect(found.stdout).toContain('Wartburgkreis (16063)');
  const unknown = await runExample('99999', server.url);
  expect(unknown.code).toBe(1);
  expect(unknown.stderr).toContain('The API refused the request: No district or municipality with the key "99999"');
  expect(unknown.stderr).not.toMatch(/\n\s+at /);
  const unreachable = await runExample('16065', 'http://127.0.0.1:9/graphql');
  expect(unreachable.code).toBe(1);
  expect(unreachable.stderr).toContain('Cannot reach the API at http://127.0.0.1:9/graphql');
}, 60_000);
