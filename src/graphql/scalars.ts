import { GraphQLError, Kind, type ValueNode } from 'graphql';
import { quote } from '../common/errors.js';
import { isoDay } from '../common/history.js';
import { partialDate } from '../rules/values.js';
import { builder } from './builder.js';

const isoDatePattern = /^\d{4}-\d{2}-\d{2}$/;
/** The range of dates a question can be about: wide for any record of integration work, narrow enough for every database. */
const earliestDate = '1900-01-01';
const latestDate = '2199-12-31';

/** Parses "YYYY-MM-DD" to midnight UTC, rejecting impossible dates like 2019-02-30. */
function parseDate(value: unknown): Date {
  if (typeof value !== 'string' || !isoDatePattern.test(value)) {
    throw new GraphQLError(`Expected a date as "YYYY-MM-DD", got ${quote(value)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || isoDay(date) !== value) {
    throw new GraphQLError(`${quote(value)} is not a calendar date.`, { extensions: { code: 'BAD_USER_INPUT' } });
  }
  if (value < earliestDate || value > latestDate) {
    throw new GraphQLError(`${quote(value)} lies outside the dates this graph answers for (${earliestDate} to ${latestDate}).`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return date;
}

const literal = (node: ValueNode) => (node.kind === Kind.STRING ? node.value : undefined);

builder.scalarType('Date', {
  description: `A calendar date, "YYYY-MM-DD" (ISO 8601), from ${earliestDate} to ${latestDate}.`,
  serialize: (value) => isoDay(value as Date),
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(literal(node)),
});

const isoDateTimePattern = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

builder.scalarType('DateTime', {
  description: 'A point in time, ISO 8601 with time zone, e.g. "2026-11-22T10:15:00Z".',
  serialize: (value) => (value as Date).toISOString(),
  parseValue: (value) => {
    // Strictly ISO 8601 with a time zone, years 0001–9999: JavaScript reads far more ("99999",
    // "1 Jan"), and not everything it reads is a time the database can store.
    const date = typeof value === 'string' && isoDateTimePattern.test(value) ? new Date(value) : null;
    if (!date || Number.isNaN(date.getTime()) || date.getUTCFullYear() < 1) {
      throw new GraphQLError(`Expected an ISO 8601 date-time with time zone (e.g. "2026-11-22T10:15:00Z"), got ${quote(value)}.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return date;
  },
});

builder.scalarType('PartialDate', {
  description: 'A date as precise as the source states it: a year ("2017"), a month ("2019-05") or a day ("2019-05-13"), ISO 8601.',
  serialize: (value) => value as string,
  parseValue: (value) => {
    if (!partialDate.safeParse(value).success) {
      throw new GraphQLError(`Expected "YYYY", "YYYY-MM" or "YYYY-MM-DD", got ${quote(value)}.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    return value as string;
  },
});

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

builder.scalarType('JSONObject', {
  description: 'A JSON object, such as a data package. Send it as a variable: it is checked against its own schema, not GraphQL’s.',
  serialize: (value) => value,
  parseValue: (value) => {
    if (!isObject(value))
      throw new GraphQLError(`Expected a JSON object, got ${quote(value)}.`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    return value;
  },
});

// An upload (GraphQL multipart request: https://github.com/jaydenseric/graphql-multipart-request-spec),
// which Yoga hands over as a Fetch API File (its own implementation where Node's is not used).
builder.scalarType('File', {
  description:
    'A file sent with the request as a GraphQL multipart request (multipart/form-data: `operations`, `map`, then the file). Only an input.',
  serialize: () => {
    throw new GraphQLError('A File is only an input.');
  },
  parseValue: (value) => {
    if (typeof (value as File | null)?.arrayBuffer !== 'function')
      throw new GraphQLError('Expected a file sent as a GraphQL multipart request.', { extensions: { code: 'BAD_USER_INPUT' } });
    return value as File;
  },
});
