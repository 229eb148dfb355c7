// Editors change their district’s contacts: normalised, versioned, audited, with history kept; every problem named at once.
import { describe, expect, test } from 'vitest';
import { contactFields, contactTables, currentGuide, updateContact } from '../support/contacts.js';
import { editingServer, mutationResult as result } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;

describe('contacts, by the district\u2019s own editor', () => {
  test('update: channels normalised, office hours structured, version and audit recorded', async () => {
    const guide = await currentGuide(editing);
    const response = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: {
        id: guide.id,
        version: guide.version,
        channels: [
          { kind: 'PHONE', printed: '03632 / 741 - 261' },
          { kind: 'EMAIL', printed: 'r.pilavskij[at]kyffhaeuser.de' },
        ],
        officeHours: [{ printed: 'Dienstag 09:00 - 12:00 Uhr', intervals: [{ weekday: 'TUESDAY', opens: '09:00', closes: '12:00' }] }],
      },
    });
    expect(response.errors).toBeUndefined();
    const contact = response.data.updateContact.data;
    expect(contact.version).toBe(guide.version + 1);
    expect(contact.channels).toEqual([
      { kind: 'PHONE', value: '+493632741261', printed: '03632 / 741 - 261' },
      { kind: 'EMAIL', value: 'r.pilavskij@kyffhaeuser.de', printed: 'r.pilavskij[at]kyffhaeuser.de' },
    ]);
    expect(contact.officeHours[0].intervals).toEqual([{ weekday: 'TUESDAY', opens: '09:00', closes: '12:00' }]);

    const audit = await as(
      editing.tokens.ministryTH,
      `{ auditEvents(filter: { district: "16065" }) { totalCount edges { node { actorName action entityType before after } } } }`,
    );
    const event = audit.data.auditEvents.edges[0].node;
    expect(event).toMatchObject({ actorName: 'Redaktion Kyffhäuserkreis', action: 'UPDATE', entityType: 'Contact' });
    expect(JSON.parse(event.before).channels.map((c: any) => c.printed)).toEqual(['03632 / 741-261', 'r.pilavskij@kyffhaeuser.de']);
    expect(JSON.parse(event.after).officeHours).toHaveLength(1);
  });

  test('a stale version is a conflict and changes nothing', async () => {
    const guide = await currentGuide(editing);
    const before = await contactTables(editing);
    const response = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version - 1, channels: [] },
    });
    expect(response.data.updateContact).toMatchObject({
      __typename: 'VersionConflictError',
      expectedVersion: guide.version - 1,
      currentVersion: guide.version,
    });
    expect(await contactTables(editing)).toEqual(before);
  });

  test('invalid input is refused whole, every problem named by its field', async () => {
    const guide = await currentGuide(editing);
    const before = await contactTables(editing);
    const response = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: {
        id: guide.id,
        version: guide.version,
        channels: [
          { kind: 'PHONE', printed: '12' },
          { kind: 'EMAIL', printed: 'kein-postfach' },
        ],
        addresses: [{ kind: 'VISITOR', street: 'Markt 8', postalCode: '9970', locality: 'Sondershausen' }],
        officeHours: [{ printed: 'Montag', intervals: [{ weekday: 'MONDAY', opens: '14:00', closes: '09:00' }] }],
      },
    });
    expect(response.data.updateContact.__typename).toBe('ValidationError');
    expect(response.data.updateContact.issues.map((issue: any) => issue.path)).toEqual([
      'channels[0].printed',
      'channels[1].printed',
      'addresses[0].postalCode',
      'officeHours[0].intervals[0].closes',
    ]);
    expect(await contactTables(editing)).toEqual(before);
  });

  test('a new person in the post keeps history: the old contact closes, the successor opens', async () => {
    const current = await currentGuide(editing);
    const withHours = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: {
        id: current.id,
        version: current.version,
        officeHours: [{ printed: 'Donnerstag 10–12 Uhr', intervals: [{ weekday: 'THURSDAY', opens: '10:00', closes: '12:00' }] }],
      },
    });
    const guide = withHours.data.updateContact.data;
    const response = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: {
        id: guide.id,
        version: guide.version,
        person: { salutation: 'Frau', familyName: 'Beispiel' },
        changeDate: '2026-10-01',
        internalNote: 'Übergabe läuft',
      },
    });
    expect(response.errors).toBeUndefined();
    expect(response.data.updateContact.data).toMatchObject({
      person: { displayName: 'Frau Beispiel' },
      validFrom: '2026-10-01',
      validTo: null,
    });
    // The successor starts with the post's channels and office hours.
    expect(response.data.updateContact.data.channels.map((c: any) => c.value)).toEqual(guide.channels.map((c: any) => c.value));
    expect(guide.officeHours).toHaveLength(1);
    expect(response.data.updateContact.data.officeHours).toEqual(guide.officeHours);
    const note = await as(
      editing.tokens.kyffhaeuser,
      `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { internalNote } } } }`,
    );
    expect(note.data.contacts.edges[0].node.internalNote).toBe('Übergabe läuft');
    const names = async (asOf: string) =>
      (
        await as(
          null,
          `{ contacts(asOf: "${asOf}", filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { person { displayName } validTo } } } }`,
        )
      ).data.contacts.edges.map((e: any) => e.node.person.displayName);
    expect(await names('2026-09-30')).toEqual(['Herr Pilavskij']);
    expect(await names('2026-10-01')).toEqual(['Frau Beispiel']);
    expect(await names('2016-07-01')).toEqual(['Frau Christin Weise']);
  });

  test('create and archive: the new contact is listed, and after archiving only in the history', async () => {
    const position = (await as(null, `{ district(ags: "16065") { positions { id title } } }`)).data.district.positions.find((p: any) =>
      p.title.startsWith('Integrations- und'),
    ).id;
    const created = await as(
      editing.tokens.kyffhaeuser,
      `mutation ($input: CreateContactInput!) { createContact(input: $input) { ${result} ... on MutationCreateContactSuccess { data { id version validFrom person { displayName } channels { value } } } } }`,
      {
        input: {
          district: '16065',
          position,
          person: { givenName: 'Mira', familyName: 'Vertretung' },
          validFrom: '2026-11-01',
          channels: [{ kind: 'PHONE', printed: '03632 741-999' }],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const contact = created.data.createContact.data;
    expect(contact).toMatchObject({
      version: 1,
      validFrom: '2026-11-01',
      person: { displayName: 'Mira Vertretung' },
      channels: [{ value: '+49363274199' + '9' }],
    });

    const archived = await as(
      editing.tokens.kyffhaeuser,
      `mutation ($input: ArchiveContactInput!) { archiveContact(input: $input) { ${result} ... on MutationArchiveContactSuccess { data { validTo version } } } }`,
      {
        input: { id: contact.id, version: 1, validTo: '2026-11-15' },
      },
    );
    expect(archived.data.archiveContact.data).toEqual({ validTo: '2026-11-15', version: 2 });
    const listed = async (asOf?: string) =>
      (
        await as(null, `query ($asOf: Date) { contacts(asOf: $asOf, filter: { area: { district: "16065" } }) { edges { node { id } } } }`, {
          asOf,
        })
      ).data.contacts.edges.map((e: any) => e.node.id);
    expect(await listed()).not.toContain(contact.id);
    const events = await as(editing.tokens.admin, `{ auditEvents(filter: { district: "16065" }) { edges { node { action entityId } } } }`);
    expect(events.data.auditEvents.edges.slice(0, 2).map((e: any) => e.node.action)).toEqual(['ARCHIVE', 'CREATE']);
  });

  test('create and update take the contact under `fields`; its post and start are fixed once it exists', async () => {
    const position = (await as(null, `{ district(ags: "16065") { positions { id } } }`)).data.district.positions[0].id;
    const create = `mutation ($input: CreateContactInput!) { createContact(input: $input) { ${result} ... on MutationCreateContactSuccess { data { ${contactFields} } } } }`;
    const withoutPost = await as(editing.tokens.kyffhaeuser, create, {
      input: { district: '16065', fields: { person: { familyName: 'Muster' } } },
    });
    expect(withoutPost.data.createContact.issues).toEqual([
      { path: 'fields.position', message: 'is required', code: 'REQUIRED', params: [] },
    ]);
    const created = await as(editing.tokens.kyffhaeuser, create, {
      input: {
        district: '16065',
        fields: {
          position,
          person: { salutation: 'Frau', familyName: 'Muster' },
          channels: [{ kind: 'PHONE', printed: '03632 / 741-300' }],
        },
      },
    });
    const contact = created.data.createContact.data;
    expect(contact.channels).toEqual([{ kind: 'PHONE', value: '+493632741300', printed: '03632 / 741-300' }]);
    const update = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: {
        id: contact.id,
        version: contact.version,
        channels: [],
        fields: { position, validFrom: '2020-01-01', channels: [{ kind: 'FAX', printed: '1' }] },
      },
    });
    expect(update.data.updateContact.issues.map((issue: { path: string }) => issue.path)).toEqual([
      'fields.position',
      'fields.validFrom',
      'fields.channels[0].printed',
      'channels',
    ]);
    const updated = await as(editing.tokens.kyffhaeuser, updateContact, {
      input: { id: contact.id, version: contact.version, fields: { channels: [{ kind: 'EMAIL', printed: 'muster(at)kyffhaeuser.de' }] } },
    });
    expect(updated.data.updateContact.data.channels).toEqual([
      { kind: 'EMAIL', value: 'muster@kyffhaeuser.de', printed: 'muster(at)kyffhaeuser.de' },
    ]);
  });

  test('internal notes: the district’s editors and its ministry read them, others do not', async () => {
    const guide = await currentGuide(editing);
    await as(editing.tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version, internalNote: 'Vertretung ab Dezember klären' },
    });
    const note = async (token: string | null) =>
      as(token, `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { internalNote } } } }`);
    for (const token of [editing.tokens.kyffhaeuser, editing.tokens.ministryTH, editing.tokens.admin]) {
      expect((await note(token)).data.contacts.edges[0].node.internalNote).toBe('Vertretung ab Dezember klären');
    }
    for (const token of [null, editing.tokens.wartburg, editing.tokens.ministrySN]) {
      const response = await note(token);
      expect(response.data.contacts.edges[0].node.internalNote).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });
});
