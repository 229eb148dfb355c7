// Problem reports (Fehlermeldungen): a reader says that something we publish is wrong, without
// an account; the district's editors see the reports of their district, answer and close them.
// Reporters' e-mail addresses are seen by the district's editors alone, and never enter the
// audit log or the change feed.

import { GraphQLError } from 'graphql';
import { recordAudit } from '../audit/record.js';
import type { TokenViewer } from '../auth/viewer.js';
import { builder } from '../builder.js';
import { describedEnum } from '../common/enums.js';
import { badInput, notFound } from '../common/errors.js';
import { decodeGlobalId, encodeGlobalId } from '../common/globalId.js';
import { VersionConflictError } from '../common/problems.js';
import type { Context } from '../context.js';
import { db, type Tx } from '../db/client.js';
import { sqlTable } from '../db/datamodel.js';
import { isFeedType } from '../feed/record.js';
import { Prisma, type ProblemReport as ReportRow } from '../generated/prisma/client.js';
import { ProblemReportStatus, ProblemTopic } from '../generated/prisma/enums.js';
import { reportProblemOf } from './checks.js';

const Topic = describedEnum('ProblemTopic', ProblemTopic, 'Which part of a record a report is about.', {
  GENERAL: 'The record as a whole.',
  NAME_OR_TITLE: 'A name or title.',
  PHONE_OR_EMAIL: 'A phone number, e-mail address or web form.',
  ADDRESS: 'An address.',
  OFFICE_HOURS: 'The office hours (Sprechzeiten).',
  OTHER: 'Something else.',
});

const Status = describedEnum('ProblemReportStatus', ProblemReportStatus, 'Where a report stands.', {
  OPEN: 'Received, not yet answered.',
  ANSWERED: 'The editors answered; it may still be open for them.',
  CLOSED: 'Dealt with.',
});

const reporter: TokenViewer = {
  tokenId: null,
  name: 'reader (anonymous report)',
  role: 'EDITOR',
  districtIds: [],
  stateId: null,
  stateRegionalKey: null,
};

/** What the audit log keeps of a report: everything but the reporter's address. */
const audited = ({ contactEmail, ...report }: ReportRow) => ({ ...report, contactEmail: contactEmail ? '(given)' : null });

const ProblemReport = builder.prismaObject('ProblemReport', {
  description: 'A reader’s report that something published is wrong. Seen by the district’s editors and its state’s ministry.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'The report’s reference.' }),
    subject: t.id({
      description: 'Global ID of the record reported.',
      resolve: (report) => encodeGlobalId(report.subjectType, report.subjectId),
    }),
    subjectType: t.exposeString('subjectType', { description: 'Its GraphQL type, e.g. "Contact".' }),
    topic: t.expose('topic', { type: Topic, description: 'Which part of the record is wrong.' }),
    message: t.exposeString('message', { description: 'What the reader says is wrong.' }),
    contactEmail: t.exposeString('contactEmail', {
      nullable: true,
      description: 'Where the reader asked to be answered; only the district’s editors see it.',
      authScopes: (report) => ({ editorOf: report.districtId }),
      unauthorizedResolver: () => null,
    }),
    status: t.expose('status', { type: Status, description: 'Where the report stands.' }),
    answer: t.exposeString('answer', { nullable: true, description: 'The editors’ answer.' }),
    answeredAt: t.expose('answeredAt', { type: 'DateTime', nullable: true, description: 'When it was last answered.' }),
    answeredBy: t.exposeString('answeredBy', { nullable: true, description: 'Who answered (the token’s name).' }),
    createdAt: t.expose('createdAt', { type: 'DateTime', description: 'When it was received.' }),
    updatedAt: t.expose('updatedAt', { type: 'DateTime', description: 'When it last changed.' }),
    version: t.exposeInt('version', { description: 'Increases with every change; answering must name the version read.' }),
  }),
});

builder.prismaObjectField('District', 'problemReports', (t) =>
  t.relation('problemReports', {
    description: 'Readers’ reports of errors in the district’s data, newest first. For its editors and its state’s ministry.',
    authScopes: (district) => ({ readerOf: district.id }),
    args: { status: t.arg({ type: [Status], description: 'Only reports in these states (default: open and answered).' }) },
    query: (args) => ({
      where: { status: { in: (args.status ?? ['OPEN', 'ANSWERED']) as ProblemReportStatus[] } },
      orderBy: { createdAt: 'desc' },
      take: 500,
    }),
  }),
);

const ReportProblemInput = builder.inputType('ReportProblemInput', {
  description: 'A report that something is wrong.',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The `id` of the record: a contact, an offer, a post, a concept …' }),
    topic: t.field({ type: Topic, defaultValue: 'GENERAL', description: 'Which part of it is wrong (e.g. OFFICE_HOURS).' }),
    message: t.string({ required: true, description: 'What is wrong, and what is right if you know it (10 to 2,000 characters).' }),
    contactEmail: t.string({ description: 'Where the editors may answer you (optional; never published).' }),
  }),
});

const ReportReceipt = builder.objectRef<{ reference: string; duplicate: boolean }>('ProblemReportReceipt').implement({
  description: 'A report received.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The report’s reference, to quote when asking about it.' }),
    duplicate: t.exposeBoolean('duplicate', {
      description: 'True if the same report about the same record had already been received today.',
    }),
  }),
});

/** The reported record's district: it must exist and belong to one. */
async function districtOfSubject(subject: string): Promise<{ type: string; id: string; districtId: string }> {
  const { typename, id } = decodeGlobalId(subject);
  if (!isFeedType(typename))
    throw badInput(`A ${typename} cannot be reported; report the contact, offer or post it belongs to.`, 'input.subject');
  const column = typename === 'District' ? '"id"' : '"districtId"';
  const rows = await db().$queryRaw<{ districtId: string | null }[]>`
    SELECT ${Prisma.raw(column)} AS "districtId" FROM ${Prisma.raw(sqlTable(typename))} WHERE id = ${id}`.catch(() => {
    throw badInput(`A ${typename} belongs to no district; report the record of a district that shows it.`, 'input.subject');
  });
  if (!rows.length) throw notFound(`No ${typename} with this ID.`);
  if (!rows[0]!.districtId)
    throw badInput(`This ${typename} belongs to no district: report the record of a district that shows it.`, 'input.subject');
  return { type: typename, id, districtId: rows[0]!.districtId };
}

builder.mutationField('reportProblem', (t) =>
  t.field({
    type: ReportReceipt,
    description:
      'Report that something published is wrong. No account needed; a few reports per address and hour. The district’s editors see it and may answer by e-mail if you give one.',
    args: { input: t.arg({ type: ReportProblemInput, required: true, description: 'The report.' }) },
    extensions: { limitPerAddressAndHour: 'problemReportsPerHour' },
    resolve: async (_root, { input }) => {
      const refused = reportProblemOf(input.message, input.contactEmail);
      if (refused) throw badInput(`"${refused.field}" ${refused.reason}.`, `input.${refused.field}`);
      const subject = await districtOfSubject(input.subject);
      const message = input.message.trim();
      return db().$transaction(async (tx) => {
        const same = await tx.problemReport.findFirst({
          where: { subjectType: subject.type, subjectId: subject.id, message, createdAt: { gte: new Date(Date.now() - 86_400_000) } },
        });
        if (same) return { reference: same.id, duplicate: true };
        const report = await tx.problemReport.create({
          data: {
            subjectType: subject.type,
            subjectId: subject.id,
            districtId: subject.districtId,
            topic: (input.topic ?? 'GENERAL') as ProblemTopic,
            message,
            contactEmail: input.contactEmail || null,
          },
        });
        await auditReport(tx, reporter, 'CREATE', null, report);
        return { reference: report.id, duplicate: false };
      });
    },
  }),
);

function auditReport(tx: Tx, actor: TokenViewer, action: 'CREATE' | 'UPDATE', before: ReportRow | null, after: ReportRow) {
  return recordAudit(tx, actor, {
    action,
    entityType: 'ProblemReport',
    entityId: after.id,
    districtId: after.districtId,
    before: before && audited(before),
    after: audited(after),
  });
}

const AnswerProblemReportInput = builder.inputType('AnswerProblemReportInput', {
  description: 'An answer to a report, or its closing.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The report’s `id`.' }),
    version: t.int({ required: true, description: 'The `version` you read.' }),
    answer: t.string({ description: 'The answer (up to 2,000 characters); left out: the answer stays as it is.' }),
    status: t.field({ type: Status, required: true, description: 'ANSWERED, or CLOSED when it is dealt with (OPEN reopens it).' }),
  }),
});

async function reportDistrict(id: string) {
  return (await db().problemReport.findUnique({ where: { id }, select: { districtId: true } }))?.districtId ?? '';
}

builder.mutationField('answerProblemReport', (t) =>
  t.prismaField({
    type: ProblemReport,
    description: 'Answer or close a report of your district. Needs an editor token of the district.',
    args: { input: t.arg({ type: AnswerProblemReportInput, required: true, description: 'The answer.' }) },
    authScopes: async (_root, { input }) => ({ editorOf: await reportDistrict(input.id) }),
    resolve: async (query, _root, { input }, context: Context) => {
      if (input.answer != null && input.answer.length > 2_000) throw badInput('"answer" must be at most 2,000 characters.', 'input.answer');
      return db().$transaction(async (tx) => {
        const [before] = await tx.$queryRaw<ReportRow[]>`SELECT * FROM "ProblemReport" WHERE id = ${input.id} FOR UPDATE`;
        if (!before) throw notFound('No problem report with this ID.');
        if (before.version !== input.version) {
          const conflict = new VersionConflictError(input.version, before.version);
          throw new GraphQLError(conflict.message, {
            extensions: { code: 'VERSION_CONFLICT', expectedVersion: input.version, currentVersion: before.version },
          });
        }
        const answered = input.answer != null && input.answer !== before.answer;
        const after = await tx.problemReport.update({
          ...query,
          where: { id: input.id },
          data: {
            status: input.status as ProblemReportStatus,
            version: { increment: 1 },
            ...(answered ? { answer: input.answer, answeredAt: context.now, answeredBy: context.viewer!.name } : {}),
          },
        });
        await auditReport(tx, context.viewer!, 'UPDATE', before, after);
        return after;
      });
    },
  }),
);
