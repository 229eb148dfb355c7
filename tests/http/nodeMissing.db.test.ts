// A well-formed global ID of a record that does not exist is no error: node(id:) answers null,
// and nodes(ids:) answers null in its place, the others as they are.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

test('a missing record is null, alone and among others', async () => {
  const missing = encodeGlobalId('Offer', '16065/offer/no-such-offer');
  const existing = (await server.graphql('{ offers(first: 1) { edges { node { id } } } }')).data.offers.edges[0].node.id;
  const single = await server.graphql('query ($id: ID!) { node(id: $id) { id } }', { id: missing });
  expect(single).toEqual({ data: { node: null } });
  const many = await server.graphql('query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: [existing, missing] });
  expect(many).toEqual({ data: { nodes: [{ id: existing }, null] } });
});
