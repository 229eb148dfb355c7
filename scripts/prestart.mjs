// `npm start`'s preparation in one process (each Node process costs ~0.1 s of the start):
// the Prisma client generated if its inputs changed, the server bundled if a source changed.
await import('./prisma-generate.mjs');
await import('./build-server.mjs');
