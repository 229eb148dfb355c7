// Tokens from the state's identity provider: a JWKS served on loopback with a key this test
// generates, JWTs signed with it, and the same rules as for API tokens.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startTestServer, type TestServer } from '../support/testServer.js';

const issuer = 'https://idp.thueringen.example';
const audience = 'integrationsgraph';
let privateKey: CryptoKey;
let jwks: Server;
let server: TestServer;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  privateKey = pair.privateKey;
  const publicJwk = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'ES256', use: 'sig' };
  jwks = createServer((_request, response) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [publicJwk] })),
  );
  await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
  const jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/jwks.json`;
  server = await startTestServer({ jwt: { jwksUrl, issuer, audience } });
});
afterAll(async () => {
  await server.close();
  await new Promise((resolve) => jwks.close(resolve));
});

function sign(claims: Record<string, unknown>, options: { issuer?: string; expiresIn?: string } = {}) {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: 'test-key' })
    .setSubject('u-4711')
    .setIssuer(options.issuer ?? issuer)
    .setAudience(audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresIn ?? '10m')
    .sign(privateKey);
}

async function confirm(ags: string, token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: `mutation { confirmDistrictData(ags: "${ags}") { lastVerifiedAt } }` }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

test('an editor JWT changes its own district only, and is named in the audit log', async () => {
  const token = await sign({ name: 'Redaktion Wartburgkreis', ig_role: 'editor', ig_districts: ['16063'] });
  expect((await confirm('16063', token)).body.data.confirmDistrictData.lastVerifiedAt).toBeTruthy();
  expect((await confirm('16065', token)).body.errors[0].extensions.code).toBe('FORBIDDEN');
  const event = await server.database.client.auditEvent.findFirstOrThrow({ where: { districtId: '16063' } });
  expect(event).toMatchObject({ actorId: null, actorName: `Redaktion Wartburgkreis (${issuer})`, action: 'VERIFY' });
});

test('expired, foreign or role-less JWTs are refused with 401', async () => {
  const cases = [
    await sign({ ig_role: 'editor', ig_districts: ['16063'] }, { expiresIn: '-1m' }),
    await sign({ ig_role: 'editor', ig_districts: ['16063'] }, { issuer: 'https://somewhere-else.example' }),
    await sign({ ig_districts: ['16063'] }),
    'not-a-jwt',
  ];
  for (const token of cases) {
    const { status, body } = await confirm('16063', token);
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  }
});
