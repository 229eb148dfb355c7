// Readers report problems without an account (createProblemReport); the district's editors answer
// and close them (updateProblemReport). Written like every change; the audit log keeps a report
// without the reader's address, and the public feed does not name reports at all.

import { decodeGlobalId } from '../common/globalId.js';
import type { Tx } from '../db/client.js';
import type { ModelName } from '../db/datamodel.js';
import type { ProblemReport as ReportRow } from '../generated/prisma/client.js';
import type { ProblemReportStatus, ProblemTopic } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { said } from '../rules/issues.js';
import { isFeedType } from '../writes/announce.js';
import type { AuditEntry } from '../writes/audit.js';
import { answeredAsBefore } from '../writes/deprecated.js';
import { writeMutation } from '../writes/mutation.js';
import { ownerOf } from '../writes/ownership.js';
import { NotFoundError, type Problems } from '../writes/problems.js';
import { checkReport } from './checks.js';
import { ProblemReport, ReportReceipt, Status, Topic } from './types.js';

/** What the audit log keeps of a report: everything but the reporter's address. */
const audited = ({ contactEmail, ...report }: ReportRow) => ({ ...report, contactEmail: contactEmail ? '(given)' : null });

const auditOf = (action: AuditEntry['action'], before: ReportRow | null, after: ReportRow): AuditEntry => ({
  action,
  entityType: 'ProblemReport',
  entityId: after.id,
  districtId: after.districtId,
  before: before && audited(before),
  after: audited(after),
});

const ProblemReportFieldsInput = builder.inputType('ProblemReportFieldsInput', {
  description: 'What a reader reports.',
  fields: (t) => ({
    topic: t.field({ type: Topic, defaultValue: 'GENERAL', description: 'Which part of the record is wrong (e.g. OFFICE_HOURS).' }),
    message: t.string({ required: true, description: 'What is wrong, and what is right if you know it (10 to 2,000 characters).' }),
    contactEmail: t.string({ description: 'Where the editors may answer you (optional; never published).' }),
  }),
});

const CreateProblemReportInput = builder.inputType('CreateProblemReportInput', {
  description: 'A report that something is wrong.',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The `id` of the record: a contact, an offer, a post, a concept …' }),
    fields: t.field({ type: ProblemReportFieldsInput, required: true, description: 'The report.' }),
  }),
});

type CreateProblemReport = typeof CreateProblemReportInput.$inferInput;

/** The reported record: a public record of a district. */
async function subjectOf(subject: string, problems: Problems): Promise<{ type: ModelName; id: string; districtId: string } | null> {
  let decoded: { typename: string; id: string };
  try {
    decoded = decodeGlobalId(subject);
  } catch {
    problems.add(
      'subject',
      said('NOT_AN_ID', 'is not the ID of a record (use the `id` of a contact, an offer, a post …)', { type: 'record' }),
    );
    return null;
  }
  const { typename, id } = decoded;
  if (!isFeedType(typename)) {
    problems.add(
      'subject',
      said('NOT_REPORTABLE', `is a ${typename}, which cannot be reported: report the contact, offer or post it belongs to`, {
        type: typename,
      }),
    );
    return null;
  }
  const owner = await ownerOf(typename, id);
  if (!owner) throw new NotFoundError(`No ${typename} with this ID.`);
  if (!owner.districtId) {
    problems.add(
      'subject',
      said('NOT_REPORTABLE', `is a ${typename} that belongs to no district: report the record of a district that shows it`, {
        type: typename,
      }),
    );
    return null;
  }
  return { type: typename, id, districtId: owner.districtId };
}

const create = writeMutation('createProblemReport', {
  ref: ReportReceipt,
  noun: 'report received',
  description:
    'Report that something published is wrong. No account needed; a few reports per address and hour. The district’s editors see it and may answer by e-mail if you give one.',
  inputDescription: 'The report.',
  input: CreateProblemReportInput,
  // Reports come without an account: beyond the request budget, few per address and hour.
  extensions: { limitPerAddressAndHour: 'problemReportsPerHour' },
  // A report is no district data: it need not wait for an import of the district.
  dataLock: 'none',
  async prepare(input, problems) {
    checkReport(input.fields, problems.within('fields'));
    return subjectOf(input.subject, problems);
  },
  async write(write, input, subject) {
    const { type, id, districtId } = subject!;
    const message = input.fields.message.trim();
    const same = await write.tx.problemReport.findFirst({
      where: { subjectType: type, subjectId: id, message, createdAt: { gte: new Date(write.now.getTime() - 86_400_000) } },
    });
    if (same) return { reference: same.id, duplicate: true };
    const report = await write.tx.problemReport.create({
      data: {
        subjectType: type,
        subjectId: id,
        districtId,
        topic: (input.fields.topic ?? 'GENERAL') as ProblemTopic,
        message,
        contactEmail: input.fields.contactEmail || null,
      },
    });
    write.audit(auditOf('CREATE', null, report));
    return { reference: report.id, duplicate: false };
  },
});

const AnswerFieldsInput = builder.inputType('ProblemReportAnswerFieldsInput', {
  description: 'The editors’ answer to a report.',
  fields: (t) => ({
    answer: t.string({ description: 'The answer (up to 2,000 characters); left out: the answer stays as it is.' }),
    status: t.field({ type: Status, required: true, description: 'ANSWERED, or CLOSED when it is dealt with (OPEN reopens it).' }),
  }),
});

const UpdateProblemReportInput = builder.inputType('UpdateProblemReportInput', {
  description: 'An answer to a report, or its closing.',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The report’s `id`.' }),
    version: t.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
    fields: t.field({ type: AnswerFieldsInput, required: true, description: 'The answer.' }),
  }),
});

type UpdateProblemReport = typeof UpdateProblemReportInput.$inferInput;

/** Editors of the reported record's district. */
const editorsOfReport = async (id: string | number) => ({ editorOf: (await ownerOf('ProblemReport', String(id)))?.districtId ?? '' });

const loadReport = (tx: Tx, id: string) => tx.problemReport.findUnique({ where: { id } });

const update = writeMutation('updateProblemReport', {
  ref: ProblemReport,
  noun: 'report',
  description: 'Answer or close a report of your district. Needs an editor token of the district.',
  inputDescription: 'The answer.',
  input: UpdateProblemReportInput,
  authorise: (input) => editorsOfReport(input.id),
  async prepare(input, problems) {
    if (input.fields.answer != null && input.fields.answer.length > 2_000)
      problems.add('fields.answer', said('TOO_LONG', 'must be at most 2,000 characters', { max: '2000' }));
    return String(input.id);
  },
  dataLock: 'none',
  async write(write, input, id) {
    const before = await write.lockCurrent('ProblemReport', id, input.version, loadReport);
    const { answer, status } = input.fields;
    const answered = answer != null && answer !== before.answer;
    const after = await write.tx.problemReport.update({
      where: { id },
      data: {
        status: status as ProblemReportStatus,
        version: { increment: 1 },
        ...(answered ? { answer, answeredAt: write.now, answeredBy: write.actor.name } : {}),
      },
    });
    write.audit(auditOf('UPDATE', before, after));
    return after;
  },
});

// ------------------------------------------------------------------ deprecated

const ReportProblemInput = builder.inputType('ReportProblemInput', {
  description: 'A report that something is wrong (the input of the deprecated `reportProblem`).',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The `id` of the record.' }),
    topic: t.field({ type: Topic, defaultValue: 'GENERAL', description: 'Which part of it is wrong.' }),
    message: t.string({ required: true, description: 'What is wrong (10 to 2,000 characters).' }),
    contactEmail: t.string({ description: 'Where the editors may answer you (optional; never published).' }),
  }),
});

const asCreateInput = ({ subject, ...fields }: typeof ReportProblemInput.$inferInput): CreateProblemReport => ({ subject, fields });

builder.mutationField('reportProblem', (t) =>
  t.field({
    type: ReportReceipt,
    description: 'Report that something published is wrong (answers failures as errors).',
    deprecationReason: 'Use createProblemReport, which answers failures as typed results.',
    args: { input: t.arg({ type: ReportProblemInput, required: true, description: 'The report.' }) },
    extensions: { limitPerAddressAndHour: 'problemReportsPerHour' },
    resolve: (_root, { input }, context, info) => answeredAsBefore(create.run(asCreateInput(input), context, info)),
  }),
);

const AnswerProblemReportInput = builder.inputType('AnswerProblemReportInput', {
  description: 'An answer to a report, or its closing (the input of the deprecated `answerProblemReport`).',
  fields: (t) => ({
    id: t.id({ required: true, description: 'The report’s `id`.' }),
    version: t.int({ required: true, description: 'The `version` you read.' }),
    answer: t.string({ description: 'The answer (up to 2,000 characters).' }),
    status: t.field({ type: Status, required: true, description: 'ANSWERED, CLOSED or OPEN.' }),
  }),
});

const asUpdateInput = ({ id, version, ...fields }: typeof AnswerProblemReportInput.$inferInput): UpdateProblemReport => ({
  id,
  version,
  fields,
});

builder.mutationField('answerProblemReport', (t) =>
  t.field({
    type: ProblemReport,
    description: 'Answer or close a report of your district (answers failures as errors).',
    deprecationReason: 'Use updateProblemReport, which answers failures as typed results.',
    args: { input: t.arg({ type: AnswerProblemReportInput, required: true, description: 'The answer.' }) },
    authScopes: (_root, { input }) => editorsOfReport(input.id),
    resolve: (_root, { input }, context, info) => answeredAsBefore(update.run(asUpdateInput(input), context, info)),
  }),
);
