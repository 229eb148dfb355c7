// Bundles the dashboard's browser code with its libraries (d3-geo) into build/dashboard.js,
// which the server serves at /dashboard/dashboard.js: nothing of the page comes from a CDN.
// Run on npm install (postinstall) and by `npm run build:dashboard`.
import { build } from 'esbuild';

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
});
