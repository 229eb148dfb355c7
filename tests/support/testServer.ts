// A real server on a real database (PGlite, or PostgreSQL in that suite), migrated and seeded,
// on a free port. `reset()` brings the database back to the seed, so that each test can start
// from it whatever ran before.

import type { TypedDocumentString } from '../../schema/generated/graphql.js';
import { type OpenDatabase, useDatabase } from '../../src/db/client.js';
import { modelNames, sqlTable } from '../../src/db/datamodel.js';
import { type ChangeNotifier, createChangeNotifier } from '../../src/db/notifier.js';
import { Prisma } from '../../src/generated/prisma/client.js';
import { type ServerOptions, startServer } from '../../src/http/server.js';
import { seed } from '../../src/packages/seed.js';
import { openTestDatabase } from './database.js';

export interface GraphQLResponse<Data = any> {
  data?: Data;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** A document's variables and the token after them; the variables may be left out when none is required. */
type VariablesAndToken<Variables> =
  Partial<Variables> extends Variables ? [variables?: Variables, token?: string | null] : [variables: Variables, token?: string | null];

export interface TestServer {
  url: string;
  changeNotifier: ChangeNotifier;
  database: OpenDatabase;
  /** SQL statements sent since the last `resetQueryLog()`. */
  queries: string[];
  resetQueryLog(): void;
  /** Empties every table and loads the seed again. */
  reset(): Promise<void>;
  /**
   * Brings the response cache up to date with the feed: an invalidation of an earlier test's
   * writes, whose notification is still on its way, cannot come in the middle of this test.
   */
  settle(): Promise<void>;
  /**
   * A request, anonymous or with an API token (Authorization: Bearer …). A document generated from
   * schema/operations (`npm run codegen`) has its variables checked and its data typed.
   */
  graphql<Result, Variables>(
    document: TypedDocumentString<Result, Variables>,
    ...variablesAndToken: VariablesAndToken<NoInfer<Variables>>
  ): Promise<GraphQLResponse<Result>>;
  graphql<Data = any>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<Data>>;
  close(): Promise<void>;
}

const allTables = Prisma.raw(modelNames.map(sqlTable).join(', '));

export async function startTestServer(options: Omit<ServerOptions, 'port' | 'host'> = {}): Promise<TestServer> {
  const queries: string[] = [];
  const database = await openTestDatabase((sql) => queries.push(sql), { migratedAndSeeded: true });
  useDatabase(database.client);
  // Subscriptions hear of changes through the database's NOTIFY alone: a test of them would fail if that broke.
  const changeNotifier = options.changeNotifier ?? (await createChangeNotifier(database, { pollMs: 60_000 }));
  const running = await startServer({ port: 0, host: '127.0.0.1', ...options, changeNotifier });
  queries.length = 0;
  return {
    url: running.url,
    changeNotifier,
    database,
    queries,
    resetQueryLog: () => {
      queries.length = 0;
    },
    settle: running.catchUp,
    async reset() {
      await database.client.$executeRaw`TRUNCATE ${allTables} CASCADE`;
      await seed(database.client);
      queries.length = 0;
    },
    async graphql(query: string | TypedDocumentString<unknown, never>, variables?: unknown, token?: string | null) {
      const response = await fetch(running.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/graphql-response+json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query: query.toString(), variables }),
      });
      return (await response.json()) as GraphQLResponse;
    },
    async close() {
      await running.close();
      await database.close();
    },
  };
}
