// The deprecated mutations throw their failures as GraphQL errors with the codes they had, and
// name the argument as they take it: their inputs are flat (no `fields`), confirmDistrictData
// takes `ags`, deleteWebhook `id`.
import { expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { allowPrivateWebhookTargets } from '../../src/feed/webhooks.js';
import { currentGuide } from '../support/contacts.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

/** The first error of an answer, as a client reads it. */
const firstError = (response: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => {
  const [error] = response.errors ?? [];
  return error && { message: error.message, ...error.extensions };
};

test('a problem of a flat input names its field under input, without the successor’s `fields`', async () => {
  const guide = await currentGuide(editing);
  const offer = await editing.server.database.client.offer.findFirstOrThrow({ where: { districtId: '16065' } });
  const translate = 'mutation ($input: TranslateInput!) { translate(input: $input) { text } }';
  const translation = { subject: encodeGlobalId('Offer', offer.id), field: 'title', language: 'en', text: ' ' };
  expect(firstError(await editing.as(editing.tokens.kyffhaeuser, translate, { input: translation }))).toEqual({
    message: '"text" must not be empty, and at most 10,000 characters.',
    code: 'BAD_USER_INPUT',
    argument: 'input.text',
  });
  const report = 'mutation ($input: ReportProblemInput!) { reportProblem(input: $input) { reference } }';
  expect(firstError(await editing.as(null, report, { input: { subject: guide.id, message: 'kurz' } }))).toEqual({
    message: '"message" must be 10 to 2000 characters: say what is wrong and, if you know it, what is right.',
    code: 'BAD_USER_INPUT',
    argument: 'input.message',
  });
});

test('registerWebhook names `input.since`; confirmDistrictData `ags`; deleteWebhook answers NOT_FOUND', async () => {
  allowPrivateWebhookTargets(true);
  try {
    const register = 'mutation ($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }';
    const input = { url: 'http://127.0.0.1:9/hook', since: 'feed:1' };
    expect(firstError(await editing.as(editing.tokens.ministryTH, register, { input }))).toEqual({
      message: '"since" is not a cursor of the change feed: give a `cursor` it returned, or none to start now.',
      code: 'BAD_USER_INPUT',
      argument: 'input.since',
    });
  } finally {
    allowPrivateWebhookTargets(false);
  }
  const confirm = 'mutation { confirmDistrictData(ags: "Kyffhäuser") { ags } }';
  expect(firstError(await editing.as(editing.tokens.admin, confirm))).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'ags' });
  const remove = 'mutation ($id: ID!) { deleteWebhook(id: $id) }';
  expect(firstError(await editing.as(editing.tokens.ministryTH, remove, { id: 'no-such-webhook' }))).toEqual({
    message: 'No webhook "no-such-webhook" of yours.',
    code: 'NOT_FOUND',
  });
});
