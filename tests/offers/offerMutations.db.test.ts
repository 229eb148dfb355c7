// Editors add, change and withdraw their district’s offers.
import { describe, expect, test } from 'vitest';
import { exportPackages } from '../../src/packages/export.js';
import { createToken } from '../../src/tokens/issue.js';
import { answerOf, editingServer, languageCafe, mutationResult as result } from '../support/editing.js';

const editing = editingServer();
const as = editing.as;
const createOfferDocument = `mutation ($input: CreateOfferInput!) { createOffer(input: $input) { ${result} ... on MutationCreateOfferSuccess { data { id version title category languages places { municipality { name } } } } } }`;

describe('offers', () => {
  const createOffer = createOfferDocument;
  const updateOffer = `mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { ${result} ... on MutationUpdateOfferSuccess { data { version title website } } } }`;
  const archiveOffer = `mutation ($input: ArchiveOfferInput!) { archiveOffer(input: $input) { ${result} ... on MutationArchiveOfferSuccess { data { version } } } }`;
  const offerCount = () => editing.server.database.client.offer.count();

  test('an editor of another district can neither add, change nor withdraw offers there', async () => {
    const { data } = await as(null, `{ district(ags: "16065") { offers(first: 1) { edges { node { id version } } } } }`);
    const offer = data.district.offers.edges[0].node;
    const before = await Promise.all([
      editing.server.database.client.offer.findMany({ orderBy: { id: 'asc' } }),
      editing.server.database.client.auditEvent.count(),
    ]);
    const attempts = await Promise.all([
      as(editing.tokens.wartburg, createOffer, {
        input: { district: '16065', fields: { title: 'X', category: 'COUNSELLING', description: 'Y' } },
      }),
      as(editing.tokens.wartburg, updateOffer, { input: { id: offer.id, version: offer.version, fields: { title: 'Übernommen' } } }),
      as(editing.tokens.wartburg, archiveOffer, { input: { id: offer.id, version: offer.version } }),
    ]);
    for (const response of attempts) expect(answerOf(response)).toMatchObject({ __typename: 'NotAllowedError' });
    expect(
      await Promise.all([
        editing.server.database.client.offer.findMany({ orderBy: { id: 'asc' } }),
        editing.server.database.client.auditEvent.count(),
      ]),
    ).toEqual(before);
  });

  test('create, change, and withdraw an offer of one’s own district', async () => {
    const created = await as(editing.tokens.kyffhaeuser, createOffer, {
      input: {
        district: '16065',
        fields: languageCafe,
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

    const updated = await as(editing.tokens.kyffhaeuser, updateOffer, {
      input: { id: offer.id, version: 1, fields: { website: 'https://www.kyffhaeuser.de/sprachcafe' } },
    });
    expect(updated.data.updateOffer.data).toEqual({ version: 2, title: 'Sprachcafé', website: 'https://www.kyffhaeuser.de/sprachcafe' });
    const stale = await as(editing.tokens.kyffhaeuser, updateOffer, { input: { id: offer.id, version: 1, fields: { title: 'Alt' } } });
    expect(stale.data.updateOffer).toMatchObject({ __typename: 'VersionConflictError', currentVersion: 2 });

    const count = await offerCount();
    const archived = await as(editing.tokens.kyffhaeuser, archiveOffer, { input: { id: offer.id, version: 2 } });
    expect(archived.data.archiveOffer.data).toEqual({ version: 3 });
    expect(await offerCount()).toBe(count); // kept, only no longer listed
    const listed = await as(null, `{ offers(filter: { language: "uk" }) { totalCount } }`);
    expect(listed.data.offers.totalCount).toBe(0);
    // Still reachable by its ID, and it says that it is withdrawn.
    const byId = await as(null, `query ($id: ID!) { node(id: $id) { ... on Offer { title archivedAt } } }`, { id: offer.id });
    expect(Date.now() - Date.parse(byId.data.node.archivedAt)).toBeLessThan(60_000);
  });

  test('simultaneous first edits of a district’s day all succeed, under one editorial source', async () => {
    const creations = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        as(editing.tokens.admin, createOffer, {
          input: { district: '14522', fields: { title: `Beratung ${n}`, category: 'COUNSELLING', description: 'Beratung vor Ort.' } },
        }),
      ),
    );
    for (const response of creations) expect(response.data?.createOffer?.__typename).toBe('MutationCreateOfferSuccess');
    const sources = await editing.server.database.client.source.findMany({ where: { districtId: '14522', kind: 'EDITORIAL' } });
    expect(sources).toHaveLength(1);
    // Named in German, as every source is.
    expect(sources[0]).toMatchObject({ title: 'Eingetragen von der Redaktion des Kreises' });
  });

  test('invalid offers are refused with every problem named', async () => {
    const count = await offerCount();
    const response = await as(editing.tokens.kyffhaeuser, createOffer, {
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

test('a district without data of its own names its towns from the official list; its package exports and imports back unchanged', async () => {
  const { token } = await createToken(editing.server.database.client, {
    name: 'Redaktion Eichsfeld',
    role: 'EDITOR',
    districtIds: ['16061'],
  });
  const created = await as(token, createOfferDocument, {
    input: { district: '16061', fields: { ...languageCafe, places: ['Leinefelde-Worbis'] } },
  });
  expect(created.data.createOffer.__typename).toBe('MutationCreateOfferSuccess');
  expect(created.data.createOffer.data.places).toEqual([{ municipality: { name: 'Leinefelde-Worbis' } }]);
  const town = await editing.server.database.client.municipality.findFirstOrThrow({ where: { districtId: '16061' } });
  expect(town).toMatchObject({ id: '16061/16061115', ags: '16061115', sourceId: 'reference:bkg-verwaltungsgebiete' });
  // Not a town of Eichsfeld: refused with the path, as before.
  const refused = await as(token, createOfferDocument, { input: { district: '16061', fields: { ...languageCafe, places: ['Artern'] } } });
  expect(refused.data.createOffer.issues).toContainEqual({
    path: 'fields.places[0]',
    message: '"Artern" is not a town of district 16061',
    code: 'UNKNOWN_ENTRY',
    params: [
      { name: 'key', value: 'Artern' },
      { name: 'type', value: 'Municipality' },
    ],
  });
  const exported = (await exportPackages(editing.server.database.client)).find((file) => file.dataPackage.district === '16061')!;
  expect(exported.dataPackage.tables.municipalities).toEqual([
    { id: '16061/16061115', name: 'Leinefelde-Worbis', ags: '16061115', districtId: '16061', sourceId: 'reference:bkg-verwaltungsgebiete' },
  ]);
  const imported = await as(
    token,
    'mutation ($input: ImportDataPackageInput!) { importDataPackage(input: $input) { __typename ... on ValidationError { issues { path message } } ... on MutationImportDataPackageSuccess { data { added { key } changed { key } archived { key } } } } }',
    { input: { package: exported.dataPackage } },
  );
  expect(imported.data.importDataPackage).toEqual({
    __typename: 'MutationImportDataPackageSuccess',
    data: { added: [], changed: [], archived: [] },
  });
});

test('a town of the official list that the district knows under another name is reused, not added twice', async () => {
  const client = editing.server.database.client;
  const { token } = await createToken(client, { name: 'Redaktion Eichsfeld', role: 'EDITOR', districtIds: ['16061'] });
  const { id: sourceId } = await client.source.findFirstOrThrow({ where: { id: 'reference:bkg-verwaltungsgebiete' } });
  await client.municipality.create({
    data: { id: '16061/leinefelde', name: 'Leinefelde-Worbis, Stadt', ags: '16061115', districtId: '16061', sourceId },
  });
  const created = await as(token, createOfferDocument, {
    input: { district: '16061', fields: { ...languageCafe, places: ['Leinefelde-Worbis'] } },
  });
  expect(created.data.createOffer.__typename).toBe('MutationCreateOfferSuccess');
  expect(created.data.createOffer.data.places).toEqual([{ municipality: { name: 'Leinefelde-Worbis, Stadt' } }]);
  expect(await client.municipality.count({ where: { districtId: '16061' } })).toBe(1);
});

test('changing an offer’s towns keeps what its package says of a town named again (its label)', async () => {
  const { data } = await as(
    null,
    `{ district(ags: "16065") { offers(first: 50) { edges { node { id version title places { municipality { name } label } } } } } }`,
  );
  const vhs = data.district.offers.edges
    .map(({ node }: { node: any }) => node)
    .find((offer: any) => offer.id && offer.places.some((place: any) => place.label));
  expect(vhs.places).toEqual(expect.arrayContaining([{ municipality: { name: 'Artern' }, label: 'Geschäftsstelle' }]));
  const towns = [...vhs.places.map((place: any) => place.municipality.name), 'Ebeleben'];
  const changed = await as(
    editing.tokens.kyffhaeuser,
    `mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { ${result} ... on MutationUpdateOfferSuccess { data { places { municipality { name } label } } } } }`,
    { input: { id: vhs.id, version: vhs.version, fields: { places: towns } } },
  );
  const places = changed.data.updateOffer.data.places;
  expect(places).toEqual(expect.arrayContaining([...vhs.places, { municipality: { name: 'Ebeleben' }, label: null }]));
  expect(places).toHaveLength(vhs.places.length + 1);
});

test('an offer’s towns with their point and access: given as placeDetails, kept when named again, in the JSON-LD', async () => {
  const read = `{ district(ags: "16065") { offers(first: 50) { edges { node { id version places { label municipality { name } } } } } } }`;
  const vhs = (await as(null, read)).data.district.offers.edges
    .map(({ node }: { node: any }) => node)
    .find((offer: any) => offer.places.some((place: any) => place.label === 'Geschäftsstelle'));
  const placed = `places { label municipality { name } coordinates { latitude longitude } accessibility { stepFreeEntrance lift note } }`;
  const update = (version: number, fields: object) =>
    as(
      editing.tokens.kyffhaeuser,
      `mutation ($input: UpdateOfferInput!) { updateOffer(input: $input) { ${result} ... on MutationUpdateOfferSuccess { data { version ${placed} } } } }`,
      { input: { id: vhs.id, version, fields } },
    ).then(answerOf);
  const detailed = (await update(vhs.version, {
    placeDetails: [
      {
        town: 'Artern',
        label: 'Geschäftsstelle',
        mapLink: 'https://www.openstreetmap.org/#map=19/51.36421/11.29145',
        stepFreeEntrance: true,
      },
      { town: 'Sondershausen', label: 'Geschäftsstelle' },
    ],
  })) as any;
  expect(detailed.__typename).toBe('MutationUpdateOfferSuccess');
  const artern = { label: 'Geschäftsstelle', municipality: { name: 'Artern' }, coordinates: { latitude: 51.36421, longitude: 11.29145 } };
  expect(detailed.data.places).toContainEqual({ ...artern, accessibility: { stepFreeEntrance: true, lift: null, note: null } });

  // Named again by name alone, the town keeps its point and access; a new one knows nothing yet.
  const renamed = (await update(detailed.data.version, { places: ['Artern', 'Ebeleben'] })) as any;
  expect(renamed.data.places).toEqual(
    expect.arrayContaining([
      { ...artern, accessibility: { stepFreeEntrance: true, lift: null, note: null } },
      {
        label: null,
        municipality: { name: 'Ebeleben' },
        coordinates: null,
        accessibility: { stepFreeEntrance: null, lift: null, note: null },
      },
    ]),
  );

  const { data } = await as(null, '{ district(ags: "16065") { jsonLdUrl } }');
  const document = await (await fetch(data.district.jsonLdUrl)).json();
  const service = document['@graph'].find((node: { '@id': string }) => node['@id'].endsWith(vhs.id));
  expect(service.availableChannel).toContainEqual({
    '@type': 'ServiceChannel',
    serviceLocation: {
      '@type': 'Place',
      name: 'Geschäftsstelle, Artern',
      geo: { '@type': 'GeoCoordinates', latitude: 51.36421, longitude: 11.29145 },
      amenityFeature: [{ '@type': 'LocationFeatureSpecification', name: 'Stufenloser Zugang', value: true }],
    },
  });

  // Both ways at once, an unknown town, a swapped point: each at its field.
  const refused = (await update(renamed.data.version, {
    places: ['Artern'],
    placeDetails: [{ town: 'Atlantis' }, { town: 'Artern', latitude: 11.29145, longitude: 51.36421 }],
  })) as any;
  expect(refused.issues.map(({ path, code }: { path: string; code: string }) => [path, code])).toEqual([
    ['fields.placeDetails', 'PLACES_TWICE'],
  ]);
  const wrong = (await update(renamed.data.version, {
    placeDetails: [{ town: 'Atlantis' }, { town: 'Artern', latitude: 11.29145, longitude: 51.36421 }],
  })) as any;
  expect(wrong.issues.map(({ path, code }: { path: string; code: string }) => [path, code])).toEqual([
    ['fields.placeDetails[0].town', 'UNKNOWN_ENTRY'],
    ['fields.placeDetails[1].latitude', 'OUTSIDE_GERMANY'],
    ['fields.placeDetails[1].longitude', 'OUTSIDE_GERMANY'],
  ]);
});
