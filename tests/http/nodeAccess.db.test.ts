// Every object reachable by ID (node, nodes) answers each identity as its list does: public
// records to everyone, audit events only to the ministry of their state and to admins.
import { getNamedType, isInterfaceType } from 'graphql';
import { describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { genericDelegate, type ModelName } from '../../src/db/datamodel.js';
import { schema } from '../../src/schema.js';
import { editingServer } from '../support/editing.js';

const editing = editingServer();

const nodeTypes = () => {
  const node = schema.getType('Node');
  if (!isInterfaceType(node)) throw new Error('no Node interface');
  return schema.getPossibleTypes(node).map((type) => getNamedType(type).name as ModelName);
};

/** A global ID of a stored record of each Node type (an audit event of the Kyffhäuserkreis is made first). */
async function oneIdOfEach(): Promise<Record<string, string>> {
  await editing.as(editing.tokens.kyffhaeuser, 'mutation { confirmDistrictData(ags: "16065") { ags } }');
  const ids: Record<string, string> = {};
  for (const type of nodeTypes()) {
    // The tokens' own events belong to no district: the event read here is one of the district's.
    const where = type === 'AuditEvent' ? { districtId: '16065' } : {};
    const [row] = await genericDelegate(editing.server.database.client, type).findMany({
      where,
      select: { id: true },
      orderBy: { id: 'asc' },
    });
    if (row) ids[type] = encodeGlobalId(type, String(row.id));
  }
  return ids;
}

describe('node(id:) and nodes(ids:) for every type and identity', () => {
  test('public types answer everyone; an audit event only its state’s ministry and admins', async () => {
    const ids = await oneIdOfEach();
    expect(Object.keys(ids)).toContain('AuditEvent');
    const identities = { anonymous: null, ...editing.tokens } as Record<string, string | null>;
    const mayReadAudit = new Set(['ministryTH', 'admin']);
    const refused: string[] = [];
    for (const [type, id] of Object.entries(ids)) {
      for (const [who, token] of Object.entries(identities)) {
        const single = await editing.as(token, 'query ($id: ID!) { node(id: $id) { __typename id } }', { id });
        const many = await editing.as(token, 'query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }', { ids: [id] });
        const readable = type !== 'AuditEvent' || mayReadAudit.has(who);
        if (readable) {
          expect(single.data?.node, `${type} as ${who}`).toEqual({ __typename: type, id });
          expect(many.data?.nodes, `${type} as ${who}`).toEqual([{ __typename: type, id }]);
        } else {
          expect(single.data?.node ?? null, `${type} as ${who}`).toBeNull();
          expect(many.data?.nodes?.[0] ?? null, `${type} as ${who}`).toBeNull();
          expect(single.errors?.[0]?.extensions?.code, `${type} as ${who}`).toMatch(/FORBIDDEN|UNAUTHENTICATED/);
          refused.push(`${type}:${who}`);
        }
      }
    }
    expect(refused.sort()).toEqual(['AuditEvent:anonymous', 'AuditEvent:kyffhaeuser', 'AuditEvent:ministrySN', 'AuditEvent:wartburg']);
  });

  test('an audit event’s private content (the internal note in "after") does not leak through node', async () => {
    const guide = (await editing.as(null, '{ contacts(filter: { area: { district: "16065" } }) { edges { node { id version } } } }')).data
      .contacts.edges[0].node;
    await editing.as(editing.tokens.kyffhaeuser, 'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename } }', {
      input: { ...guide, internalNote: 'Vertraulich' },
    });
    const [event] = await editing.server.database.client.auditEvent.findMany({ where: { entityType: 'Contact' } });
    const id = encodeGlobalId('AuditEvent', event!.id);
    for (const token of [null, editing.tokens.wartburg, editing.tokens.ministrySN]) {
      const response = await editing.as(token, 'query ($id: ID!) { node(id: $id) { ... on AuditEvent { after actorName } } }', { id });
      expect(JSON.stringify(response.data ?? {})).not.toContain('Vertraulich');
    }
    const ministry = await editing.as(editing.tokens.ministryTH, 'query ($id: ID!) { node(id: $id) { ... on AuditEvent { after } } }', {
      id,
    });
    expect(ministry.data.node.after).toContain('Vertraulich');
  });
});
