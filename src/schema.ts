// The GraphQL schema: the builder plus every domain module.
import type { GraphQLUnionType } from 'graphql';
import { badInput, quote } from './common/errors.js';
import { builder } from './graphql/builder.js';
import './graphql/scalars.js';
import './writes/errorTypes.js';
// One module per domain area: its types and read fields, then its mutations.
import './states/types.js';
import './districts/types.js';
import './districts/coverage.js';
import './sources/types.js';
import './positions/types.js';
import './positions/mutations.js';
import './contacts/types.js';
import './contacts/mutations.js';
import './funding/types.js';
import './funding/mutations.js';
import './concepts/types.js';
import './concepts/mutations.js';
import './documents/types.js';
import './documents/mutations.js';
import './offers/types.js';
import './offers/mutations.js';
import './partners/types.js';
import './networks/types.js';
import './projects/types.js';
import './indicators/types.js';
import './indicators/mutations.js';
import './calendar/types.js';
import './audit/types.js';
import './feed/types.js';
import './feed/webhooks.js';
import './reports/types.js';
import './reports/mutations.js';
import './places/location.js';
import './places/types.js';
import './comparison/types.js';
import './translations/types.js';
import './translations/mutations.js';
import './packages/mutations.js';
import './packages/workbook/mutation.js';
import './tokens/types.js';
import './tokens/mutations.js';

// Served as an Apollo Federation v2 subgraph: clients and a gateway use the same endpoint.
// The federation directives we use, named: left out, the plugin finds them by building the
// whole schema once more (0.1 s of every start). The federation test fails when one is missing.
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6', federationDirectives: ['@key'] });

// The federation plugin creates the spec's own types and fields (`_entities`, `_service`, `_Any` …)
// while it builds the schema, and has no option for their descriptions, their weight or a check
// of representations before they are resolved: those are completed here, once, on the schema it
// built (every other type and field is defined through the builder).
const entities = schema.getQueryType()!.getFields()._entities!;
entities.description = 'Apollo Federation: objects of this subgraph by their keys (for a gateway, not for clients).';
entities.args[0]!.description = 'Entity representations: `__typename` and the key fields, e.g. { __typename: "District", ags: "16065" }.';
schema.getQueryType()!.getFields()._service!.description = 'Apollo Federation: this subgraph’s SDL, for a gateway.';
schema.getType('_Any')!.description = 'Apollo Federation: an entity representation (any JSON object).';
schema.getType('_Entity')!.description = 'Apollo Federation: every type that is an entity of this subgraph.';
schema.getType('_Service')!.description = 'Apollo Federation: information about this subgraph.';
// Its cost in the query limits: one item per representation, as nodes(ids:) counts its IDs. The
// complexity plugin reads it from here; it fills this in itself only on fields Pothos builds.
entities.extensions = {
  ...entities.extensions,
  complexity: (args: { representations: unknown[] }) => ({ multiplier: args.representations.length }),
};

// A representation that names no entity of this subgraph, or lacks its key, is the caller's
// mistake: BAD_USER_INPUT naming it, before any resolver looks it up.
const entityKeys = new Map(
  (schema.getType('_Entity') as GraphQLUnionType).getTypes().map((type) => {
    const directives = (type.extensions as { directives?: { name: string; args: { fields: string } }[] }).directives ?? [];
    return [type.name, directives.filter((directive) => directive.name === 'key').map((directive) => directive.args.fields.split(/\s+/))];
  }),
);
const resolveEntities = entities.resolve!;
entities.resolve = (root, args: { representations: unknown[] }, context, info) => {
  args.representations.forEach((representation, index) => {
    const typename = (representation as { __typename?: unknown })?.__typename;
    const keys = entityKeys.get(String(typename));
    const where = `representations[${index}]`;
    if (!keys)
      throw badInput(
        `${where}: __typename ${quote(typename)} is not an entity of this subgraph (${[...entityKeys.keys()].join(', ')}).`,
        'representations',
      );
    if (!keys.some((fields) => fields.every((field) => (representation as Record<string, unknown>)[field] != null))) {
      throw badInput(
        `${where}: a ${String(typename)} is found by ${keys.map((fields) => fields.join(' + ')).join(' or ')}.`,
        'representations',
      );
    }
  });
  return resolveEntities(root, args, context, info);
};
