// Two things every connection field needs, root or nested, kept in one small Pothos plugin:
// - `first`/`last` over the maximum is an error: the Prisma plugin would silently clamp it,
//   and a client would take the short page for the whole list;
// - the `totalCount` field the Prisma plugin adds gets a description.
import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from '@pothos/core';
import { GraphQLError, type GraphQLFieldResolver } from 'graphql';

export const defaultPageSize = 20;
export const maxPageSize = 100;

function checkPageSize(args: Record<string, unknown>): void {
  for (const name of ['first', 'last']) {
    const size = args[name];
    if (typeof size !== 'number') continue;
    if (size < 0 || size > maxPageSize) {
      throw new GraphQLError(`Argument "${name}" must be between 0 and ${maxPageSize}; got ${size}.`, {
        extensions: { code: 'BAD_USER_INPUT', argument: name, maximum: maxPageSize },
      });
    }
  }
}

class ConnectionsPlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override onOutputFieldConfig(fieldConfig: PothosOutputFieldConfig<Types>): PothosOutputFieldConfig<Types> {
    if (fieldConfig.name !== 'totalCount' || !fieldConfig.extensions?.pothosPrismaTotalCount) return fieldConfig;
    return { ...fieldConfig, description: 'Number of items in the whole list, across all pages.' };
  }

  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types['Context'], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types['Context'], object> {
    if (!('first' in fieldConfig.args) && !('last' in fieldConfig.args)) return resolver;
    return (parent, args, context, info) => {
      checkPageSize(args as Record<string, unknown>);
      return resolver(parent, args, context, info);
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      connections: ConnectionsPlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin('connections', ConnectionsPlugin);
export const connectionsPlugin = 'connections' as const;

export interface PrismaPageArgs {
  take?: number;
  skip?: number;
  cursor?: { id?: string };
}

/**
 * The keys of one page of a list whose keys are all at hand, in the list's order, as Prisma's
 * `findMany` would take them with the same `take`, `skip` and `cursor` (a negative `take` counts
 * back from the cursor, or from the end). Null when the cursor is not in the list: Prisma places
 * such a cursor by its row's values, which only the database knows.
 */
export function pageOfKeys(keys: readonly string[], { take, skip = 0, cursor }: PrismaPageArgs): string[] | null {
  const at = cursor ? (cursor.id === undefined ? -1 : keys.indexOf(cursor.id)) : undefined;
  if (at === -1) return null;
  if (take === undefined || take >= 0) {
    const start = (at ?? 0) + skip;
    return keys.slice(start, take === undefined ? undefined : start + take);
  }
  const end = (at ?? keys.length - 1) - skip + 1;
  return end <= 0 ? [] : keys.slice(Math.max(0, end + take), end);
}
