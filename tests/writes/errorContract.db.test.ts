// Every mutation answers the same way: one `input`, and a union of its result and the typed
// reasons nothing changed — refusals included, so that one refused field of a request leaves
// the others' answers standing.
import { getNamedType, isInputObjectType, isNonNullType, isUnionType } from 'graphql';
import { expect, test } from 'vitest';
import { type IssueCode, issueText } from '../../src/rules/issues.js';
import { schema } from '../../src/schema.js';
import { mutationErrorTypes } from '../../src/writes/errorTypes.js';
import { currentGuide } from '../support/contacts.js';
import { answerOf, editingServer, mutate } from '../support/editing.js';

const editing = editingServer();

const mutations = Object.values(schema.getMutationType()!.getFields());
const current = mutations.filter((field) => !field.deprecationReason);

test('every mutation that is not deprecated takes one `input` and answers the union of its result and every typed reason', () => {
  const reasons = mutationErrorTypes.map((type) => type.name).sort();
  expect(current.length).toBeGreaterThan(20);
  for (const field of current) {
    expect(
      field.args.map((arg) => arg.name),
      field.name,
    ).toEqual(['input']);
    expect(isNonNullType(field.args[0]!.type) && isInputObjectType(getNamedType(field.args[0]!.type)), field.name).toBe(true);
    const answer = getNamedType(field.type);
    expect(isUnionType(answer), field.name).toBe(true);
    const members = isUnionType(answer) ? answer.getTypes().map((type) => type.name) : [];
    expect(
      members.filter((name) => name !== `Mutation${field.name[0]!.toUpperCase()}${field.name.slice(1)}Success`).sort(),
      field.name,
    ).toEqual(reasons);
  }
});

test('what an input writes into its record is under `fields` in every mutation that writes values', () => {
  // The record is named at the top (district, id and version, a subject); its values are under `fields`.
  const naming = new Set([
    'district',
    'id',
    'version',
    'subject',
    'field',
    'language',
    'indicator',
    'currentVersion',
    'changeDate',
    'validTo',
  ]);
  for (const field of current) {
    const input = getNamedType(field.args[0]!.type);
    if (!isInputObjectType(input)) continue;
    const topLevel = Object.values(input.getFields()).filter((inputField) => !inputField.deprecationReason);
    const values = topLevel.map((inputField) => inputField.name).filter((name) => !naming.has(name) && name !== 'fields');
    // Their input is the package (or the workbook) itself, with how to import it.
    if (field.name === 'importDataPackage' || field.name === 'importDistrictWorkbook') continue;
    expect(values, field.name).toEqual([]);
  }
});

test('in one request, a refused mutation answers its refusal and the allowed one is made', async () => {
  const guide = await currentGuide(editing);
  const both = `mutation ($id: ID!, $version: Int!) {
    own: verifyDistrictData(input: { district: "16065" }) { __typename ... on MutationVerifyDistrictDataSuccess { data { ags lastVerifiedAt } } }
    foreign: verifyDistrictData(input: { district: "16063" }) { __typename ... on MutationError { message } }
    stale: updateContact(input: { id: $id, version: $version, fields: { internalNote: "x" } }) { __typename ... on VersionConflictError { currentVersion } }
  }`;
  const response = await editing.as(editing.tokens.kyffhaeuser, both, { id: guide.id, version: guide.version - 1 });
  expect(response.errors).toBeUndefined();
  expect(response.data.own).toMatchObject({ __typename: 'MutationVerifyDistrictDataSuccess', data: { ags: '16065' } });
  expect(response.data.foreign).toEqual({
    __typename: 'NotAllowedError',
    message: 'Not allowed for the token "Redaktion Kyffhäuserkreis": editors change only their own districts\' data.',
  });
  expect(response.data.stale).toEqual({ __typename: 'VersionConflictError', currentVersion: guide.version });
  const verified = await editing.server.database.client.district.findMany({
    where: { id: { in: ['16063', '16065'] } },
    orderBy: { id: 'asc' },
  });
  expect(verified.map((district) => district.lastVerifiedAt !== null)).toEqual([false, true]);
});

test('without a token, a mutation answers NotAuthenticatedError and writes nothing', async () => {
  const before = await editing.server.database.client.auditEvent.count();
  const response = await editing.as(
    null,
    `mutation { verifyDistrictData(input: { district: "16065" }) { __typename ... on MutationError { message } } }`,
  );
  expect(answerOf(response)).toEqual({
    __typename: 'NotAuthenticatedError',
    message: 'This needs an API token (Authorization: Bearer …).',
  });
  expect(await editing.server.database.client.auditEvent.count()).toBe(before);
});

test('a district key that is none is a problem of the input, named by its path', async () => {
  const response = await editing.as(
    editing.tokens.admin,
    `mutation { verifyDistrictData(input: { district: "Kyffhäuser" }) { __typename ... on ValidationError { issues { path message } } } }`,
  );
  expect(answerOf(response)).toEqual({
    __typename: 'ValidationError',
    issues: [
      { path: 'district', message: '"Kyffhäuser" is not a district key (AGS): expected 5 digits, e.g. "16065" for the Kyffhäuserkreis.' },
    ],
  });
});

test('a stale version of the district is a conflict; confirming names the version it confirms', async () => {
  const { version } = await editing.server.database.client.district.findUniqueOrThrow({ where: { id: '16065' } });
  const verify = `mutation ($version: Int) { verifyDistrictData(input: { district: "16065", version: $version }) {
    __typename ... on VersionConflictError { expectedVersion currentVersion } ... on MutationVerifyDistrictDataSuccess { data { version } } } }`;
  expect(answerOf(await editing.as(editing.tokens.kyffhaeuser, verify, { version: version + 5 }))).toEqual({
    __typename: 'VersionConflictError',
    expectedVersion: version + 5,
    currentVersion: version,
  });
  expect(answerOf(await editing.as(editing.tokens.kyffhaeuser, verify, { version }))).toEqual({
    __typename: 'MutationVerifyDistrictDataSuccess',
    data: { version: version + 1 },
  });
});

test('a refused value answers its code and parameters, which the editors’ texts say in plain German', async () => {
  const { data } = await editing.as(
    editing.tokens.kyffhaeuser,
    '{ district(ags: "16065") { contacts(first: 1) { edges { node { id version } } } } }',
  );
  const contact = data.district.contacts.edges[0].node;
  const response = await editing.as(editing.tokens.kyffhaeuser, mutate('updateContact', 'UpdateContactInput'), {
    input: { id: contact.id, version: contact.version, fields: { channels: [{ kind: 'PHONE', printed: '650-123' }] } },
  });
  const [issue] = answerOf(response).issues as { path: string; code: IssueCode; params: { name: string; value: string }[] }[];
  expect(issue).toMatchObject({
    path: 'fields.channels[0].printed',
    code: 'PHONE_AREA_CODE',
    params: [{ name: 'text', value: '650-123' }],
  });
  const params = Object.fromEntries(issue!.params.map(({ name, value }) => [name, value]));
  expect(issueText({ code: issue!.code, params }, 'de')).toBe(
    '„650-123“: bitte die Telefonnummer mit Vorwahl angeben, z. B. 03606 650-123',
  );
});
