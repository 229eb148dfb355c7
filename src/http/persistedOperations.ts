// Trusted documents: the operations in schema/operations/ (the typed client's, the widget's),
// accepted by their hash instead of their text, so that a GET stays short and a CDN or reverse
// proxy can cache it:
//   GET /graphql?extensions={"persistedQuery":{"version":1,"sha256Hash":"<hash>"}}&variables=…
// The hashes are those graphql-codegen writes to schema/generated/persisted-documents.json
// (npm install runs it). Other queries are still accepted as text: the API is public.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';
import type { Plugin } from 'graphql-yoga';
import { logger } from '../logger.js';
import { rootDir } from '../paths.js';

export const persistedDocumentsFile = join(rootDir, 'schema', 'generated', 'persisted-documents.json');

function readTrustedDocuments(): Map<string, string> {
  if (!existsSync(persistedDocumentsFile)) {
    logger.warn({ file: persistedDocumentsFile }, 'no persisted documents (run npm run codegen): operations are accepted as text only');
    return new Map();
  }
  const documents = JSON.parse(readFileSync(persistedDocumentsFile, 'utf8')) as Record<string, string>;
  // Clients may send the hash with its "sha256:" prefix (codegen's documents) or without (Apollo's persisted queries).
  return new Map(
    Object.entries(documents).flatMap(([hash, text]) => [
      [hash, text],
      [hash.replace(/^sha256:/, ''), text],
    ]),
  );
}

export function usePersistedDocuments(): Plugin {
  const trusted = readTrustedDocuments();
  return usePersistedOperations({
    allowArbitraryOperations: true,
    extractPersistedOperationId: (params) => {
      const persisted = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const documentId = (params as { documentId?: unknown }).documentId;
      const id = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : documentId;
      return typeof id === 'string' ? id : null;
    },
    getPersistedOperation: (hash) => trusted.get(hash) ?? null,
    customErrors: {
      notFound: {
        message: 'No trusted document has this hash: send the query as text, or one of schema/operations by its hash.',
        extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
      },
      keyNotFound: {
        message: 'Send a query, or the hash of a trusted document (extensions.persistedQuery.sha256Hash).',
        extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
      },
    },
  }) as Plugin;
}
