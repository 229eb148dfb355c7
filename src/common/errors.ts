import { GraphQLError } from 'graphql';

/** The caller asked for something malformed; the message says what is expected. */
export function badInput(message: string, argument: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', argument } });
}

/** Well-formed, but there is no such thing. */
export function notFound(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND' } });
}

/** A value as an error message quotes it: in JSON, cut at 40 characters, so that a huge argument is not echoed back. */
export function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
