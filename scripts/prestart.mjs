// `npm start`'s preparation in one process (each Node process costs ~0.1 s of the start):
// the Prisma client generated if its inputs changed, the server bundled if a source changed.
// A production install has no tools to do either: it checks that the build it runs is there and
// was made from these sources (scripts/built.mjs), and stops with the reason where not.
import { buildProblem, buildToolsInstalled } from './built.mjs';

if (buildToolsInstalled()) {
  await import('./prisma-generate.mjs');
  await import('./build-server.mjs');
} else {
  const problem = buildProblem();
  if (problem) {
    console.error(problem);
    process.exit(1);
  }
}
