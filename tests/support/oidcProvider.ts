// A real OpenID provider for the tests of the editors' sign-in: oidc-provider (a certified
// implementation of OpenID Connect) on loopback, with its own sign-in and consent pages, a public
// client for the editors' app, and accounts with the claims a state's provider gives editors
// (ig_role, ig_districts, ig_state). Its access tokens are JWTs for the API's audience, as a
// provider issues them for a resource server (RFC 8707, RFC 9068).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

interface TestAccount {
  name: string;
  ig_role?: string;
  ig_districts?: string[];
  ig_state?: string;
}

export interface TestProvider {
  issuer: string;
  jwksUrl: string;
  audience: string;
  clientId: string;
  /** Opens the provider for the editors' app at this origin, with these accounts (by login name). */
  serve(appOrigin: string, accounts: Record<string, TestAccount>): Promise<void>;
  /** How long the access tokens issued from now on are valid. */
  accessTokenSeconds: number;
  close(): Promise<void>;
}

/** Listens first, so that the API can be started knowing the provider's address before the provider knows the API's. */
export async function listenTestProvider(): Promise<TestProvider> {
  let handle: ReturnType<Provider['callback']> | null = null;
  const server = createServer((request, response) => (handle ? handle(request, response) : response.writeHead(503).end()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // "localhost", not the API's 127.0.0.1: another origin, as a state's provider is.
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const audience = 'https://integrationsgraph.test/graphql';
  const clientId = 'integrationsgraph-redaktion';
  const testProvider: TestProvider = {
    issuer,
    jwksUrl: `${issuer}/jwks`,
    audience,
    clientId,
    accessTokenSeconds: 600,
    async serve(appOrigin, accounts) {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            token_endpoint_auth_method: 'none',
            redirect_uris: [`${appOrigin}/editor/`],
            post_logout_redirect_uris: [`${appOrigin}/editor/`],
            grant_types: ['authorization_code'],
            response_types: ['code'],
          },
        ],
        jwks: { keys: [{ ...(await exportJWK(privateKey)), kid: 'test', alg: 'RS256', use: 'sig' }] },
        cookies: { keys: ['a key for the test provider only'] },
        claims: { openid: ['sub'], profile: ['name'] },
        findAccount: (_context, id) =>
          accounts[id] ? { accountId: id, claims: () => ({ sub: id, name: accounts[id]!.name }) } : undefined,
        extraTokenClaims: (_context, token) => {
          const account = 'accountId' in token && typeof token.accountId === 'string' ? accounts[token.accountId] : undefined;
          return account ? { ...account } : undefined;
        },
        clientBasedCORS: (_context, origin) => origin === appOrigin,
        features: {
          devInteractions: { enabled: true },
          resourceIndicators: {
            enabled: true,
            defaultResource: () => audience,
            useGrantedResource: () => true,
            getResourceServerInfo: () => ({
              scope: 'openid profile',
              audience,
              accessTokenFormat: 'jwt',
              accessTokenTTL: testProvider.accessTokenSeconds,
              jwt: { sign: { alg: 'RS256' } },
            }),
          },
        },
      });
      handle = provider.callback();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
  return testProvider;
}
