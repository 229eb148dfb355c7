// The change feed as a portal that copies our data uses it: from the beginning, from a cursor,
// filtered, under concurrent writers, and after pruning.
import { setTimeout } from 'node:timers/promises';
import { describe, expect, test } from 'vitest';
import { decodeGlobalId } from '../../src/common/globalId.js';
import { pruneFeed } from '../../src/feed/read.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer, mutate } from '../support/editing.js';
import { readChanges, storedVersions } from '../support/feed.js';

const editing = editingServer();
const graphql: Parameters<typeof readChanges>[0] = (query, variables) => editing.server.graphql(query, variables);

const updateOffer = mutate('updateOffer', 'UpdateOfferInput', 'version archivedAt updatedAt');
const archiveOffer = mutate('archiveOffer', 'ArchiveOfferInput', 'version archivedAt');

async function kyffhaeuserOffers(): Promise<{ id: string; version: number }[]> {
  const { data } = await editing.as(null, '{ district(ags: "16065") { offers(first: 50) { edges { node { id version } } } } }');
  return data.district.offers.edges.map((edge: { node: { id: string; version: number } }) => edge.node);
}

/** What a copy holds after applying events in order: the latest version of each record. */
function applied(events: { id: string; version: number }[]) {
  const latest = new Map<string, number>();
  for (const event of events) {
    const { typename, id } = decodeGlobalId(event.id);
    latest.set(`${typename}:${id}`, event.version);
  }
  return [...latest].map(([key, version]) => `${key}@${version}`).sort();
}

describe('the change feed', () => {
  test('from the beginning it names every public record there is, each once, with its version', async () => {
    const { events } = await readChanges(graphql, null);
    expect(applied(events)).toEqual(await storedVersions(editing.server.database.client));
    expect(new Set(events.map((event) => event.id)).size).toBe(events.length);
    expect(events.every((event) => event.action === 'CREATED')).toBe(true);
  });

  test('an edit and an archive come as UPDATED and ARCHIVED with the new versions; the archived offer stays reachable and says so', async () => {
    const { cursor } = await readChanges(graphql, null);
    const guide = await currentGuide(editing);
    const edited = await editing.as(editing.tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03632 741 555' }] },
    });
    expect(edited.data.updateContact.__typename).toBe('MutationUpdateContactSuccess');
    const [offer] = await kyffhaeuserOffers();
    const archived = await editing.as(editing.tokens.kyffhaeuser, archiveOffer, { input: { id: offer!.id, version: offer!.version } });
    expect(archived.data.archiveOffer.data.archivedAt).not.toBeNull();

    const { events } = await readChanges(graphql, cursor);
    expect(events.map(({ action, type, id, districtAgs, version }) => ({ action, type, id, districtAgs, version }))).toEqual([
      { action: 'UPDATED', type: 'Contact', id: guide.id, districtAgs: '16065', version: guide.version + 1 },
      // The day's editorial source, which the edit cites, is new.
      { action: 'CREATED', type: 'Source', id: expect.any(String), districtAgs: '16065', version: 1 },
      // … which dates the district's data anew (`dataAsOf`).
      { action: 'UPDATED', type: 'District', id: expect.any(String), districtAgs: '16065', version: expect.any(Number) },
      { action: 'ARCHIVED', type: 'Offer', id: offer!.id, districtAgs: '16065', version: offer!.version + 1 },
    ]);
    const tombstone = await editing.as(null, `{ node(id: "${offer!.id}") { ... on Offer { id version archivedAt updatedAt createdAt } } }`);
    expect(tombstone.data.node).toMatchObject({ id: offer!.id, version: offer!.version + 1 });
    expect(tombstone.data.node.archivedAt).not.toBeNull();
  });

  test('an event names what changed, never who changed it or how', async () => {
    const { data } = await editing.as(null, '{ __type(name: "ChangeEvent") { fields { name } } }');
    expect(data.__type.fields.map((field: { name: string }) => field.name).sort()).toEqual(
      ['action', 'at', 'cursor', 'districtAgs', 'id', 'type', 'version'].sort(),
    );
  });

  test('filtered by type and district; the cursor moves past what the filter left out', async () => {
    const { cursor } = await readChanges(graphql, null);
    const guide = await currentGuide(editing);
    await editing.as(editing.tokens.kyffhaeuser, updateContact, {
      input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03632 741 556' }] },
    });
    const [offer] = await kyffhaeuserOffers();
    await editing.as(editing.tokens.kyffhaeuser, updateOffer, {
      input: { id: offer!.id, version: offer!.version, fields: { description: 'Beratung, jetzt auch dienstags.' } },
    });
    const offersOnly = await readChanges(graphql, cursor, { types: ['Offer'] });
    expect(offersOnly.events.map((event) => event.id)).toEqual([offer!.id]);
    const otherDistrict = await readChanges(graphql, cursor, { districts: ['16063'] });
    expect(otherDistrict.events).toEqual([]);
    // Resuming from the filtered cursors: nothing again.
    expect((await readChanges(graphql, offersOnly.cursor, { types: ['Offer'] })).events).toEqual([]);
    expect(otherDistrict.cursor).not.toBe(cursor);
  });

  test('a cursor that is not ours is refused as bad input', async () => {
    const { errors } = await editing.as(null, '{ changes(since: "bm90LWEtY3Vyc29y") { cursor } }');
    expect(errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(errors?.[0]?.message).toMatch(/not a cursor of the change feed/);
  });

  test('pruning: superseded events and old tombstones go, a cursor from before them must start over, the beginning still holds every record', async () => {
    const client = editing.server.database.client;
    const { cursor: early } = await readChanges(graphql, null);
    const [first, second] = await kyffhaeuserOffers();
    await editing.as(editing.tokens.kyffhaeuser, archiveOffer, { input: { id: first!.id, version: first!.version } });
    await editing.as(editing.tokens.kyffhaeuser, updateOffer, {
      input: { id: second!.id, version: second!.version, fields: { description: 'Neu beschrieben.' } },
    });
    await client.$executeRaw`UPDATE "FeedEvent" SET at = at - interval '500 days'`;
    const removed = await pruneFeed(client, 400);
    expect(removed).toBeGreaterThan(1); // the tombstone and the superseded creation of the second offer
    const { errors } = await editing.as(null, `{ changes(since: "${early}") { cursor } }`);
    expect(errors?.[0]?.extensions?.code).toBe('CURSOR_EXPIRED');
    const { events } = await readChanges(graphql, null);
    const current = (await storedVersions(editing.server.database.client)).filter(
      (record) => !record.startsWith(`Offer:${decodeGlobalId(first!.id).id}@`),
    );
    const got = applied(events);
    expect({ missing: current.filter((r) => !got.includes(r)), extra: got.filter((r) => !current.includes(r)) }).toEqual({
      missing: [],
      extra: [],
    });
  });

  test('under concurrent writers a reader following the cursor misses nothing and sees nothing twice', async () => {
    const { cursor: start } = await readChanges(graphql, null);
    const offers = await kyffhaeuserOffers();
    const rounds = 4;
    let writing = true;
    const seen: string[] = [];
    const reader = (async () => {
      let cursor = start;
      while (writing) {
        const page = await readChanges(graphql, cursor);
        seen.push(...page.events.map((event) => event.cursor));
        cursor = page.cursor;
      }
      seen.push(...(await readChanges(graphql, cursor)).events.map((event) => event.cursor));
    })();
    const writers = offers.map(async (offer) => {
      let version = offer.version;
      for (let round = 0; round < rounds; round++) {
        const result = await editing.as(editing.tokens.kyffhaeuser, updateOffer, {
          input: { id: offer.id, version, fields: { description: `Runde ${round} für ${offer.id.slice(-6)}.` } },
        });
        expect(result.data.updateOffer.__typename).toBe('MutationUpdateOfferSuccess');
        version = result.data.updateOffer.data.version;
      }
    });
    await Promise.all(writers);
    writing = false;
    await reader;
    const all = (await readChanges(graphql, start)).events;
    expect(all.filter((event) => event.type === 'Offer')).toHaveLength(offers.length * rounds);
    expect(seen).toEqual(all.map((event) => event.cursor));
  });
});

describe('change metadata on lists', () => {
  test('modifiedSince lists what changed since, archived records included and saying so', async () => {
    // After the seed's timestamps (the reset just wrote them), before the changes.
    await setTimeout(5);
    const since = new Date().toISOString();
    await setTimeout(5);
    const [first, second] = await kyffhaeuserOffers();
    await editing.as(editing.tokens.kyffhaeuser, archiveOffer, { input: { id: first!.id, version: first!.version } });
    await editing.as(editing.tokens.kyffhaeuser, updateOffer, {
      input: { id: second!.id, version: second!.version, fields: { description: 'Geändert.' } },
    });
    const { data } = await editing.as(
      null,
      `query ($since: DateTime) { offers(first: 50, filter: { modifiedSince: $since }) { edges { node { id archivedAt updatedAt } } } }`,
      { since },
    );
    const nodes = data.offers.edges.map((edge: { node: { id: string; archivedAt: string | null } }) => edge.node);
    expect(nodes.map((node: { id: string }) => node.id).sort()).toEqual([first!.id, second!.id].sort());
    expect(nodes.find((node: { id: string }) => node.id === first!.id).archivedAt).not.toBeNull();
    const current = await editing.as(null, '{ offers(first: 50) { edges { node { id } } } }');
    expect(current.data.offers.edges.map((edge: { node: { id: string } }) => edge.node.id)).not.toContain(first!.id);
  });
});
