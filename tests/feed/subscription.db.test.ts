// The change feed live, over Server-Sent Events: the subscription hears of a commit through the
// database's NOTIFY (the test server's fallback poll is a minute away), replays from a cursor,
// and ends when the server shuts down.
import { expect, test } from 'vitest';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer } from '../support/editing.js';
import { changeFields, readChanges, subscribe } from '../support/feed.js';

const editing = editingServer();
const subscription = `subscription ($since: String, $types: [ChangedType!]) { changes(since: $since, types: $types) { ${changeFields} } }`;

async function editGuide(printed: string) {
  const guide = await currentGuide(editing);
  const result = await editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed }] },
  });
  return result.data.updateContact.data as { id: string; version: number };
}

test('a subscriber hears of a committed edit as it happens', async () => {
  const stream = await subscribe(editing.server.url, subscription, { types: ['Contact'] });
  try {
    const edited = await editGuide('03632 741 557');
    const { data } = await stream.next();
    expect(data.changes).toMatchObject({
      action: 'UPDATED',
      type: 'Contact',
      id: edited.id,
      version: edited.version,
      districtAgs: '16065',
    });
  } finally {
    stream.close();
  }
});

test('a subscriber with a cursor first gets what it missed, then what follows, in order', async () => {
  const { cursor } = await readChanges((query, variables) => editing.server.graphql(query, variables), null);
  const first = await editGuide('03632 741 558');
  const stream = await subscribe(editing.server.url, subscription, { since: cursor, types: ['Contact'] });
  try {
    expect((await stream.next()).data.changes).toMatchObject({ id: first.id, version: first.version });
    const second = await editGuide('03632 741 559');
    expect((await stream.next()).data.changes).toMatchObject({ id: second.id, version: second.version });
  } finally {
    stream.close();
  }
});

test('an expired or foreign cursor is refused before the stream starts', async () => {
  const response = await fetch(editing.server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: subscription, variables: { since: 'bm90LWEtY3Vyc29y' } }),
  });
  const text = await response.text();
  expect(text).toContain('BAD_USER_INPUT');
  expect(text).toContain('not a cursor of the change feed');
});
