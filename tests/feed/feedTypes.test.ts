// The feed announces every public node type and nothing private: a new node type must be
// decided on here (src/writes/announce.ts), and says its change metadata like the others.
import { type GraphQLInterfaceType, isObjectType } from 'graphql';
import { expect, test } from 'vitest';
import { schema } from '../../src/schema.js';
import { feedTypes } from '../../src/writes/announce.js';

/** Node types that are not public: the audit log answers ministries and admins only. */
const privateNodeTypes = ['AuditEvent'];

test('the feed covers every public node type, each of which says createdAt, updatedAt, version and archivedAt', () => {
  const nodeTypes = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .filter((type) => type.getInterfaces().some((each) => each.name === 'Node'));
  const publicNodes = nodeTypes.map((type) => type.name).filter((name) => !privateNodeTypes.includes(name));
  expect([...feedTypes].sort()).toEqual(publicNodes.sort());
  const tracked = schema.getType('ChangeTracked') as GraphQLInterfaceType;
  for (const type of nodeTypes.filter((each) => publicNodes.includes(each.name))) {
    expect(type.getInterfaces(), type.name).toContain(tracked);
  }
});
