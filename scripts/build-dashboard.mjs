// Bundles the dashboard's browser code with its libraries (d3-geo) into build/dashboard.js,
// which the server serves at /dashboard/dashboard.js: nothing of the page comes from a CDN.
// Run on npm install (postinstall) and by `npm run build:dashboard`.
import { readFile } from 'node:fs/promises';
import { build } from 'esbuild';

/**
 * codegen's client preset writes each document as `new TypedDocumentString(…)`, which a bundler
 * keeps whether used or not (a constructor might have effects; this one has none), and it does not
 * pass codegen's `pureMagicComment` on. Marked pure here, the bundle holds only the documents the
 * dashboard imports (CompareState), not every operation of schema/operations.
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

await build({
  entryPoints: ['src/dashboard/client/dashboard.ts'],
  outfile: 'build/dashboard.js',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  logLevel: 'warning',
  plugins: [pureDocuments],
});
