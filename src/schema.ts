// The GraphQL schema: the builder plus every domain module.
import { builder } from './builder.js';
import './common/scalars.js';
import './states/schema.js';
import './districts/schema.js';
import './roles/schema.js';
import './contacts/schema.js';
import './funding/schema.js';
import './concepts/schema.js';
import './offers/schema.js';
import './partners/schema.js';
import './indicators/schema.js';
import './sources/schema.js';
import './calendar/schema.js';
import './common/mutationErrors.js';
import './contacts/mutations.js';
import './offers/mutations.js';
import './indicators/mutations.js';
import './funding/mutations.js';
import './sources/mutations.js';
import './concepts/mutations.js';
import './roles/mutations.js';
import './audit/schema.js';
import './packages/schema.js';

// Served as an Apollo Federation v2 subgraph: clients and a gateway use the same endpoint.
export const schema = builder.toSubGraphSchema({ linkUrl: 'https://specs.apollo.dev/federation/v2.6' });

// The federation plugin adds the spec's own types and fields undescribed; describe them here.
const entities = schema.getQueryType()!.getFields()._entities!;
entities.description = 'Apollo Federation: objects of this subgraph by their keys (for a gateway, not for clients).';
entities.args[0]!.description = 'Entity representations: `__typename` and the key fields, e.g. { __typename: "District", ags: "16065" }.';
schema.getQueryType()!.getFields()._service!.description = 'Apollo Federation: this subgraph’s SDL, for a gateway.';
schema.getType('_Any')!.description = 'Apollo Federation: an entity representation (any JSON object).';
schema.getType('_Entity')!.description = 'Apollo Federation: every type that is an entity of this subgraph.';
schema.getType('_Service')!.description = 'Apollo Federation: information about this subgraph.';
