// Office hours given again in a contact change keep what hangs on them while their text stays
// the same: its translations and the calendar address residents subscribed to. A translation of
// a text that is gone is removed with it, and the audit log says so.
import { expect, test } from 'vitest';
import { editingServer, mutationResult } from '../support/editing.js';

const editing = editingServer();

const hoursFields = 'id version officeHours { id icalUrl printed en: printed(lang: "en") intervals { weekday opens closes } }';
const update = `mutation ($input: UpdateContactInput!) { updateContact(input: $input) { ${mutationResult}
  ... on MutationUpdateContactSuccess { data { ${hoursFields} } } } }`;
const save = `mutation ($input: SaveTranslationInput!) { saveTranslation(input: $input) { __typename } }`;

/** The Kyffhäuserkreis' streetworker, whose page prints office hours, with them translated into English. */
async function streetworkerWithTranslatedHours() {
  const id = Buffer.from('Contact:16065/contact/weise').toString('base64');
  const read = async () =>
    (await editing.as(null, `query ($id: ID!) { node(id: $id) { ... on Contact { ${hoursFields} } } }`, { id })).data.node;
  const [hours] = (await read()).officeHours;
  const saved = await editing.as(editing.tokens.kyffhaeuser, save, {
    input: { subject: hours.id, field: 'printed', language: 'en', fields: { text: 'Office hours on Mondays, Wednesdays and Fridays' } },
  });
  expect(saved.data.saveTranslation.__typename).toBe('MutationSaveTranslationSuccess');
  // The translation is a change of the contact (its version went up).
  return { contact: await read(), hours };
}

const given = (hours: { printed: string; intervals: unknown[] }) => ({ printed: hours.printed, intervals: hours.intervals });

test('office hours given again with the same text keep their translation and calendar address', async () => {
  const { contact, hours } = await streetworkerWithTranslatedHours();
  const changed = await editing.as(editing.tokens.kyffhaeuser, update, {
    input: {
      id: contact.id,
      version: contact.version,
      fields: { officeHours: [{ ...given(hours), intervals: [{ weekday: 'MONDAY', opens: '09:30', closes: '11:00' }] }] },
    },
  });
  expect(changed.data.updateContact.__typename, JSON.stringify(changed)).toBe('MutationUpdateContactSuccess');
  const [after] = changed.data.updateContact.data.officeHours;
  expect(after).toMatchObject({
    id: hours.id,
    icalUrl: hours.icalUrl,
    printed: hours.printed,
    en: 'Office hours on Mondays, Wednesdays and Fridays',
  });
  expect(after.intervals).toEqual([{ weekday: 'MONDAY', opens: '09:30', closes: '11:00' }]);
});

test('a translation of office hours whose text changed is removed, and audited', async () => {
  const { contact, hours } = await streetworkerWithTranslatedHours();
  const changed = await editing.as(editing.tokens.kyffhaeuser, update, {
    input: {
      id: contact.id,
      version: contact.version,
      fields: { officeHours: [{ ...given(hours), printed: 'Montag 09:30 Uhr - 11:00 Uhr' }] },
    },
  });
  expect(changed.data.updateContact.__typename, JSON.stringify(changed)).toBe('MutationUpdateContactSuccess');
  const [after] = changed.data.updateContact.data.officeHours;
  expect(after.en).toBe('Montag 09:30 Uhr - 11:00 Uhr'); // German, no stale English
  const client = editing.server.database.client;
  expect(await client.translation.count({ where: { entityType: 'OfficeHours' } })).toBe(0);
  const removal = await client.auditEvent.findFirstOrThrow({ where: { entityType: 'Translation', action: 'ARCHIVE' } });
  expect(removal).toMatchObject({ actorName: 'Redaktion Kyffhäuserkreis', districtId: '16065' });
  expect(removal.before).toMatchObject({
    entityId: Buffer.from(hours.id, 'base64').toString().split(':')[1],
    text: 'Office hours on Mondays, Wednesdays and Fridays',
  });
});
