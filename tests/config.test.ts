import { describe, expect, test } from 'vitest';
import { loadConfig } from '../src/config.js';

describe('loadConfig', () => {
  test('defaults: port 4000, embedded database in .data/pglite, seeding on', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 4000, SEED_ON_START: true });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.pgliteDataDir).toMatch(/\.data\/pglite$/);
  });

  test('every problem is named, by variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_ON_START: 'yes' })).toThrow(
      /PORT: .*\n.*DATABASE_URL: must be a postgresql:\/\/ connection string\n.*SEED_ON_START/,
    );
  });
});

describe('CORS_ORIGINS', () => {
  test('"*" by default, or a list of origins', () => {
    expect(loadConfig({}).CORS_ORIGINS).toEqual(['*']);
    expect(loadConfig({ CORS_ORIGINS: 'https://www.kyffhaeuser.de, https://www.wartburgkreis.de' }).CORS_ORIGINS).toEqual([
      'https://www.kyffhaeuser.de',
      'https://www.wartburgkreis.de',
    ]);
  });

  test('something that is not an origin is refused', () => {
    expect(() => loadConfig({ CORS_ORIGINS: 'kyffhaeuser.de' })).toThrow(/CORS_ORIGINS/);
  });
});

describe('identity provider', () => {
  test('JWKS address, issuer and audience come together', () => {
    expect(loadConfig({}).jwt).toBeUndefined();
    expect(
      loadConfig({ JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'https://idp.example', JWT_AUDIENCE: 'ig' }).jwt,
    ).toEqual({
      jwksUrl: 'https://idp.example/jwks.json',
      issuer: 'https://idp.example',
      audience: 'ig',
    });
    expect(() => loadConfig({ JWT_ISSUER: 'https://idp.example' })).toThrow(/give all three/);
  });

  test("the editors' sign-in there needs the provider, at an http(s) address", () => {
    const provider = { JWT_JWKS_URL: 'https://idp.example/jwks.json', JWT_ISSUER: 'https://idp.example/realms/th', JWT_AUDIENCE: 'ig' };
    expect(loadConfig(provider).editorSignIn).toBeUndefined();
    expect(loadConfig({ ...provider, OIDC_CLIENT_ID: 'redaktion' }).editorSignIn).toEqual({
      issuer: 'https://idp.example/realms/th',
      clientId: 'redaktion',
      scope: 'openid profile',
    });
    expect(() => loadConfig({ OIDC_CLIENT_ID: 'redaktion' })).toThrow(/OIDC_CLIENT_ID: the sign-in needs the identity provider/);
    expect(() => loadConfig({ ...provider, JWT_ISSUER: 'urn:idp', OIDC_CLIENT_ID: 'redaktion' })).toThrow(/JWT_ISSUER: for OIDC_CLIENT_ID/);
  });
});
