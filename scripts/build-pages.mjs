// Bundles the browser code of the pages the server serves, with their libraries, into build/:
// the dashboard (d3-geo) as build/dashboard.js, the editors' app (Preact) as build/editor.js —
// nothing of either page comes from a CDN. Run on npm install (postinstall) and by
// `npm run build:pages`.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';
import { buildSchema, isEnumType, isInputObjectType } from 'graphql';

/**
 * codegen's client preset writes each document as `new TypedDocumentString(…)`, which a bundler
 * keeps whether used or not (a constructor might have effects; this one has none), and it does not
 * pass codegen's `pureMagicComment` on. Marked pure here, each bundle holds only the documents it
 * imports, not every operation of schema/operations.
 */
const pureDocuments = {
  name: 'pure-generated-documents',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]schema[\\/]generated[\\/]graphql\.ts$/ }, async ({ path }) => {
      const generated = await readFile(path, 'utf8');
      const contents = generated.replaceAll('new TypedDocumentString(', '/* @__PURE__ */ new TypedDocumentString(');
      if (contents === generated) throw new Error(`${path}: no "new TypedDocumentString(" to mark pure; has codegen's output changed?`);
      return { contents, loader: 'ts' };
    });
  },
};

/**
 * `virtual:schema-descriptions`: the committed schema's descriptions of input fields and enum
 * values ("ChannelInput.printed", "ChannelKind.PHONE"), so that the editors' app explains a
 * field in the API's own words instead of keeping a second copy of them.
 */
const schemaDescriptions = {
  name: 'schema-descriptions',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^virtual:schema-descriptions$/ }, () => ({ path: 'schema-descriptions', namespace: 'virtual' }));
    esbuild.onLoad({ filter: /.*/, namespace: 'virtual' }, async () => {
      const schema = buildSchema(await readFile('schema/schema.graphql', 'utf8'));
      const descriptions = {};
      for (const type of Object.values(schema.getTypeMap())) {
        const parts = isInputObjectType(type) ? Object.values(type.getFields()) : isEnumType(type) ? type.getValues() : [];
        for (const part of parts) if (part.description) descriptions[`${type.name}.${part.name}`] = part.description;
      }
      return { contents: JSON.stringify(descriptions), loader: 'json' };
    });
  },
};

const common = {
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/dashboard/client/dashboard.ts'], outfile: 'build/dashboard.js', plugins: [pureDocuments] }),
  build({
    ...common,
    entryPoints: ['src/editor/client/main.tsx'],
    outfile: 'build/editor.js',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    plugins: [pureDocuments, schemaDescriptions],
  }),
]);
