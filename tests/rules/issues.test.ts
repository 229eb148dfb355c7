// Every problem the API reports has a stable code whose editor texts exist in German and English,
// and the schema's InputIssueCode enum lists exactly those codes.
import { type GraphQLEnumType, getNamedType } from 'graphql';
import { expect, test } from 'vitest';
import { issueCodes, issueText, issueTexts } from '../../src/rules/issues.js';
import { schema } from '../../src/schema.js';

test('the schema’s InputIssueCode enum lists every code, described', () => {
  const codes = getNamedType(schema.getType('InputIssueCode')) as GraphQLEnumType;
  expect(codes.getValues().map((value) => value.name)).toEqual([...issueCodes].sort());
  for (const value of codes.getValues()) expect(value.description).toBe(issueTexts[value.name as keyof typeof issueTexts].about);
});

test.each(issueCodes)('%s reads in German and English with the parameters its description names', (code) => {
  // The parameters are the names its description puts in backticks (e.g. `max`), here given a sample value.
  const names = [...issueTexts[code].about.matchAll(/`(\w+)`/g)].map((match) => match[1]!);
  const params = Object.fromEntries(names.map((name) => [name, `«${name}»`]));
  for (const language of ['de', 'en'] as const) {
    const text = issueText({ code, params }, language);
    expect(text.trim().length).toBeGreaterThan(5);
    expect(text).not.toMatch(/undefined|\$\{/);
    expect(issueTexts[code][language](params)).toBe(text);
  }
  expect(issueText({ code, params }, 'de')).not.toBe(issueText({ code, params }, 'en'));
});
