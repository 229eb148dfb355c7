// The one SchemaBuilder. Each domain module under src/ adds its types and root fields to it,
// and declares which of its types are federation entities.
import SchemaBuilder from '@pothos/core';
import ComplexityPlugin from '@pothos/plugin-complexity';
import DirectivePlugin from '@pothos/plugin-directives';
import ErrorsPlugin from '@pothos/plugin-errors';
import FederationPlugin from '@pothos/plugin-federation';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { NotAllowedError, NotAuthenticatedError } from '../auth/refusals.js';
import { scopesOf } from '../auth/viewer.js';
import { decodeGlobalId, encodeGlobalId } from '../common/globalId.js';
import { db } from '../db/client.js';
import type PrismaTypes from '../generated/pothos-prisma-types.js';
import { getDatamodel } from '../generated/pothos-prisma-types.js';
import { connectionsPlugin, defaultPageSize, maxPageSize } from './connections.js';
import type { Context } from './context.js';

export const builder = new SchemaBuilder<{
  PrismaTypes: PrismaTypes;
  Context: Context;
  AuthScopes: {
    admin: boolean;
    editorOf: string;
    readerOf: string;
    auditor: boolean;
    auditorOf: string;
    stewardOf: string;
    editor: boolean;
  };
  DefaultFieldNullability: false;
  Scalars: {
    Date: { Input: Date; Output: Date };
    DateTime: { Input: Date; Output: Date };
    PartialDate: { Input: string; Output: string };
    ID: { Input: string; Output: string };
    JSONObject: { Input: Record<string, unknown>; Output: Record<string, unknown> };
    File: { Input: File; Output: never };
  };
}>({
  plugins: [
    connectionsPlugin,
    // The errors plugin wraps the authorization check (plugins listed first wrap those after), so a
    // mutation answers a refusal as a typed result of its union instead of failing.
    ErrorsPlugin,
    ScopeAuthPlugin,
    PrismaPlugin,
    RelayPlugin,
    DirectivePlugin,
    FederationPlugin,
    // After connectionsPlugin, which weighs paged fields over this plugin's default.
    ComplexityPlugin,
  ],
  scopeAuth: {
    authScopes: (context) => scopesOf(context.viewer),
    unauthorizedError: (_parent, context) => (context.viewer ? new NotAllowedError(context.viewer.name) : new NotAuthenticatedError()),
  },
  errors: { defaultTypes: [] },
  // Fields state their cost (`complexity`); a paged one weighs its page (graphql/connections.ts).
  // The limit is the sender's and is checked once before execution (http/queryLimits.ts), so that
  // a refusal answers the whole request: checked in each root resolver, as the plugin does when
  // enabled, it would repeat per root field and leave the siblings of nullable ones answered.
  complexity: { disabled: true },
  defaultFieldNullability: false,
  prisma: {
    client: () => db(),
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    defaultConnectionSize: defaultPageSize,
    maxConnectionSize: maxPageSize,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
    nodeQueryOptions: {
      description: 'Any object with a global ID (Relay `Node`), by that ID.',
      args: { id: { description: 'A global ID, as returned in an `id` field.' } },
    },
    nodesQueryOptions: {
      description: 'Several objects by their global IDs, in the order given; null where none exists.',
      // One item per ID asked for (a malformed ID refuses the request: it cannot be weighed).
      complexity: (args) => ({ multiplier: args.ids.length }),
      args: { ids: { description: 'Global IDs, as returned in `id` fields.' } },
    },
    defaultConnectionTypeOptions: { description: 'One page of a list (Relay connection): items with cursors, and where the page lies.' },
    defaultEdgeTypeOptions: { description: 'An item of a page with its cursor.' },
    firstArgOptions: { description: `Return the first n items after \`after\` (at most ${maxPageSize}; default ${defaultPageSize}).` },
    lastArgOptions: { description: `Return the last n items before \`before\` (at most ${maxPageSize}).` },
    afterArgOptions: { description: 'Cursor of the item to start after (an `endCursor` or edge `cursor`).' },
    beforeArgOptions: { description: 'Cursor of the item to end before (a `startCursor` or edge `cursor`).' },
    idFieldOptions: { description: 'Global ID (Relay), stable across releases.' },
    cursorFieldOptions: { description: 'Cursor of this edge, for `after`/`before`.' },
    nodeFieldOptions: { description: 'The item.' },
    // The connection's field weighs its page (graphql/connections.ts); its edges are not counted again.
    edgesFieldOptions: { description: 'The items of this page with their cursors.', complexity: { multiplier: 1 } },
    pageInfoFieldOptions: { description: 'Where this page lies in the whole list.' },
    hasNextPageFieldOptions: { description: 'Whether more items follow this page.' },
    hasPreviousPageFieldOptions: { description: 'Whether items precede this page.' },
    startCursorFieldOptions: { description: 'Cursor of the first item of the page.' },
    endCursorFieldOptions: { description: 'Cursor of the last item of the page.' },
    nodeTypeOptions: { description: 'An object with a global ID.' },
    pageInfoTypeOptions: { description: 'Pagination information of a connection (Relay).' },
  },
});

// Every prismaNode is declared `nullable: true`: node(id:) of a record that does not exist
// answers null (as its description promises), and one missing ID does not null all of nodes(ids:).
builder.queryType({ description: 'Read the integration-management data of the districts of Thüringen and Sachsen.' });
builder.mutationType({ description: 'Change a district’s data: editors their own districts only; every change is audited.' });

/** The builder's type parameters, for helpers that take Pothos refs. */
export type Types = typeof builder.$inferSchemaTypes;
