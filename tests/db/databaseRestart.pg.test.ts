// PostgreSQL restarted under load (fast, then immediate, as an operator or a crash does it), with
// two readers, an export reader and a writer going on: a request that meets the restart is
// answered with the retryable 503 DATABASE_UNAVAILABLE and Retry-After — never "Unexpected
// error." — and no write that was acknowledged is lost, nor its audit record. The server is one of the test's own (tests/support/ownPostgres.ts).
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { encodeGlobalId } from '../../src/common/globalId.js';
import { type OpenDatabase, openDatabase, useDatabase } from '../../src/db/client.js';
import { applyMigrations } from '../../src/db/migrations.js';
import { createReadinessCheck } from '../../src/http/health.js';
import { type RunningServer, startServer } from '../../src/http/server.js';
import { seed } from '../../src/packages/seed.js';
import { type OwnPostgres, ownPostgresAvailable, startOwnPostgres } from '../support/ownPostgres.js';
import { createTestTokens } from '../support/tokens.js';

describe.skipIf(!ownPostgresAvailable)('a PostgreSQL restart under load', () => {
  let postgres: OwnPostgres;
  let database: OpenDatabase;
  let server: RunningServer;
  let editor: string;

  beforeAll(async () => {
    postgres = await startOwnPostgres();
    database = await openDatabase({ databaseUrl: postgres.url, poolSize: 4, statementTimeoutMs: 2_000 });
    await applyMigrations(database.adapterFactory);
    await seed(database.client);
    useDatabase(database.client);
    server = await startServer({ port: 0, host: '127.0.0.1', readiness: await createReadinessCheck(database.client) });
    editor = (await createTestTokens(database.client)).kyffhaeuser;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await database?.close();
    await postgres?.stop();
  });

  const ask = async (query: string, variables: Record<string, unknown> = {}, token?: string) => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: await response.json() };
  };

  test('every request that meets the restart is a retryable 503; no acknowledged write is lost', async () => {
    const guide = await database.client.contact.findFirstOrThrow({ where: { districtId: '16065', validTo: null, archivedAt: null } });
    const id = encodeGlobalId('Contact', guide.id);
    const failures: { status: number; code: unknown; retryAfter: string | null }[] = [];
    const note = (response: Awaited<ReturnType<typeof ask>>) => {
      if (response.status === 200 && !response.body.errors) return true;
      failures.push({ status: response.status, code: response.body.errors?.[0]?.extensions?.code, retryAfter: response.retryAfter });
      return false;
    };
    let running = true;
    const acknowledged: string[] = [];
    const reader = async () => {
      while (running)
        note(await ask('{ district(ags: "16065") { name contacts { totalCount edges { node { person { displayName } } } } } }'));
    };
    // The exports are routes of their own, beside GraphQL: the same answer.
    const exportReader = async () => {
      while (running) {
        const response = await fetch(new URL(`/export/contacts/${id}.vcf`, server.url));
        const body = await response.text();
        if (response.status === 200) continue;
        const code = response.status === 503 ? JSON.parse(body).errors[0].extensions.code : body.slice(0, 200);
        failures.push({ status: response.status, code, retryAfter: response.headers.get('retry-after') });
      }
    };
    const writer = async () => {
      for (let attempt = 1; running; attempt++) {
        const read = await ask('query ($id: ID!) { node(id: $id) { ... on Contact { version } } }', { id });
        if (!note(read)) continue;
        const written = await ask(
          'mutation ($input: UpdateContactInput!) { updateContact(input: $input) { __typename ... on MutationUpdateContactSuccess { data { internalNote } } } }',
          { input: { id, version: read.body.data.node.version, fields: { internalNote: `Stand ${attempt}` } } },
          editor,
        );
        if (note(written) && written.body.data.updateContact.__typename === 'MutationUpdateContactSuccess')
          acknowledged.push(written.body.data.updateContact.data.internalNote);
      }
    };
    const load = [reader(), reader(), exportReader(), writer()];
    await new Promise((resolve) => setTimeout(resolve, 500));
    await postgres.restart('fast');
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await postgres.restart('immediate');
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    running = false;
    await Promise.all(load);

    expect(failures.length).toBeGreaterThan(0); // the restarts were met
    for (const failure of failures) expect(failure).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE', retryAfter: '5' });
    expect(failures.map((failure) => failure.code)).toContain('DATABASE_UNAVAILABLE');
    expect(acknowledged.length).toBeGreaterThan(0);
    const stored = await database.client.contact.findUniqueOrThrow({ where: { id: guide.id } });
    expect(stored.internalNote).toBe(acknowledged.at(-1));
    // Every acknowledged write is in the audit log, written in its transaction.
    const audited = await database.client.auditEvent.findMany({ where: { entityType: 'Contact', entityId: guide.id } });
    const auditedNotes = audited.map((event) => (event.after as { internalNote?: string } | null)?.internalNote);
    expect(auditedNotes).toEqual(expect.arrayContaining(acknowledged));
  }, 60_000);
});
