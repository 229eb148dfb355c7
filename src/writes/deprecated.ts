// Mutations from before the one error contract, kept through their deprecation period (README
// "Schema changes"): each runs the mutation that replaces it and answers the way it did — its
// result or a thrown GraphQL error with the code it had (BAD_USER_INPUT, NOT_FOUND,
// VERSION_CONFLICT; refusals as FORBIDDEN / UNAUTHENTICATED errors) and the argument as it took
// it. The message is the successor's first problem.
import { GraphQLError } from 'graphql';
import { badInput, notFound } from '../common/errors.js';
import { type Issue, NotFoundError, ValidationError, VersionConflictError } from './problems.js';

/** The name of the input field an issue is about: "fields.text" → "text". */
const fieldName = (issue: Issue) =>
  issue.path
    .split('.')
    .at(-1)!
    .replace(/\[\d+\]$/, '');

/** Where the deprecated mutation took an input path of its successor. */
type ArgumentOf = (path: string) => string;

/** The deprecated `input` was flat: its successor's `fields.text` was its `input.text`. */
const flatInput: ArgumentOf = (path) => `input.${path.replace(/^fields\./, '')}`;

/** A typed failure as the deprecated field threw it: the first problem only, in a sentence. */
function thrownAsBefore(error: unknown, argumentOf: ArgumentOf): unknown {
  if (error instanceof ValidationError) {
    const issue = error.issues[0]!;
    // Messages that quote what they are about ("website" is not …) stand alone; the others follow the field's name.
    const sentence = issue.message.startsWith('"') ? issue.message : `"${fieldName(issue)}" ${issue.message}`;
    return badInput(`${sentence}.`, argumentOf(issue.path));
  }
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof VersionConflictError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'VERSION_CONFLICT', expectedVersion: error.expectedVersion, currentVersion: error.currentVersion },
    });
  }
  return error;
}

/**
 * The answer of a deprecated mutation: the replacing mutation's result, or its failure thrown as
 * before, naming the argument as the deprecated mutation took it (`argumentOf`; by default a flat
 * `input`).
 */
export async function answeredAsBefore<T>(work: Promise<T>, argumentOf: ArgumentOf = flatInput): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw thrownAsBefore(error, argumentOf);
  }
}
