// Seeding applies each seed release once. A restart (seeding again, as every start does) never
// re-creates a record or a part that an editor or an import changed, replaced or removed; a new
// seed release changes only what nobody changed since.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { genericDelegate, modelNames, sqlTable } from '../../src/db/datamodel.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { exportPackages } from '../../src/packages/export.js';
import { importPackages } from '../../src/packages/import.js';
import { packageText } from '../../src/packages/rows.js';
import { readSeedPackages, rowsOf, type SeedPackage, seed } from '../../src/packages/seed.js';
import { tableByKey } from '../../src/packages/tables.js';
import { referenceReleaseId, referenceSourceId } from '../../src/places/referenceKeys.js';
import { createToken } from '../../src/tokens/issue.js';
import { issuePaths, mutate } from '../support/editing.js';
import { startTestServer, type TestServer } from '../support/testServer.js';
import { createTestTokens, type TestTokens } from '../support/tokens.js';

let server: TestServer;
let tokens: TestTokens;
beforeAll(async () => {
  server = await startTestServer();
});
beforeEach(async () => {
  await server.reset();
  tokens = await createTestTokens(server.database.client);
});
afterAll(() => server.close());

const client = () => server.database.client;
const as = (query: string, variables?: Record<string, unknown>) => server.graphql(query, variables, tokens.kyffhaeuser);
/** Everything the graph holds, as the export writes it. */
const everything = async () =>
  (await exportPackages(client())).map(({ file, dataPackage }) => `${file}\n${packageText(dataPackage)}`).join('\n');
const guideId = async () =>
  (await as('{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { id version } } } }')).data
    .contacts.edges[0].node;
const truncate = () => client().$executeRaw`TRUNCATE ${Prisma.raw(modelNames.map(sqlTable).join(', '))} CASCADE`;

describe('first start', () => {
  test('an empty database gets every row of every seed package, and records each release', async () => {
    await truncate();
    const outcomes = await seed(client());
    expect(outcomes.map(({ file, action }) => [file, action])).toEqual([
      ...readSeedPackages().map(({ file }) => [file, 'loaded']),
      [referenceReleaseId, 'loaded'],
    ]);
    for (const [table, rows] of Object.entries(rowsOf())) {
      // Besides the official list (BKG), loaded after the packages: its districts and its source.
      const stored = (await genericDelegate(client(), tableByKey.get(table)!.model).findMany({})).filter(
        (row) => row.sourceId !== referenceSourceId && row.id !== referenceSourceId,
      );
      expect(stored.length, table).toBe(rows.length);
    }
    expect((await client().seedRelease.findMany()).map((release) => release.id).sort()).toEqual(
      [...readSeedPackages().map(({ file }) => file), referenceReleaseId].sort(),
    );
  });

  test('a seed package that breaks a rule is rolled back whole', async () => {
    await truncate();
    const [catalogue] = readSeedPackages();
    const broken = structuredClone(readSeedPackages().find(({ file }) => file.startsWith('16065'))!);
    broken.content.tables.channels!.push({ ...broken.content.tables.channels![0]!, id: 'orphan', contactId: 'no-such-contact' });
    await expect(seed(client(), [catalogue!, broken])).rejects.toThrow(/foreign key constraint/i);
    expect([await client().state.count(), await client().seedRelease.count()]).toEqual([0, 0]);
  });
});

describe('restarts after edits', () => {
  test('a restart with the same release changes nothing', async () => {
    const before = await everything();
    const outcomes = await seed(client());
    expect(new Set(outcomes.map((outcome) => outcome.action))).toEqual(new Set(['current']));
    expect(await everything()).toBe(before);
  });

  /** Every kind of list an editor replaces, emptied or shortened through the API. */
  const edits: [string, () => Promise<unknown>][] = [
    [
      'a contact’s channels, addresses and office hours (the README’s example)',
      async () =>
        as(mutate('updateContact', 'UpdateContactInput'), {
          input: {
            ...(await guideId()),
            channels: [{ kind: 'PHONE', printed: '03632 / 741-261' }],
            addresses: [],
            officeHours: [{ printed: 'Dienstag 9–12 Uhr', intervals: [{ weekday: 'TUESDAY', opens: '09:00', closes: '12:00' }] }],
          },
        }),
    ],
    [
      'the Wartburgkreis contact’s office hours',
      async () => {
        const { id, version } = (await as('{ contacts(filter: { area: { district: "16063" } }) { edges { node { id version } } } }')).data
          .contacts.edges[0].node;
        return server.graphql(mutate('updateContact', 'UpdateContactInput'), { input: { id, version, officeHours: [] } }, tokens.wartburg);
      },
    ],
    [
      'a concept’s fields of action and milestones',
      async () => {
        const [concept] = (await as('{ district(ags: "16066") { concepts { id version } } }')).data.district.concepts;
        const { token } = await createToken(client(), { name: 'Redaktion Schmalkalden-Meiningen', role: 'EDITOR', districtIds: ['16066'] });
        const fields = {
          fieldsOfAction: [{ fieldOfAction: 'education', label: 'Bildung/Schule' }],
          milestones: [{ kind: 'ACHIEVED', title: 'Beschluss', periodStart: '2019-05' }],
        };
        return server.graphql(
          mutate('updateIntegrationConcept', 'UpdateIntegrationConceptInput'),
          { input: { ...concept, fields } },
          token,
        );
      },
    ],
    [
      'a post’s tasks',
      async () => {
        const [post] = (await as('{ district(ags: "16065") { positions { id version } } }')).data.district.positions;
        return as(mutate('updatePosition', 'UpdatePositionInput'), { input: { ...post, fields: { tasks: [] } } });
      },
    ],
    [
      'an offer’s places',
      async () => {
        const offers = (await as('{ district(ags: "16065") { offers(first: 50) { edges { node { id version places { label } } } } } }'))
          .data.district.offers.edges;
        const withPlaces = offers.find(({ node }: any) => node.places.length > 0).node;
        return as(mutate('updateOffer', 'UpdateOfferInput'), {
          input: { id: withPlaces.id, version: withPlaces.version, fields: { places: [] } },
        });
      },
    ],
  ];

  test.each(edits)('after an edit of %s, a restart leaves exactly the edited state', async (_what, edit) => {
    const response: any = await edit();
    const result = Object.values(response.data ?? {})[0] as { __typename: string };
    expect(result.__typename, JSON.stringify(response)).toMatch(/Success$/);
    const edited = await everything();
    await seed(client());
    expect(await everything()).toBe(edited);
  });

  test('after an import, a restart leaves exactly the imported state', async () => {
    const [, , kyffhaeuser] = (await exportPackages(client())).map(({ dataPackage }) => dataPackage);
    const imported = structuredClone(kyffhaeuser!);
    imported.tables.channels = imported.tables.channels!.slice(1);
    imported.tables.conceptFieldsOfAction = [];
    const actor = { tokenId: null, name: 'test', role: 'ADMIN' as const, districtIds: [], stateId: null, stateRegionalKey: null };
    await importPackages(client(), [{ content: imported }], { actor, now: new Date() });
    const state = await everything();
    await seed(client());
    expect(await everything()).toBe(state);
  });
});

describe('a new seed release', () => {
  /** The recorded release of a file, then a new release of it with `change` applied. */
  function release(file: string, change: (tables: Record<string, Record<string, unknown>[]>) => void): SeedPackage {
    const seedPackage = structuredClone(readSeedPackages().find((candidate) => candidate.file === file)!);
    change(seedPackage.content.tables as Record<string, Record<string, unknown>[]>);
    return { ...seedPackage, sha256: `${seedPackage.sha256}-next` };
  }

  test('changes what nobody changed since, and keeps what an editor changed', async () => {
    const guide = await guideId();
    await as(mutate('updateContact', 'UpdateContactInput'), {
      input: { ...guide, channels: [{ kind: 'PHONE', printed: '03632 / 741-261' }] },
    });
    const next = release('16065-kyffhaeuserkreis.json', (tables) => {
      for (const channel of tables.channels!) if (channel.kind === 'EMAIL') channel.printed = `${String(channel.printed)} `;
      const offer = tables.offers![0]!;
      offer.description = `${String(offer.description)} (geändert)`;
    });
    const others = readSeedPackages().filter((candidate) => candidate.file !== next.file);
    const outcomes = await seed(client(), [...others, next]);
    const updated = outcomes.find((outcome) => outcome.file === next.file)!;
    expect(updated.action).toBe('updated');
    expect(updated.kept).toContain(`contacts/${Buffer.from(guide.id, 'base64').toString().split(':')[1]}`);
    const offer = await client().offer.findUnique({ where: { id: String(next.content.tables.offers![0]!.id) } });
    expect(offer!.description).toMatch(/\(geändert\)$/);
    const channels = await client().contactChannel.findMany({
      where: { contact: { districtId: '16065', validTo: null, archivedAt: null } },
    });
    expect(channels.map((channel) => channel.printed)).toContain('03632 / 741-261');
  });
});

test('a restart after a refused edit still changes nothing', async () => {
  const before = await everything();
  const refused = await as(mutate('createOffer', 'CreateOfferInput'), { input: { district: '16065', fields: { title: '' } } });
  expect(issuePaths(refused.data.createOffer)).toContain('fields.title');
  await seed(client());
  expect(await everything()).toBe(before);
});
