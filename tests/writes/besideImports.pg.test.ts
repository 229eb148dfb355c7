// While an import holds the district data alone, writes that are no district's data — a reader's
// problem report, a ministry's webhook, an API token — go through; an editor's edit waits for
// the import and is made after it. (On PGlite, one connection, every write waits its turn.)
import { afterEach, beforeEach, expect, test } from 'vitest';
import { allowPrivateWebhookTargets } from '../../src/feed/webhooks.js';
import { createToken } from '../../src/tokens/issue.js';
import { answerOf, editingServer, holdDataLock } from '../support/editing.js';

const editing = editingServer();
// The webhook's target is this machine (nothing listens there; no event is delivered in the test).
beforeEach(() => allowPrivateWebhookTargets(true));
afterEach(() => allowPrivateWebhookTargets(false));

const report = `mutation ($input: CreateProblemReportInput!) { createProblemReport(input: $input) { __typename } }`;
const webhook = `mutation ($input: CreateWebhookInput!) { createWebhook(input: $input) { __typename ... on ValidationError { issues { path message } } } }`;
const verify = `mutation { verifyDistrictData(input: { district: "16065" }) { __typename } }`;

test('a problem report, a webhook and a token are written while an import runs; an edit waits for it', async () => {
  const client = editing.server.database.client;
  const contact = await client.contact.findFirstOrThrow({ where: { districtId: '16065', archivedAt: null } });
  const importUnderWay = holdDataLock(client);
  let editDone = false;
  const edit = editing.as(editing.tokens.kyffhaeuser, verify).finally(() => {
    editDone = true;
  });
  try {
    const subject = Buffer.from(`Contact:${contact.id}`).toString('base64');
    const reported = await editing.as(null, report, { input: { subject, fields: { message: 'Die Sprechzeit hat sich geändert.' } } });
    expect(answerOf(reported).__typename).toBe('MutationCreateProblemReportSuccess');
    const registered = await editing.as(editing.tokens.ministryTH, webhook, { input: { fields: { url: 'http://127.0.0.1:9/hook' } } });
    expect(answerOf(registered)).toEqual({ __typename: 'MutationCreateWebhookSuccess' });
    expect((await createToken(client, { name: 'Redaktion Nordhausen', role: 'EDITOR', districtIds: ['16062'] })).token).toBeTruthy();
    expect(editDone).toBe(false);
  } finally {
    await importUnderWay.release();
  }
  expect(answerOf(await edit).__typename).toBe('MutationVerifyDistrictDataSuccess');
});
