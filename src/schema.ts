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

export const schema = builder.toSchema();
