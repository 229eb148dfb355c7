// The README's own sequence, through its own commands: start, create an editor's token, the
// editing example (updateContact), a restart, and the dry run of the shipped package. The edit
// survives the restart, and the dry run reports a diff instead of refusing over the editorial
// source the edit created. The embedded database; a scratch PostgreSQL one in that suite.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { rootDir } from '../../src/paths.js';
import { processDatabaseEnv, startServerProcess } from '../support/serverProcess.js';

const databaseEnv = await processDatabaseEnv('readme');

/** `npm run <script> -- …args` as the README writes it. */
const npmRun = (script: string, ...args: string[]) =>
  promisify(execFile)('npm', ['run', '--silent', script, '--', ...args], {
    cwd: rootDir,
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: '', ...databaseEnv },
  });

// The README's editing example, as printed there.
const readmeExample = /* GraphQL */ `mutation {
  updateContact(input: {
    id: "Q29udGFjdDoxNjA2NS9jb250YWN0L3BpbGF2c2tpag=="
    version: 1
    channels: [{ kind: PHONE, printed: "03632 / 741-261" }, { kind: EMAIL, printed: "r.pilavskij[at]kyffhaeuser.de" }]
    officeHours: [{ printed: "Dienstag 9–12 Uhr", intervals: [{ weekday: TUESDAY, opens: "09:00", closes: "12:00" }] }]
  }) {
    __typename
    ... on MutationUpdateContactSuccess { data { version channels { value } } }
    ... on ValidationError { issues { path message } }
    ... on VersionConflictError { currentVersion }
  }
}`;

const channelsQuery =
  '{ node(id: "Q29udGFjdDoxNjA2NS9jb250YWN0L3BpbGF2c2tpag==") { ... on Contact { channels { printed } officeHours { printed } } } }';

async function post(url: string, query: string, token?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return (await response.json()) as { data: any; errors?: unknown[] };
}

test('edit, restart, dry run of the shipped package: the edit stays and the dry run shows the diff', async () => {
  const first = await startServerProcess(databaseEnv);
  expect(await first.stop()).toBe(0);

  const created = await npmRun('tokens', 'create', '--name', 'Redaktion Kyffhäuserkreis', '--editor', '16065');
  const token = created.stdout.trim().split('\n').at(-1)!;
  expect(token).toMatch(/^igt_/);

  const second = await startServerProcess(databaseEnv);
  try {
    const edited = await post(second.url, readmeExample, token);
    expect(edited.data.updateContact).toMatchObject({ __typename: 'MutationUpdateContactSuccess', data: { version: 2 } });
  } finally {
    expect(await second.stop()).toBe(0);
  }

  const third = await startServerProcess(databaseEnv);
  try {
    const { data } = await post(third.url, channelsQuery);
    expect(data.node).toEqual({
      channels: [{ printed: '03632 / 741-261' }, { printed: 'r.pilavskij[at]kyffhaeuser.de' }],
      officeHours: [{ printed: 'Dienstag 9–12 Uhr' }],
    });
  } finally {
    expect(await third.stop()).toBe(0);
  }

  const dry = await npmRun('data:import', 'prisma/seed/16065-kyffhaeuserkreis.json', '--dry-run');
  expect(dry.stdout).toMatch(/Changed: 1\n {2}16065 Contact 16065\/contact\/pilavskij \(.*channels.*officeHours.*\)/);
  expect(dry.stdout).toMatch(/Kept \(left out, but cannot be archived\): 1\n {2}16065 Source editorial:16065:\d{4}-\d{2}-\d{2}/);
  expect(dry.stdout).toContain('Dry run: nothing was written.');
}, 180_000);
