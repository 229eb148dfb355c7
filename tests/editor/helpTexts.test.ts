// The German help under the app's fields is a translation of the schema's own descriptions, keyed
// by their English text: every field the app explains has one, and none is left for a text the
// schema no longer says (a description that changed needs translating again).
import { readdirSync, readFileSync } from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType } from 'graphql';
import { expect, test } from 'vitest';
import german from '../../src/editor/descriptions.de.json' with { type: 'json' };

const schema = buildSchema(readFileSync('schema/schema.graphql', 'utf8'));
const client = 'src/editor/client';
const source = readdirSync(client)
  .filter((file) => file.endsWith('.tsx'))
  .map((file) => readFileSync(`${client}/${file}`, 'utf8'))
  .join('\n');

const inputFields = (type: string) => {
  const found = schema.getType(type);
  if (!isInputObjectType(found)) throw new Error(`${type} is not an input type of the schema`);
  return found.getFields();
};

/** The descriptions the app can show: `help={['Type', 'field']}`; a variable field stands for every field of its type, a variable type for both that share the access fields. */
function shownDescriptions(): Map<string, string> {
  const shown = new Map<string, string>();
  for (const [, type, field] of source.matchAll(/help=\{\[\s*('\w+'|\w+),\s*('\w+'|\w+)\s*\]\}/g)) {
    const types = type!.startsWith("'") ? [type!.slice(1, -1)] : ['AddressInput', 'OfferPlaceInput'];
    for (const name of types) {
      const fields = inputFields(name);
      const names = field!.startsWith("'") ? [field!.slice(1, -1)] : Object.keys(fields);
      for (const each of names) {
        const description = fields[each]?.description;
        if (description) shown.set(`${name}.${each}`, description);
      }
    }
  }
  return shown;
}

test('every field the app explains has its German help', () => {
  const shown = shownDescriptions();
  expect(shown.size).toBeGreaterThan(50);
  const untranslated = [...shown].filter(([, english]) => !(english in german)).map(([key, english]) => `${key}: ${english}`);
  expect(untranslated).toEqual([]);
});

test('no German help is left for a text the schema no longer says', () => {
  const said = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    const parts = isInputObjectType(type) ? Object.values(type.getFields()) : isEnumType(type) ? type.getValues() : [];
    for (const part of parts) if (part.description) said.add(part.description);
  }
  expect(Object.keys(german).filter((english) => !said.has(english))).toEqual([]);
});
