// Problem reports (Fehlermeldungen): a reader says that something we publish is wrong, without
// an account; the district's editors see the reports of their district, answer and close them.
// Reporters' e-mail addresses are seen by the district's editors alone, and never enter the
// audit log or the change feed.

import { encodeGlobalId } from '../common/globalId.js';
import { ProblemReportStatus, ProblemTopic } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { describedEnum } from '../graphql/enums.js';

export const Topic = describedEnum('ProblemTopic', ProblemTopic, 'Which part of a record a report is about.', {
  GENERAL: 'The record as a whole.',
  NAME_OR_TITLE: 'A name or title.',
  PHONE_OR_EMAIL: 'A phone number, e-mail address or web form.',
  ADDRESS: 'An address.',
  OFFICE_HOURS: 'The office hours (Sprechzeiten).',
  OTHER: 'Something else.',
});

export const Status = describedEnum('ProblemReportStatus', ProblemReportStatus, 'Where a report stands.', {
  OPEN: 'Received, not yet answered.',
  ANSWERED: 'The editors answered; it may still be open for them.',
  CLOSED: 'Dealt with.',
});

export const ProblemReport = builder.prismaObject('ProblemReport', {
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

export const ReportReceipt = builder.objectRef<{ reference: string; duplicate: boolean }>('ProblemReportReceipt').implement({
  description: 'A report received.',
  fields: (t) => ({
    reference: t.exposeString('reference', { description: 'The report’s reference, to quote when asking about it.' }),
    duplicate: t.exposeBoolean('duplicate', {
      description: 'True if the same report about the same record had already been received today.',
    }),
  }),
});
