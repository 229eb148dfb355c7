// The DateTime scalar takes ISO 8601 with a time zone and nothing JavaScript would guess at:
// "99999" reads as a year that PostgreSQL cannot store (found by the fuzz test).
import { GraphQLError, type GraphQLScalarType } from 'graphql';
import { expect, test } from 'vitest';
import { schema } from '../../src/schema.js';

const dateTime = schema.getType('DateTime') as GraphQLScalarType;

test.each([
  ['2026-11-22T10:15:00Z', '2026-11-22T10:15:00.000Z'],
  ['2026-11-22T11:15+01:00', '2026-11-22T10:15:00.000Z'],
  ['2026-11-22T10:15:00.123456Z', '2026-11-22T10:15:00.123Z'],
])('%s is the moment %s', (given, moment) => {
  expect((dateTime.parseValue(given) as Date).toISOString()).toBe(moment);
});

test.each(['99999', '2026-11-22', '22.11.2026 10:15', '2026-11-22T10:15:00', '0000-01-01T00:00:00Z', 2026, ''])(
  '%j is refused as bad input',
  (given) => {
    expect(() => dateTime.parseValue(given)).toThrow(GraphQLError);
    expect(() => dateTime.parseValue(given)).toThrow(/ISO 8601 date-time with time zone/);
  },
);
