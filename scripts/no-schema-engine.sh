#!/bin/sh
# Stand-in for Prisma's native schema engine on machines that cannot download it.
# `prisma generate` only checks that an engine exists; anything that really needs one
# (migrate, db push) must use `npm run db:migrate` / `npm run db:migration:create`,
# which drive @prisma/schema-engine-wasm instead.
echo "No native Prisma schema engine on this machine: use 'npm run db:migrate' or 'npm run db:migration:create' (WebAssembly engine)." >&2
exit 1
