// The export formats are one mechanism (src/exports/formats.ts): each registered format is
// linked from the field it names, the link the API gives is the format's own address, the
// server answers it with the format's media type, and the README documents the address. Each
// check fails when a step of CONTRIBUTING's "Add an export format" is forgotten; a format
// without an answer does not compile (src/exports/answers.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type ExportFormatName, exportFormats } from '../../src/exports/formats.js';
import { rootDir } from '../../src/paths.js';
import { schema } from '../../src/schema.js';
import { startTestServer, type TestServer } from '../support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** How a test reaches objects of each type that links to a format, given the field to select. */
const reach: Record<string, (field: string) => string> = {
  Contact: (field) => `{ district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { ${field} } } } } }`,
  OfficeHours: (field) => `{ district(ags: "16065") { contacts(asOf: "2016-07-01") { edges { node { officeHours { ${field} } } } } } }`,
  District: (field) => `{ district(ags: "16065") { ${field} } }`,
  ExportLink: (field) => `{ comparison(state: TH) { exports { ${field} } } }`,
};

/** Every string in an answer. */
const strings = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(strings) : [];

/** The format's route as a pattern an address's path must match. */
const pathPattern = (path: string) => new RegExp(`^${path.replace(/\./g, '\\.').replace(/:\w+/g, '[^/]+')}$`);

const formats = Object.entries(exportFormats) as [ExportFormatName, (typeof exportFormats)[ExportFormatName]][];

describe.each(formats)('%s', (_name, format) => {
  const [typeName, fieldName] = format.linkedFrom.split('.') as [string, string];

  test('is linked from the field it names', () => {
    const type = schema.getType(typeName);
    expect(isObjectType(type) && type.getFields()[fieldName], `${format.linkedFrom} is not a field of the schema`).toBeTruthy();
  });

  test('the link is the format’s address, and the server answers it with the format’s media type', async () => {
    expect(reach[typeName], `tests/exports: say how to reach a ${typeName} in \`reach\``).toBeDefined();
    const { data, errors } = await server.graphql(reach[typeName]!(fieldName));
    expect(errors).toBeUndefined();
    const links = strings(data);
    expect(links.length).toBeGreaterThan(0);
    for (const link of links.slice(0, 2)) {
      expect(new URL(link).pathname).toMatch(pathPattern(format.path));
      const response = await fetch(link);
      expect(response.status, link).toBe(200);
      expect(response.headers.get('content-type')).toBe(format.mediaType);
      await response.arrayBuffer();
    }
  });

  test('the README documents its address', () => {
    const readme = readFileSync(join(rootDir, 'README.md'), 'utf8');
    const documented = format.path.replace(/\./g, '\\.').replace(/:\w+/g, '<[^>]+>');
    expect(readme).toMatch(new RegExp(`GET ${documented}`));
  });
});
