// Federation entities keyed by their Relay global ID: another subgraph holding an `id` it got
// from us can extend the object.
import type { ObjectRef } from '@pothos/core';
import { decodeGlobalId } from '../common/globalId.js';
import { builder, type Types } from './builder.js';

export function entityByGlobalId<Shape extends object>(ref: ObjectRef<Types, Shape>, load: (key: string) => Promise<Shape | null>): void {
  builder.asEntity(ref, {
    key: builder.selection<{ id: string }>('id'),
    resolveReference: ({ id }) => {
      const { typename, id: key } = decodeGlobalId(id);
      return typename === ref.name ? load(key) : null;
    },
  });
}
