// The example sync client (examples/sync/sync.ts) keeps a copy by the change feed alone while
// editors edit, archive and restore records; at the end its copy equals a fresh full copy and
// holds every record the database holds, at its version.
import { expect, test } from 'vitest';
import { type Mirror, selections, syncOnce } from '../../examples/sync/sync.js';
import { decodeGlobalId } from '../../src/common/globalId.js';
import { exportPackages } from '../../src/packages/export.js';
import { currentGuide, updateContact } from '../support/contacts.js';
import { editingServer, mutate } from '../support/editing.js';
import { storedVersions } from '../support/feed.js';

const editing = editingServer();
const updateOffer = mutate('updateOffer', 'UpdateOfferInput');
const archiveOffer = mutate('archiveOffer', 'ArchiveOfferInput');
const importPackage = `mutation ($package: JSONObject!) { importDistrictPackage(package: $package) { __typename ... on ValidationError { issues { path message } } } }`;

async function offers(): Promise<{ id: string; version: number }[]> {
  const { data } = await editing.as(null, '{ district(ags: "16065") { offers(first: 50) { edges { node { id version } } } } }');
  return data.district.offers.edges.map((edge: { node: { id: string; version: number } }) => edge.node);
}

/** The edits of a busy afternoon: offers changed, one archived and restored, a contact's phone. */
async function edit() {
  const [first, second, third] = await offers();
  for (const [offer, description] of [
    [first!, 'Kurs jetzt auch abends.'],
    [second!, 'Beratung auch auf Ukrainisch.'],
  ] as const) {
    const result = await editing.as(editing.tokens.kyffhaeuser, updateOffer, {
      input: { id: offer.id, version: offer.version, fields: { description } },
    });
    expect(result.data.updateOffer.__typename).toBe('MutationUpdateOfferSuccess');
  }
  const archived = await editing.as(editing.tokens.kyffhaeuser, archiveOffer, { input: { id: third!.id, version: third!.version } });
  expect(archived.data.archiveOffer.__typename).toBe('MutationArchiveOfferSuccess');
  // Restored by the district's package: the offer without its archive date.
  const exported = await exportPackages(editing.server.database.client);
  const dataPackage = structuredClone(exported.find((file) => file.file.startsWith('16065'))!.dataPackage);
  const row = dataPackage.tables.offers!.find((offer) => offer.id === decodeGlobalId(third!.id).id)!;
  delete row.archivedAt;
  const imported = await editing.as(editing.tokens.kyffhaeuser, importPackage, { package: dataPackage });
  expect(imported.data.importDistrictPackage).toEqual({ __typename: 'MutationImportDistrictPackageSuccess' });
  const guide = await currentGuide(editing);
  await editing.as(editing.tokens.kyffhaeuser, updateContact, {
    input: { id: guide.id, version: guide.version, channels: [{ kind: 'PHONE', printed: '03632 741 565' }] },
  });
  return { restored: third! };
}

test('a copy kept by the feed while records are edited, archived and restored equals the server’s data at the end', async () => {
  const api = editing.server.url;
  const selection = await selections(api);
  const copy: Mirror = { cursor: null, records: {} };
  await syncOnce(api, copy, selection);

  let editing_ = true;
  const follower = (async () => {
    while (editing_) await syncOnce(api, copy, selection);
  })();
  const { restored } = await edit();
  editing_ = false;
  await follower;
  await syncOnce(api, copy, selection);

  const versions = Object.entries(copy.records).map(([id, record]) => {
    const { typename, id: key } = decodeGlobalId(id);
    return `${typename}:${key}@${record.version}`;
  });
  expect(versions.sort()).toEqual(await storedVersions(editing.server.database.client));
  const fresh: Mirror = { cursor: null, records: {} };
  await syncOnce(api, fresh, selection);
  expect(copy.records).toEqual(fresh.records);
  expect(copy.records[restored.id]!.data).toMatchObject({ archivedAt: null, version: restored.version + 2 });
  // The copy holds parts too: the contact's new phone.
  const guide = await currentGuide(editing);
  expect(JSON.stringify(copy.records[guide.id]!.data)).toContain('03632 741 565');
});
