// Prisma CLI configuration. The CLI is used here only for `prisma generate` (see
// scripts/prisma-generate.mjs); on a machine with Prisma's native engine,
// `DATABASE_URL=… npx prisma migrate deploy` applies the same migrations as `npm run db:migrate`.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
