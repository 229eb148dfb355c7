// The one error contract of every mutation: it answers with a union of its result
// (`Mutation<Name>Success { data }`) and the typed reasons nothing was changed — the input's
// problems, a stale version, a missing record, a missing or insufficient token — named by
// @pothos/plugin-errors. A refused field of a request with several mutations answers its own
// reason and leaves the others' results standing.
import { NotAllowedError, NotAuthenticatedError } from '../auth/refusals.js';
import { builder } from '../graphql/builder.js';
import { type IssueCode, issueCodes, issueTexts } from '../rules/issues.js';
import { type Issue, NotFoundError, ValidationError, VersionConflictError } from './problems.js';

const MutationError = builder.interfaceRef<Error>('MutationError').implement({
  description: 'An expected failure of a change; nothing was written.',
  fields: (t) => ({ message: t.exposeString('message', { description: 'What went wrong, for people.' }) }),
});

const IssueCodeRef = builder.enumType('InputIssueCode', {
  description:
    'What kind of problem an input issue is: stable, for software to tell problems apart and to say them in its users’ language (the editors’ texts in German and English: src/rules/issues.ts). Parameters are named in the descriptions.',
  values: Object.fromEntries(issueCodes.map((code) => [code, { value: code, description: issueTexts[code].about }])) as Record<
    IssueCode,
    { value: IssueCode; description: string }
  >,
});

const IssueParameter = builder.objectRef<[string, string]>('InputIssueParameter').implement({
  description: 'A value an issue is about, e.g. { name: "max", value: "200" } for TOO_LONG.',
  fields: (t) => ({
    name: t.string({ description: 'The parameter’s name, as its code’s description names it.', resolve: ([name]) => name }),
    value: t.string({ description: 'Its value, as text.', resolve: ([, value]) => value }),
  }),
});

const IssueRef = builder.objectRef<Issue>('InputIssue').implement({
  description: 'One problem with the input.',
  fields: (t) => ({
    path: t.exposeString('path', { description: 'The input field, e.g. "channels[1].printed".' }),
    message: t.exposeString('message', {
      description: 'What is wrong with it, in English for developers (may be reworded: tell problems apart by `code`).',
    }),
    code: t.field({ type: IssueCodeRef, description: 'What kind of problem it is.', resolve: (issue) => issue.code }),
    params: t.field({
      type: [IssueParameter],
      description: 'The values the problem is about (see the code’s description).',
      resolve: (issue) => Object.entries(issue.params),
    }),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was refused: every problem is listed with its field.',
  interfaces: [MutationError],
  fields: (t) => ({ issues: t.field({ type: [IssueRef], description: 'Every problem found.', resolve: (error) => error.issues }) }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'Someone changed the record since you read it (optimistic concurrency).',
  interfaces: [MutationError],
  fields: (t) => ({
    expectedVersion: t.exposeInt('expectedVersion', { description: 'The version your change was based on.' }),
    currentVersion: t.exposeInt('currentVersion', { description: 'The version it is at now.' }),
  }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'The record to change does not exist.',
  interfaces: [MutationError],
  fields: () => ({}),
});

builder.objectType(NotAuthenticatedError, {
  name: 'NotAuthenticatedError',
  description: 'The change needs an API token (Authorization: Bearer …), and the request sent none.',
  interfaces: [MutationError],
  fields: () => ({}),
});

builder.objectType(NotAllowedError, {
  name: 'NotAllowedError',
  description: 'The token does not allow this change: editors change only their own districts’ data.',
  interfaces: [MutationError],
  fields: () => ({}),
});

/** Every reason a mutation may answer instead of its result. */
export const mutationErrorTypes = [ValidationError, VersionConflictError, NotFoundError, NotAuthenticatedError, NotAllowedError];

/** `errors` options for a mutation returning `what`: the typed failures, and described result types. */
export function mutationErrors(what: string) {
  return {
    types: mutationErrorTypes,
    union: { description: `The ${what}, or why nothing was changed.` },
    result: { description: 'The change was made.' },
    dataField: { description: `The ${what} as it is now.` },
  };
}
