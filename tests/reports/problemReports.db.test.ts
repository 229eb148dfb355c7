// Readers report errors without an account; the district's editors see and answer them; the
// reporter's e-mail address is the editors' alone, and the audit log records every step.
import { expect, test } from 'vitest';
import { currentGuide } from '../support/contacts.js';
import { editingServer } from '../support/editing.js';
import { readChanges } from '../support/feed.js';

const editing = editingServer();

const report = 'mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { reference duplicate } }';
const reports = `query ($ags: String!) { district(ags: $ags) { problemReports { id subject subjectType topic message contactEmail status answer answeredBy version } } }`;
const answer = `mutation ($input: AnswerProblemReportInput!) { answerProblemReport(input: $input) { id status answer answeredBy version } }`;

async function reportGuide(message = 'Die Sprechzeit am Dienstag endet um 15 Uhr, nicht um 16 Uhr.', contactEmail?: string) {
  const guide = await currentGuide(editing);
  const { data, errors } = await editing.as(null, report, { input: { subject: guide.id, topic: 'OFFICE_HOURS', message, contactEmail } });
  return { guide, receipt: data?.reportProblem, errors };
}

test('anyone reports; the district’s editors see the report with the address, its ministry without, nobody else at all', async () => {
  const { guide, receipt } = await reportGuide(undefined, 'leser@example.org');
  expect(receipt).toMatchObject({ duplicate: false });
  const ofEditors = await editing.as(editing.tokens.kyffhaeuser, reports, { ags: '16065' });
  expect(ofEditors.data.district.problemReports).toEqual([
    expect.objectContaining({
      id: receipt.reference,
      subject: guide.id,
      subjectType: 'Contact',
      topic: 'OFFICE_HOURS',
      contactEmail: 'leser@example.org',
      status: 'OPEN',
    }),
  ]);
  const ofMinistry = await editing.as(editing.tokens.ministryTH, reports, { ags: '16065' });
  expect(ofMinistry.data.district.problemReports[0].contactEmail).toBeNull();
  expect((await editing.as(editing.tokens.wartburg, reports, { ags: '16065' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await editing.as(editing.tokens.ministrySN, reports, { ags: '16065' })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  expect((await editing.as(null, reports, { ags: '16065' })).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
});

test('what is refused, and why; nothing refused is stored', async () => {
  const guide = await currentGuide(editing);
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ subject: guide.id, message: 'falsch' }, 'BAD_USER_INPUT', /"message" must be 10 to 2000 characters/],
    [{ subject: guide.id, message: 'Siehe https://a.example https://b.example https://c.example' }, 'BAD_USER_INPUT', /at most 2 links/],
    [{ subject: guide.id, message: 'Nummer falsch!!!!!!!!!!!!!!!!!!!!!!!!!!' }, 'BAD_USER_INPUT', /repeat one character/],
    [{ subject: guide.id, message: '1234567890 1234567890' }, 'BAD_USER_INPUT', /say in words/],
    [
      { subject: guide.id, message: 'Die Nummer ist falsch.', contactEmail: 'keine-adresse' },
      'BAD_USER_INPUT',
      /"contactEmail" must be an e-mail address/,
    ],
    [{ subject: 'Um9sZTppbnRlZ3JhdGlvbi1ndWlkZQ==', message: 'Die Rolle ist falsch benannt.' }, 'BAD_USER_INPUT', /belongs to no district/],
    [{ subject: 'T2ZmZXI6bm9uZQ==', message: 'Das Angebot gibt es nicht mehr.' }, 'NOT_FOUND', /No Offer with this ID/],
  ];
  for (const [input, code, message] of cases) {
    const { errors } = await editing.as(null, report, { input });
    expect(errors?.[0]?.extensions?.code, JSON.stringify(input)).toBe(code);
    expect(errors?.[0]?.message).toMatch(message);
  }
  expect(await editing.server.database.client.problemReport.count()).toBe(0);
});

test('the same report about the same record the same day is one report', async () => {
  const first = await reportGuide();
  const second = await reportGuide();
  expect(second.receipt).toEqual({ reference: first.receipt.reference, duplicate: true });
  expect(await editing.server.database.client.problemReport.count()).toBe(1);
});

test('the editors answer and close; a stale version or another district’s editor is refused; the audit log records it without the address, the public feed not at all', async () => {
  const { cursor } = await readChanges((query, variables) => editing.server.graphql(query, variables), null);
  const { receipt } = await reportGuide(undefined, 'leser@example.org');
  const input = { id: receipt.reference, version: 1, answer: 'Danke, korrigiert.', status: 'ANSWERED' };
  expect((await editing.as(editing.tokens.wartburg, answer, { input })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  const answered = await editing.as(editing.tokens.kyffhaeuser, answer, { input });
  expect(answered.data.answerProblemReport).toMatchObject({
    status: 'ANSWERED',
    answer: 'Danke, korrigiert.',
    answeredBy: 'Redaktion Kyffhäuserkreis',
    version: 2,
  });
  const stale = await editing.as(editing.tokens.kyffhaeuser, answer, { input: { ...input, status: 'CLOSED' } });
  expect(stale.errors?.[0]?.message).toMatch(/version/i);
  const closed = await editing.as(editing.tokens.kyffhaeuser, answer, { input: { id: receipt.reference, version: 2, status: 'CLOSED' } });
  expect(closed.data.answerProblemReport).toMatchObject({ status: 'CLOSED', answer: 'Danke, korrigiert.', version: 3 });
  expect((await editing.as(editing.tokens.kyffhaeuser, reports, { ags: '16065' })).data.district.problemReports).toEqual([]);

  const events = await editing.server.database.client.auditEvent.findMany({
    where: { entityType: 'ProblemReport' },
    orderBy: { at: 'asc' },
  });
  expect(events.map((event) => [event.action, event.actorName])).toEqual([
    ['CREATE', 'reader (anonymous report)'],
    ['UPDATE', 'Redaktion Kyffhäuserkreis'],
    ['UPDATE', 'Redaktion Kyffhäuserkreis'],
  ]);
  expect(JSON.stringify(events)).not.toContain('leser@example.org');
  const { events: changes } = await readChanges((query, variables) => editing.server.graphql(query, variables), cursor);
  expect(changes).toEqual([]);
});

test('answering needs an editor token: anonymous is refused and nothing changes', async () => {
  const { receipt } = await reportGuide();
  const { errors } = await editing.as(null, answer, { input: { id: receipt.reference, version: 1, status: 'CLOSED' } });
  expect(errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect((await editing.server.database.client.problemReport.findUniqueOrThrow({ where: { id: receipt.reference } })).status).toBe('OPEN');
});

const createReport = `mutation ($input: CreateProblemReportInput!) { createProblemReport(input: $input) {
  __typename ... on ValidationError { issues { path message } } ... on MutationCreateProblemReportSuccess { data { reference duplicate } } } }`;
const updateReport = `mutation ($input: UpdateProblemReportInput!) { updateProblemReport(input: $input) {
  __typename ... on MutationError { message } ... on VersionConflictError { currentVersion }
  ... on MutationUpdateProblemReportSuccess { data { status answer answeredBy version } } } }`;

test('createProblemReport and updateProblemReport answer as typed results: the receipt, every problem, a refusal, a stale version', async () => {
  const guide = await currentGuide(editing);
  const refused = await editing.as(null, createReport, {
    input: { subject: 'Um9sZTppbnRlZ3JhdGlvbi1ndWlkZQ==', fields: { message: 'falsch', contactEmail: 'keine-adresse' } },
  });
  expect(refused.data.createProblemReport.issues.map((issue: { path: string }) => issue.path)).toEqual([
    'subject',
    'fields.message',
    'fields.contactEmail',
  ]);
  const created = await editing.as(null, createReport, {
    input: { subject: guide.id, fields: { topic: 'OFFICE_HOURS', message: 'Die Sprechzeit am Dienstag endet um 15 Uhr.' } },
  });
  const { reference } = created.data.createProblemReport.data;
  const input = { id: reference, version: 1, fields: { answer: 'Danke, korrigiert.', status: 'ANSWERED' } };
  expect((await editing.as(editing.tokens.wartburg, updateReport, { input })).data.updateProblemReport.__typename).toBe('NotAllowedError');
  expect((await editing.as(editing.tokens.kyffhaeuser, updateReport, { input })).data.updateProblemReport).toEqual({
    __typename: 'MutationUpdateProblemReportSuccess',
    data: { status: 'ANSWERED', answer: 'Danke, korrigiert.', answeredBy: 'Redaktion Kyffhäuserkreis', version: 2 },
  });
  expect((await editing.as(editing.tokens.kyffhaeuser, updateReport, { input })).data.updateProblemReport).toMatchObject({
    __typename: 'VersionConflictError',
    currentVersion: 2,
  });
});
