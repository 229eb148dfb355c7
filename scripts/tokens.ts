// npm run tokens -- create --name "Redaktion Kyffhäuserkreis" --editor 16065[,16063]
//                  create --name "TMASGFF" --ministry TH
//                  create --name "Betrieb" --admin
//                  list
//                  revoke <id>
// The token is printed once, on creation; the database keeps only its hash.
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.js';
import { openDatabaseOrExit } from '../src/db/client.js';
import { applyMigrations } from '../src/db/migrations.js';
import { createToken, revokeToken } from '../src/tokens/issue.js';

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { name: { type: 'string' }, editor: { type: 'string' }, ministry: { type: 'string' }, admin: { type: 'boolean' } },
});
const [command, id] = positionals;

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const config = loadConfig();
// The audit log names who issued or revoked a token.
const actor = { tokenId: null, name: `npm run tokens by ${userInfo().username}` };
const database = await openDatabaseOrExit({ databaseUrl: config.DATABASE_URL, pgliteDataDir: config.pgliteDataDir, poolSize: 2 });
try {
  await database.exclusively(() => applyMigrations(database.adapterFactory));
  const client = database.client;
  if (command === 'create') {
    if (!values.name) fail('create needs --name "…"');
    const roles = [values.editor && 'editor', values.ministry && 'ministry', values.admin && 'admin'].filter(Boolean);
    if (roles.length !== 1) fail('create needs exactly one of --editor <AGS,…>, --ministry <state code>, --admin');
    let spec: Parameters<typeof createToken>[1];
    if (values.editor) {
      const districtIds = values.editor.split(',').map((ags) => ags.trim());
      const known = await client.district.findMany({ where: { id: { in: districtIds } }, select: { id: true } });
      const unknown = districtIds.filter((ags) => !known.some((district) => district.id === ags));
      if (unknown.length) fail(`Unknown district(s): ${unknown.join(', ')}`);
      spec = { name: values.name, role: 'EDITOR' as const, districtIds };
    } else if (values.ministry) {
      if (!(await client.state.findUnique({ where: { id: values.ministry } }))) fail(`Unknown state: ${values.ministry}`);
      spec = { name: values.name, role: 'MINISTRY' as const, stateId: values.ministry };
    } else {
      spec = { name: values.name, role: 'ADMIN' as const };
    }
    const created = await createToken(client, spec, actor);
    console.log(`Created token ${created.id} (${spec.role.toLowerCase()}, "${spec.name}"). It is shown only now:\n${created.token}`);
  } else if (command === 'list') {
    for (const token of await client.apiToken.findMany({ orderBy: { createdAt: 'asc' } })) {
      const scope = token.role === 'EDITOR' ? token.districtIds.join(',') : (token.stateId ?? '');
      console.log(
        [
          token.id,
          token.role.toLowerCase(),
          scope,
          token.name,
          token.revokedAt ? `revoked ${token.revokedAt.toISOString()}` : 'active',
        ].join('\t'),
      );
    }
  } else if (command === 'revoke') {
    if (!id) fail('revoke needs the token id (see list)');
    console.log((await revokeToken(client, id, actor)) ? `Revoked ${id}.` : fail(`No active token ${id}.`));
  } else {
    fail('Usage: npm run tokens -- create --name "…" (--editor AGS[,AGS] | --ministry TH | --admin) | list | revoke <id>');
  }
} finally {
  await database.close();
}
