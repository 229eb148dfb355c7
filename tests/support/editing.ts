// What the editing tests share: a server whose database is back at the seed before every test,
// API tokens for the roles they act in, and the documents of the editing mutations.
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { dataLockKey } from '../../src/db/locks.js';
import type { PrismaClient } from '../../src/generated/prisma/client.js';
import { type GraphQLResponse, startTestServer, type TestServer } from './testServer.js';
import { createTestTokens, type TestTokens } from './tokens.js';

export interface EditingContext {
  server: TestServer;
  tokens: TestTokens;
  /** A request with a token (null: anonymous). */
  as(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse>;
}

/** Starts the server once per file and resets its data (and tokens) before each test. */
export function editingServer(): EditingContext {
  const context = {} as EditingContext;
  beforeAll(async () => {
    context.server = await startTestServer();
  });
  beforeEach(async () => {
    await context.server.reset();
    context.tokens = await createTestTokens(context.server.database.client);
  });
  afterAll(() => context.server.close());
  context.as = (token, query, variables) => context.server.graphql(query, variables, token);
  return context;
}

/** The result selection every editing mutation document asks for. */
export const mutationResult = /* GraphQL */ `
  __typename
  ... on MutationError { message }
  ... on ValidationError { issues { path message code params { name value } } }
  ... on VersionConflictError { expectedVersion currentVersion }
`;

/** A mutation document: `mutate('createOffer', 'CreateOfferInput', 'title')`. */
export const mutate = (name: string, type: string, selection = 'version') =>
  `mutation ($input: ${type}!) { ${name}(input: $input) { ${mutationResult} ... on Mutation${name[0]!.toUpperCase()}${name.slice(1)}Success { data { id ${selection} } } } }`;

/** The input paths of a ValidationError, in order. */
export const issuePaths = (result: { issues?: { path: string }[] }) => (result.issues ?? []).map((issue) => issue.path);

/** Holds the data lock as a package import does, until `release()`. */
export function holdDataLock(client: PrismaClient): { release(): Promise<void> } {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  const transaction = client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${dataLockKey})`;
      await released;
    },
    { timeout: 30_000 },
  );
  return {
    release: async () => {
      release();
      await transaction;
    },
  };
}

/** What a request with one mutation answered: the field's typed result, or the typed reason nothing changed. */
export const answerOf = (response: GraphQLResponse) =>
  Object.values(response.data ?? {})[0] as { __typename: string; message?: string; [field: string]: unknown };

/** The fields of an offer an editor adds in the tests: a language café in Artern. */
export const languageCafe = {
  title: 'Sprachcafé',
  category: 'LANGUAGE_COURSE',
  description: 'Deutsch üben bei Kaffee und Kuchen.',
  languages: ['de', 'uk'],
  targetGroups: ['NEWCOMERS'],
  places: ['Artern'],
};
