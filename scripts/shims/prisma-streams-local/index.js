// See package.json: `prisma dev` is not part of this project; say so if anything calls it.
export async function startLocalDurableStreamsServer() {
  throw new Error('prisma dev is not used by Integrationsgraph: the embedded database is PGlite (npm start), production is PostgreSQL.');
}
