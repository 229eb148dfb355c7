// District editors change their own district's data, and only that; every change is
// validated, versioned and audited. Over HTTP, against the real database.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createToken, revokeToken } from '../src/auth/tokens.js';
import { startTestServer, type TestServer } from './support/testServer.js';
import { createTestTokens, type TestTokens } from './support/tokens.js';

let server: TestServer;
let tokens: TestTokens;

beforeAll(async () => {
  server = await startTestServer();
  tokens = await createTestTokens(server.database.client);
});
afterAll(() => server.close());

const as = (token: string | null, query: string, variables?: Record<string, unknown>) => server.graphql(query, variables, token);

const result = /* GraphQL */ `
  __typename
  ... on MutationError { message }
  ... on ValidationError { issues { path message } }
  ... on VersionConflictError { expectedVersion currentVersion }
`;
/** A mutation document: `mutate('createOffer', 'CreateOfferInput', 'title')`. */
const mutate = (name: string, type: string, selection = 'version') =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { ${result} ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { id ${selection} } } } }`;
const contactFields = `id version validFrom validTo person { displayName } channels { kind value printed } officeHours { printed intervals { weekday opens closes } }`;
const updateContact = `mutation ($input: UpdateContactInput!) { updateContact(input: $input) { ${result} ... on MutationUpdateContactSuccess { data { ${contactFields} } } } }`;

/** The current integration guide of the Kyffhäuserkreis, read fresh. */
async function currentGuide() {
  const { data } = await as(
    null,
    `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { ${contactFields} } } } }`,
  );
  return data.contacts.edges[0]?.node;
}

/** Everything that a refused call must leave as it was. */
async function snapshot() {
  const client = server.database.client;
  return Promise.all([
    client.contact.findMany({ orderBy: { id: 'asc' } }),
    client.contactChannel.findMany({ orderBy: { id: 'asc' } }),
    client.officeHours.count(),
    client.district.findMany({ orderBy: { id: 'asc' } }),
    client.auditEvent.count(),
  ]);
}

describe('who may change what', () => {
  test('anonymous callers change nothing', async () => {
    const guide = await currentGuide();
    const before = await snapshot();
    const response = await as(null, updateContact, { input: { id: guide.id, version: guide.version, channels: [] } });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(await snapshot()).toEqual(before);
  });

  test('an editor of another district cannot update, archive or add contacts there, and nothing changes', async () => {
    const guide = await currentGuide();
    const position = (await as(null, `{ district(ags: "16065") { positions { id } } }`)).data.district.positions[0].id;
    const before = await snapshot();
    const attempts = [
      as(tokens.wartburg, updateContact, {
        input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03695 111111' }] },
      }),
      as(tokens.wartburg, `mutation ($input: ArchiveContactInput!) { archiveContact(input: $input) { __typename } }`, {
        input: { id: guide.id, version: guide.version },
      }),
      as(tokens.wartburg, `mutation ($input: CreateContactInput!) { createContact(input: $input) { __typename } }`, {
        input: { district: '16065', position, person: { familyName: 'Muster' } },
      }),
      as(tokens.wartburg, `mutation { confirmDistrictData(ags: "16065") { lastVerifiedAt } }`),
      as(tokens.ministryTH, `mutation { confirmDistrictData(ags: "16065") { lastVerifiedAt } }`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(response.errors?.[0]?.message).toContain('editors change only their own districts');
    }
    expect(await snapshot()).toEqual(before);
  });

  test('a revoked or unknown token is refused with 401', async () => {
    const { id, token } = await createToken(server.database.client, { name: 'Ehemalige', role: 'EDITOR', districtIds: ['16065'] });
    await revokeToken(server.database.client, id);
    for (const bearer of [token, 'igt_unknown']) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
        body: JSON.stringify({ query: '{ states { code } }' }),
      });
      expect(response.status).toBe(401);
    }
  });

  test('tokens are stored only as hashes', async () => {
    const stored = await server.database.client.apiToken.findMany();
    expect(stored.some((row) => Object.values(row).some((value) => String(value).includes(tokens.kyffhaeuser)))).toBe(false);
  });
});

describe('changes by the district’s own editor', () => {
  test('update: channels normalised, office hours structured, version and audit recorded', async () => {
    const guide = await currentGuide();
    const response = await as(tokens.kyffhaeuser, updateContact, {
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
      tokens.ministryTH,
      `{ auditEvents(filter: { district: "16065" }) { totalCount edges { node { actorName action entityType before after } } } }`,
    );
    const event = audit.data.auditEvents.edges[0].node;
    expect(event).toMatchObject({ actorName: 'Redaktion Kyffhäuserkreis', action: 'UPDATE', entityType: 'Contact' });
    expect(JSON.parse(event.before).channels.map((c: any) => c.printed)).toEqual(['03632 / 741-261', 'r.pilavskij@kyffhaeuser.de']);
    expect(JSON.parse(event.after).officeHours).toHaveLength(1);
  });

  test('a stale version is a conflict and changes nothing', async () => {
    const guide = await currentGuide();
    const before = await snapshot();
    const response = await as(tokens.kyffhaeuser, updateContact, { input: { id: guide.id, version: guide.version - 1, channels: [] } });
    expect(response.data.updateContact).toMatchObject({
      __typename: 'VersionConflictError',
      expectedVersion: guide.version - 1,
      currentVersion: guide.version,
    });
    expect(await snapshot()).toEqual(before);
  });

  test('invalid input is refused whole, every problem named by its field', async () => {
    const guide = await currentGuide();
    const before = await snapshot();
    const response = await as(tokens.kyffhaeuser, updateContact, {
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
    expect(await snapshot()).toEqual(before);
  });

  test('a new person in the post keeps history: the old contact closes, the successor opens', async () => {
    const current = await currentGuide();
    const withHours = await as(tokens.kyffhaeuser, updateContact, {
      input: {
        id: current.id,
        version: current.version,
        officeHours: [{ printed: 'Donnerstag 10–12 Uhr', intervals: [{ weekday: 'THURSDAY', opens: '10:00', closes: '12:00' }] }],
      },
    });
    const guide = withHours.data.updateContact.data;
    const response = await as(tokens.kyffhaeuser, updateContact, {
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
      tokens.kyffhaeuser,
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
      tokens.kyffhaeuser,
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
      tokens.kyffhaeuser,
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
    const events = await as(tokens.admin, `{ auditEvents(filter: { district: "16065" }) { edges { node { action entityId } } } }`);
    expect(events.data.auditEvents.edges.slice(0, 2).map((e: any) => e.node.action)).toEqual(['ARCHIVE', 'CREATE']);
  });

  test('the 8-digit form of the district key gives the same rights as the 5-digit one', async () => {
    const response = await as(tokens.kyffhaeuser, `mutation { confirmDistrictData(ags: "16065000") { ags } }`);
    expect(response.errors).toBeUndefined();
    expect(response.data.confirmDistrictData.ags).toBe('16065');
    const foreign = await as(tokens.wartburg, `mutation { confirmDistrictData(ags: "16065000") { ags } }`);
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
  });

  test('confirming the data sets "last verified" without changing it, and is audited', async () => {
    const response = await as(tokens.kyffhaeuser, `mutation { confirmDistrictData(ags: "16065") { lastVerifiedAt } }`);
    expect(Date.now() - Date.parse(response.data.confirmDistrictData.lastVerifiedAt)).toBeLessThan(60_000);
    const events = await as(
      tokens.ministryTH,
      `{ auditEvents(filter: { district: "16065" }, first: 1) { edges { node { action actorName } } } }`,
    );
    expect(events.data.auditEvents.edges[0].node).toEqual({ action: 'VERIFY', actorName: 'Redaktion Kyffhäuserkreis' });
  });
});

describe('non-public fields', () => {
  test('internal notes: the district’s editors and its ministry read them, others do not', async () => {
    const guide = await currentGuide();
    await as(tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version, internalNote: 'Vertretung ab Dezember klären' },
    });
    const note = async (token: string | null) =>
      as(token, `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { internalNote } } } }`);
    for (const token of [tokens.kyffhaeuser, tokens.ministryTH, tokens.admin]) {
      expect((await note(token)).data.contacts.edges[0].node.internalNote).toBe('Vertretung ab Dezember klären');
    }
    for (const token of [null, tokens.wartburg, tokens.ministrySN]) {
      const response = await note(token);
      expect(response.data.contacts.edges[0].node.internalNote).toBeNull();
      expect(response.errors?.[0]?.extensions?.code).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
    }
  });

  test('the audit log: ministries see their own state, editors and the public none', async () => {
    const count = async (token: string | null) => as(token, `{ auditEvents { totalCount } }`);
    expect((await count(tokens.ministryTH)).data.auditEvents.totalCount).toBeGreaterThan(0);
    expect((await count(tokens.ministrySN)).data.auditEvents.totalCount).toBe(0);
    expect((await count(tokens.kyffhaeuser)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await count(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});

describe('offers', () => {
  const createOffer = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${result} ... on MutationCreateOfferSuccess { data { id version title category languages places { municipality { name } } } } } }`;
  const updateOffer = `mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { ${result} ... on MutationUpdateOfferSuccess { data { version title website } } } }`;
  const archiveOffer = `mutation ($input: ArchiveOfferInput!) { archiveOffer(input: $input) { ${result} ... on MutationArchiveOfferSuccess { data { version } } } }`;
  const offerCount = () => server.database.client.offer.count();

  test('an editor of another district can neither add, change nor withdraw offers there', async () => {
    const { data } = await as(null, `{ district(ags: "16065") { offers(first: 1) { edges { node { id version } } } } }`);
    const offer = data.district.offers.edges[0].node;
    const before = await Promise.all([
      server.database.client.offer.findMany({ orderBy: { id: 'asc' } }),
      server.database.client.auditEvent.count(),
    ]);
    const attempts = await Promise.all([
      as(tokens.wartburg, createOffer, { input: { district: '16065', fields: { title: 'X', category: 'COUNSELLING', description: 'Y' } } }),
      as(tokens.wartburg, updateOffer, { input: { id: offer.id, version: offer.version, fields: { title: 'Übernommen' } } }),
      as(tokens.wartburg, archiveOffer, { input: { id: offer.id, version: offer.version } }),
    ]);
    for (const response of attempts) expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await Promise.all([server.database.client.offer.findMany({ orderBy: { id: 'asc' } }), server.database.client.auditEvent.count()]),
    ).toEqual(before);
  });

  test('create, change, and withdraw an offer of one’s own district', async () => {
    const created = await as(tokens.kyffhaeuser, createOffer, {
      input: {
        district: '16065',
        fields: {
          title: 'Sprachcafé',
          category: 'LANGUAGE_COURSE',
          description: 'Deutsch üben bei Kaffee und Kuchen.',
          languages: ['de', 'uk'],
          targetGroups: ['NEWCOMERS'],
          places: ['Artern'],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const offer = created.data.createOffer.data;
    expect(offer).toMatchObject({
      version: 1,
      title: 'Sprachcafé',
      languages: ['de', 'uk'],
      places: [{ municipality: { name: 'Artern' } }],
    });
    const inUkrainian = await as(null, `{ offers(filter: { language: "uk" }) { edges { node { id } } } }`);
    expect(inUkrainian.data.offers.edges.map((e: any) => e.node.id)).toEqual([offer.id]);

    const updated = await as(tokens.kyffhaeuser, updateOffer, {
      input: { id: offer.id, version: 1, fields: { website: 'https://www.kyffhaeuser.de/sprachcafe' } },
    });
    expect(updated.data.updateOffer.data).toEqual({ version: 2, title: 'Sprachcafé', website: 'https://www.kyffhaeuser.de/sprachcafe' });
    const stale = await as(tokens.kyffhaeuser, updateOffer, { input: { id: offer.id, version: 1, fields: { title: 'Alt' } } });
    expect(stale.data.updateOffer).toMatchObject({ __typename: 'VersionConflictError', currentVersion: 2 });

    const count = await offerCount();
    const archived = await as(tokens.kyffhaeuser, archiveOffer, { input: { id: offer.id, version: 2 } });
    expect(archived.data.archiveOffer.data).toEqual({ version: 3 });
    expect(await offerCount()).toBe(count); // kept, only no longer listed
    const listed = await as(null, `{ offers(filter: { language: "uk" }) { totalCount } }`);
    expect(listed.data.offers.totalCount).toBe(0);
  });

  test('simultaneous first edits of a district’s day all succeed, under one editorial source', async () => {
    const creations = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        as(tokens.admin, createOffer, {
          input: { district: '14522', fields: { title: `Beratung ${n}`, category: 'COUNSELLING', description: 'Beratung vor Ort.' } },
        }),
      ),
    );
    for (const response of creations) expect(response.data?.createOffer?.__typename).toBe('MutationCreateOfferSuccess');
    const sources = await server.database.client.source.findMany({ where: { districtId: '14522', kind: 'EDITORIAL' } });
    expect(sources).toHaveLength(1);
  });

  test('invalid offers are refused with every problem named', async () => {
    const count = await offerCount();
    const response = await as(tokens.kyffhaeuser, createOffer, {
      input: {
        district: '16065',
        fields: { title: ' ', category: 'COUNSELLING', languages: ['Deutsch'], website: 'ftp://x', places: ['Erfurt'] },
      },
    });
    expect(response.data.createOffer.__typename).toBe('ValidationError');
    expect(response.data.createOffer.issues.map((issue: any) => issue.path)).toEqual([
      'fields.title',
      'fields.description',
      'fields.languages[0]',
      'fields.website',
      'fields.places[0]',
    ]);
    expect(await offerCount()).toBe(count);
  });
});

describe('indicator values', () => {
  const record = `mutation ($input: RecordIndicatorValueInput!) { recordIndicatorValue(input: $input) { ${result} ... on MutationRecordIndicatorValueSuccess { data { value printed validFrom validTo version } } } }`;
  const values = async (args: string) =>
    (
      await as(
        null,
        `{ district(ags: "16065") { indicators${args ? `(${args})` : ''} { indicator { key } value validFrom validTo version } } }`,
      )
    ).data.district.indicators.filter((v: any) => v.indicator.key === 'population-migration-background');

  test('a new value closes the current one on its first day; history keeps all three', async () => {
    const [current] = await values('');
    expect(current).toMatchObject({ value: 3900, validTo: null });
    const before = await server.database.client.indicatorValue.count();

    const refused = await as(tokens.wartburg, record, {
      input: { district: '16065', indicator: 'population-migration-background', value: 1, currentVersion: current.version },
    });
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    const stale = await as(tokens.kyffhaeuser, record, {
      input: {
        district: '16065',
        indicator: 'population-migration-background',
        value: 4100,
        validFrom: '2026-01-01',
        currentVersion: current.version + 1,
      },
    });
    expect(stale.data.recordIndicatorValue).toMatchObject({ __typename: 'VersionConflictError', currentVersion: current.version });
    expect(await server.database.client.indicatorValue.count()).toBe(before);

    const recorded = await as(tokens.kyffhaeuser, record, {
      input: {
        district: '16065',
        indicator: 'population-migration-background',
        value: 4100,
        qualifier: 'MORE_THAN',
        printed: 'mehr als 4.100',
        validFrom: '2026-01-01',
        currentVersion: current.version,
      },
    });
    expect(recorded.data.recordIndicatorValue.data).toEqual({
      value: 4100,
      printed: 'mehr als 4.100',
      validFrom: '2026-01-01',
      validTo: null,
      version: 1,
    });
    expect((await values('')).map((v: any) => v.value)).toEqual([4100]);
    expect((await values('asOf: "2025-06-01"')).map((v: any) => v.value)).toEqual([3900]);
    expect((await values('history: true')).map((v: any) => [v.value, v.validTo])).toEqual([
      [1800, '2019-12-31'],
      [3900, '2026-01-01'],
      [4100, null],
    ]);
  });

  test('the version read is required, and unknown indicators and earlier dates are refused', async () => {
    const response = await as(tokens.kyffhaeuser, record, {
      input: { district: '16065', indicator: 'population-migration-background', value: 5000, validFrom: '2020-01-01' },
    });
    expect(response.data.recordIndicatorValue.issues.map((i: any) => i.path)).toEqual(['validFrom', 'currentVersion']);
    const unknown = await as(tokens.kyffhaeuser, record, { input: { district: '16065', indicator: 'happiness', value: -1 } });
    expect(unknown.data.recordIndicatorValue.issues.map((i: any) => i.path)).toEqual(['indicator', 'value']);
  });

  test('a first value of an indicator needs no version', async () => {
    const response = await as(tokens.wartburg, record, {
      input: { district: '16063', indicator: 'childcare-centres', value: 71, referenceDate: '2026-03-01' },
    });
    expect(response.data.recordIndicatorValue.data).toMatchObject({ value: 71, validFrom: '2026-03-01', version: 1 });
  });
});

describe('fundings and documents', () => {
  const kyffhaeuser = async () =>
    (await as(null, `{ district(ags: "16065") { positions { id } concepts { id } fundings { id version } documents { id version } } }`))
      .data.district;

  test('an editor of another district can change none of them, and nothing changes', async () => {
    const district = await kyffhaeuser();
    const before = await Promise.all([
      server.database.client.funding.findMany({ orderBy: { id: 'asc' } }),
      server.database.client.document.findMany({ orderBy: { id: 'asc' } }),
      server.database.client.auditEvent.count(),
    ]);
    const funding = district.fundings[0];
    const document = district.documents[0];
    const attempts = await Promise.all([
      as(tokens.wartburg, mutate('createFunding', 'CreateFundingInput'), {
        input: { district: '16065', fields: { description: 'x', programme: 'esf' } },
      }),
      as(tokens.wartburg, mutate('updateFunding', 'UpdateFundingInput'), {
        input: { id: funding.id, version: funding.version, fields: { sharePercent: 10 } },
      }),
      as(tokens.wartburg, mutate('archiveFunding', 'ArchiveFundingInput'), { input: { id: funding.id, version: funding.version } }),
      as(tokens.wartburg, mutate('createDocument', 'CreateDocumentInput'), {
        input: { district: '16065', fields: { title: 'x', kind: 'OTHER' } },
      }),
      as(tokens.wartburg, mutate('updateDocument', 'UpdateDocumentInput'), {
        input: { id: document.id, version: document.version, fields: { title: 'y' } },
      }),
      as(tokens.wartburg, mutate('archiveDocument', 'ArchiveDocumentInput'), { input: { id: document.id, version: document.version } }),
    ]);
    for (const response of attempts) expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(
      await Promise.all([
        server.database.client.funding.findMany({ orderBy: { id: 'asc' } }),
        server.database.client.document.findMany({ orderBy: { id: 'asc' } }),
        server.database.client.auditEvent.count(),
      ]),
    ).toEqual(before);
  });

  test('a funding of a post: created with its programme’s funder, changed, withdrawn', async () => {
    const { positions } = await kyffhaeuser();
    const created = await as(
      tokens.kyffhaeuser,
      mutate('createFunding', 'CreateFundingInput', 'version sharePercent funder { name } programme { key }'),
      {
        input: {
          district: '16065',
          fields: {
            description: 'Integrationsmanagement nach ThILIK',
            programme: 'thilik',
            position: positions[0].id,
            sharePercent: 80,
            periodStart: '2026',
            periodEnd: '2027-12',
          },
        },
      },
    );
    expect(created.errors).toBeUndefined();
    const funding = created.data.createFunding.data;
    expect(funding).toMatchObject({ version: 1, sharePercent: 80, funder: { name: 'Freistaat Thüringen' }, programme: { key: 'thilik' } });
    const updated = await as(tokens.kyffhaeuser, mutate('updateFunding', 'UpdateFundingInput', 'version sharePercent'), {
      input: { id: funding.id, version: 1, fields: { sharePercent: 90 } },
    });
    expect(updated.data.updateFunding.data).toMatchObject({ version: 2, sharePercent: 90 });
    const listed = async () => (await kyffhaeuser()).fundings.map((f: any) => f.id);
    expect(await listed()).toContain(funding.id);
    await as(tokens.kyffhaeuser, mutate('archiveFunding', 'ArchiveFundingInput'), { input: { id: funding.id, version: 2 } });
    expect(await listed()).not.toContain(funding.id);
  });

  test('invalid fundings and documents are refused with every problem named', async () => {
    const foreignPost = (await as(null, `{ district(ags: "14522") { positions { id } concepts { id } } }`)).data.district.positions[0].id;
    const funding = await as(tokens.kyffhaeuser, mutate('createFunding', 'CreateFundingInput'), {
      input: {
        district: '16065',
        fields: { description: '', position: foreignPost, sharePercent: 150, periodStart: '2027', periodEnd: '2026' },
      },
    });
    expect(funding.data.createFunding.issues.map((i: any) => i.path)).toEqual([
      'fields.description',
      'fields.programme',
      'fields.position',
      'fields.sharePercent',
      'fields.periodEnd',
    ]);
    const concept = (await as(null, `{ district(ags: "16066") { concepts { id } } }`)).data.district.concepts[0].id;
    const document = await as(tokens.kyffhaeuser, mutate('createDocument', 'CreateDocumentInput'), {
      input: { district: '16065', fields: { kind: 'NEWSLETTER', url: 'file:///etc/passwd', concept, programme: 'nope' } },
    });
    expect(document.data.createDocument.issues.map((i: any) => i.path)).toEqual([
      'fields.title',
      'fields.url',
      'fields.concept',
      'fields.programme',
    ]);
  });

  test('a document of the district’s concept: listed, then withdrawn', async () => {
    const { concepts } = await kyffhaeuser();
    const created = await as(tokens.kyffhaeuser, mutate('createDocument', 'CreateDocumentInput', 'version title issued'), {
      input: {
        district: '16065',
        fields: {
          title: 'Leitbild Integration (Entwurf)',
          kind: 'INTEGRATION_CONCEPT',
          format: 'PDF',
          issued: '2026-11',
          url: 'https://www.kyffhaeuser.de/leitbild.pdf',
          concept: concepts[0].id,
        },
      },
    });
    const document = created.data.createDocument.data;
    expect(document).toMatchObject({ version: 1, title: 'Leitbild Integration (Entwurf)', issued: '2026-11' });
    const conceptDocuments = async () =>
      (await as(null, `{ district(ags: "16065") { concepts { documents { title } } } }`)).data.district.concepts[0].documents.map(
        (d: any) => d.title,
      );
    expect(await conceptDocuments()).toContain('Leitbild Integration (Entwurf)');
    await as(tokens.kyffhaeuser, mutate('archiveDocument', 'ArchiveDocumentInput'), { input: { id: document.id, version: 1 } });
    expect(await conceptDocuments()).not.toContain('Leitbild Integration (Entwurf)');
  });
});

describe('integration concepts', () => {
  const selection =
    'version status adoptedOn milestones { kind title periodStart } fieldsOfAction { label emphasis fieldOfAction { key } }';

  test('the Wartburgkreis drafts a concept, adopts it, and only its editors may', async () => {
    const created = await as(tokens.wartburg, mutate('createIntegrationConcept', 'CreateIntegrationConceptInput', selection), {
      input: {
        district: '16063',
        fields: {
          title: 'Integrationskonzept Wartburgkreis',
          status: 'IN_PREPARATION',
          milestones: [{ kind: 'PLANNED', title: 'Bestandsaufnahme', periodStart: '2027' }],
          fieldsOfAction: [
            { fieldOfAction: 'education', label: 'Bildung' },
            { fieldOfAction: 'participation', label: 'Teilhabe', emphasis: 'THEME' },
          ],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const concept = created.data.createIntegrationConcept.data;
    expect(concept).toMatchObject({
      version: 1,
      status: 'IN_PREPARATION',
      milestones: [{ kind: 'PLANNED', title: 'Bestandsaufnahme', periodStart: '2027' }],
      fieldsOfAction: [
        { label: 'Bildung', emphasis: 'FIELD_OF_ACTION', fieldOfAction: { key: 'education' } },
        { label: 'Teilhabe', emphasis: 'THEME', fieldOfAction: { key: 'participation' } },
      ],
    });
    const withParticipation = await as(
      null,
      `{ concepts(filter: { fieldOfAction: "participation" }) { edges { node { district { ags } } } } }`,
    );
    expect(withParticipation.data.concepts.edges.map((e: any) => e.node.district.ags)).toEqual(['16063', '16065']); // the Kyffhäuser concept has it as a theme

    const foreign = await as(tokens.kyffhaeuser, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'), {
      input: { id: concept.id, version: 1, fields: { status: 'ADOPTED' } },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const adopted = await as(tokens.wartburg, mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput', selection), {
      input: { id: concept.id, version: 1, fields: { status: 'ADOPTED', adoptedOn: '2027-06-12', adoptedBy: 'Kreistag' } },
    });
    // Lists left out are kept.
    expect(adopted.data.updateIntegrationConcept.data).toMatchObject({
      version: 2,
      status: 'ADOPTED',
      adoptedOn: '2027-06-12',
      milestones: [{ title: 'Bestandsaufnahme' }],
    });

    await as(tokens.wartburg, mutate('archiveIntegrationConcept', 'ArchiveIntegrationConceptInput'), {
      input: { id: concept.id, version: 2 },
    });
    const listed = await as(null, `{ district(ags: "16063") { concepts { id } } }`);
    expect(listed.data.district.concepts).toEqual([]);
  });

  test('unknown or repeated fields of action, and an adoption without date, are refused', async () => {
    const response = await as(tokens.wartburg, mutate('createIntegrationConcept', 'CreateIntegrationConceptInput'), {
      input: {
        district: '16063',
        fields: {
          title: 'Konzept',
          status: 'ADOPTED',
          milestones: [{ kind: 'ACHIEVED', title: 'Analyse', periodStart: '2019', periodEnd: '2018' }],
          fieldsOfAction: [
            { fieldOfAction: 'education', label: 'Bildung' },
            { fieldOfAction: 'education', label: 'Schule' },
            { fieldOfAction: 'happiness', label: 'Glück' },
          ],
        },
      },
    });
    expect(response.data.createIntegrationConcept.issues.map((i: any) => i.path)).toEqual([
      'fields.adoptedOn',
      'fields.milestones[0].periodEnd',
      'fields.fieldsOfAction[1].fieldOfAction',
      'fields.fieldsOfAction[2].fieldOfAction',
    ]);
  });
});

describe('posts', () => {
  const selection = 'version title role { key } tasks { task { key } wording }';

  test('a new post with catalogue tasks; only the district’s editors change it; abolished posts take no new contacts', async () => {
    const created = await as(tokens.kyffhaeuser, mutate('createPosition', 'CreatePositionInput', selection), {
      input: {
        district: '16065',
        fields: {
          title: 'Koordinationskraft Integration',
          role: 'integration-coordination-staff',
          tasks: [{ task: 'regional-network-work', wording: 'Netzwerkarbeit im Landkreis' }],
        },
      },
    });
    expect(created.errors).toBeUndefined();
    const post = created.data.createPosition.data;
    expect(post).toMatchObject({
      version: 1,
      role: { key: 'integration-coordination-staff' },
      tasks: [{ task: { key: 'regional-network-work' }, wording: 'Netzwerkarbeit im Landkreis' }],
    });

    const foreign = await as(tokens.wartburg, mutate('updatePosition', 'UpdatePositionInput'), {
      input: { id: post.id, version: 1, fields: { title: 'x' } },
    });
    expect(foreign.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const updated = await as(tokens.kyffhaeuser, mutate('updatePosition', 'UpdatePositionInput', selection), {
      input: {
        id: post.id,
        version: 1,
        fields: { tasks: [{ task: 'volunteer-and-project-coordination', wording: 'Ehrenamt koordinieren' }] },
      },
    });
    expect(updated.data.updatePosition.data).toMatchObject({
      version: 2,
      title: 'Koordinationskraft Integration',
      tasks: [{ task: { key: 'volunteer-and-project-coordination' } }],
    });

    await as(tokens.kyffhaeuser, mutate('archivePosition', 'ArchivePositionInput'), { input: { id: post.id, version: 2 } });
    const posts = await as(null, `{ district(ags: "16065") { positions { id } } }`);
    expect(posts.data.district.positions.map((p: any) => p.id)).not.toContain(post.id);
    const contact = await as(tokens.kyffhaeuser, `mutation ($input: CreateContactInput!) { createContact(input: $input) { ${result} } }`, {
      input: { district: '16065', position: post.id, person: { familyName: 'Muster' } },
    });
    expect(contact.data.createContact.issues.map((i: any) => i.path)).toEqual(['position']);
  });

  test('unknown roles and tasks, repeated tasks and an empty post are refused', async () => {
    const response = await as(tokens.kyffhaeuser, mutate('createPosition', 'CreatePositionInput'), {
      input: {
        district: '16065',
        fields: {
          title: 'Stelle',
          role: 'wizard',
          headcount: 0,
          tasks: [
            { task: 'public-relations', wording: 'a' },
            { task: 'public-relations', wording: 'b' },
            { task: 'magic', wording: 'c' },
          ],
        },
      },
    });
    expect(response.data.createPosition.issues.map((i: any) => i.path)).toEqual([
      'fields.role',
      'fields.headcount',
      'fields.tasks[1].task',
      'fields.tasks[2].task',
    ]);
  });
});
