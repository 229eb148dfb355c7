// Trusted documents: every query of schema/operations is accepted by its hash over GET (a
// short, cacheable request) and answers what its text answers; the widget and the typed client
// send theirs that way; an unknown hash is a 400 that says what to do.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { getOperationAST, parse, print } from 'graphql';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type {
  ChangesSinceQueryVariables,
  CompareDistrictsQueryVariables,
  CompareStateQueryVariables,
  ContactCardQueryVariables,
  DistrictWidgetQueryVariables,
  EditorConceptsAndFundingsQueryVariables,
  EditorDistrictQueryVariables,
  EditorHistoryQueryVariables,
  EditorRecordsQueryVariables,
  EditorStewardshipQueryVariables,
  EditorViewerQueryVariables,
  OffersQueryVariables,
} from '../../schema/generated/graphql.js';
import { persistedDocumentsFile } from '../../src/http/persistedOperations.js';
import { rootDir } from '../../src/paths.js';
import { createToken } from '../../src/tokens/issue.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
let trusted: Record<string, string>;
beforeAll(async () => {
  server = await startTestServer({ responseCacheTtlMs: 60_000 });
  trusted = JSON.parse(await readFile(persistedDocumentsFile, 'utf8'));
});
afterAll(() => server.close());

// Each checked against the variables its operation declares.
const exampleVariables: Record<string, Record<string, unknown>> = {
  ContactCard: { ags: '16065' } satisfies ContactCardQueryVariables,
  Offers: { first: 5 } satisfies OffersQueryVariables,
  CompareDistricts: { state: 'TH', first: 5 } satisfies CompareDistrictsQueryVariables,
  CompareState: { state: 'SN' } satisfies CompareStateQueryVariables,
  ChangesSince: {} satisfies ChangesSinceQueryVariables,
  DistrictWidget: { ags: '16063', lang: 'de' } satisfies DistrictWidgetQueryVariables,
  EditorViewer: {} satisfies EditorViewerQueryVariables,
  EditorDistrict: { ags: '16065' } satisfies EditorDistrictQueryVariables,
  EditorConceptsAndFundings: { ags: '16065' } satisfies EditorConceptsAndFundingsQueryVariables,
  EditorRecords: { ags: '16065' } satisfies EditorRecordsQueryVariables,
  EditorStewardship: {} satisfies EditorStewardshipQueryVariables,
  EditorHistory: { of: 'Q29udGFjdDoxNjA2NS9jb250YWN0L3BpbGF2c2tpag==' } satisfies EditorHistoryQueryVariables,
};

const byHash = (hash: string, variables: Record<string, unknown>, token?: string) =>
  fetch(
    `${server.url}?${new URLSearchParams({
      extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }),
      variables: JSON.stringify(variables),
    })}`,
    { headers: { accept: 'application/graphql-response+json', ...(token ? { authorization: `Bearer ${token}` } : {}) } },
  );

test('every committed query answers by its hash as by its text', async () => {
  // Mutations (the editors' app's) are sent as text by POST: GET may not change anything.
  const queries = Object.entries(trusted).flatMap(([hash, text]) => {
    const operation = getOperationAST(parse(text));
    return operation?.operation === 'query' ? [{ hash, text, name: operation.name!.value }] : [];
  });
  const names = queries.map(({ name }) => name);
  expect(names.sort()).toEqual(Object.keys(exampleVariables).sort());
  // The editors' app reads what only a district's editors may (its problem reports), and a ministry its districts' editors.
  const editor = (await createToken(server.database.client, { name: 'Redaktion Kyffhäuserkreis', role: 'EDITOR', districtIds: ['16065'] }))
    .token;
  const ministry = (await createToken(server.database.client, { name: 'TMASGFF', role: 'MINISTRY', stateId: 'TH' })).token;
  for (const { hash, text, name } of queries) {
    const token = name === 'EditorStewardship' ? ministry : name.startsWith('Editor') ? editor : undefined;
    const response = await byHash(hash, exampleVariables[name]!, token);
    expect(response.status, name).toBe(200);
    const viaHash = await response.json();
    expect(viaHash.errors, name).toBeUndefined();
    // Without the prefix too (Apollo's persisted queries send the bare hex).
    const bare = await (await byHash(hash.replace(/^sha256:/, ''), exampleVariables[name]!, token)).json();
    expect(bare, name).toEqual(viaHash);
    if (name !== 'ChangesSince') expect(await server.graphql(text, exampleVariables[name], token)).toEqual(viaHash);
  }
});

test('an answer by hash may be kept by caches on the way', async () => {
  const [hash] = Object.entries(trusted).find(([, text]) => text.startsWith('query ContactCard'))!;
  const response = await byHash(hash, { ags: '16066' });
  expect(response.headers.get('cache-control')).toBe('public, max-age=60');
});

test('an unknown hash is a 400 with its own code', async () => {
  const response = await byHash('sha256:0000000000000000000000000000000000000000000000000000000000000000', {});
  expect(response.status).toBe(400);
  const body = await response.json();
  expect(body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});

test('the widget sends its query as the trusted document DistrictWidget, by the hash it names', async () => {
  const widget = await readFile(join(rootDir, 'examples', 'district-widget', 'widget.js'), 'utf8');
  const query = /const QUERY = `([\s\S]*?)`;/.exec(widget)![1]!;
  const hash = /const QUERY_HASH = '([^']+)';/.exec(widget)![1]!;
  const operation = await readFile(join(rootDir, 'schema', 'operations', 'DistrictWidget.graphql'), 'utf8');
  expect(print(parse(query))).toBe(print(parse(operation)));
  // codegen's trusted document is the operation normalised (fields sorted): the same answers.
  expect(/^query DistrictWidget\b/.test(trusted[hash] ?? '')).toBe(true);
  const variables = { ags: '16065', lang: 'en' };
  expect(await (await byHash(hash, variables)).json()).toEqual(await server.graphql(query, variables));
});
