// graphql-codegen: typed documents for the operations in schema/operations, from the
// committed schema. `npm run codegen` writes them to schema/generated/.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: ['schema/operations/*.graphql'],
  ignoreNoDocuments: false,
  // ESM imports with .js extensions, as NodeNext module resolution requires.
  emitLegacyCommonJSImports: false,
  generates: {
    'schema/generated/': {
      preset: 'client',
      // persisted-documents.json: the trusted documents the server accepts by hash (GET, cacheable).
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      config: {
        // Documents as typed strings: a client needs nothing but fetch to send them.
        documentMode: 'string',
        enumsAsTypes: true,
        useTypeImports: true,
        scalars: {
          Date: { input: 'string', output: 'string' },
          DateTime: { input: 'string', output: 'string' },
          PartialDate: { input: 'string', output: 'string' },
          // An upload (GraphQL multipart request): a browser's File or Blob.
          File: { input: 'Blob', output: 'never' },
        },
      },
    },
  },
};

export default config;
