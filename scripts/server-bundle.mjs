// How the server is bundled into build/server.mjs (scripts/build-server.mjs builds it). What the
// bundle leaves out — the packages below and what esbuild cannot resolve — it loads from
// node_modules at run time: those, and nothing else, are `dependencies`, the packages a
// production install (`npm ci --omit=dev`) holds (tests/main/productionDependencies.test.ts).
import { join } from 'node:path';

/** esbuild's options for the server bundle, in the checkout at `root`. */
export function serverBundleOptions(root) {
  return {
    entryPoints: [join(root, 'src', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages that read files of their own beside their code (PGlite's WebAssembly), and the
    // large ones loaded only on demand (GraphiQL's page, spreadsheets, Redis).
    external: ['@electric-sql/pglite', '@graphql-yoga/render-graphiql', 'exceljs', 'ioredis'],
    // Bundled CommonJS packages require Node's modules at run time.
    banner: {
      js: "import { createRequire as createRequireOfBundle } from 'node:module'; const require = createRequireOfBundle(import.meta.url);",
    },
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'warning',
  };
}
