// Mutations from before the one error contract, kept through their deprecation period (README
// "Schema changes"): each runs the mutation that replaces it and answers the way it did — its
// result or a thrown GraphQL error with the code it had (BAD_USER_INPUT, NOT_FOUND,
// VERSION_CONFLICT; refusals as FORBIDDEN / UNAUTHENTICATED errors).
import { GraphQLError } from 'graphql';
import { badInput, notFound } from '../common/errors.js';
import { type Issue, NotFoundError, ValidationError, VersionConflictError } from './problems.js';

/** The name of the input field an issue is about: "fields.text" → "text". */
const fieldName = (issue: Issue) =>
  issue.path
    .split('.')
    .at(-1)!
    .replace(/\[\d+\]$/, '');

/** A typed failure as the deprecated field threw it: the first problem only, in a sentence. */
function thrownAsBefore(error: unknown): unknown {
  if (error instanceof ValidationError) {
    const issue = error.issues[0]!;
    // Messages that quote what they are about ("website" is not …) stand alone; the others follow the field's name.
    const sentence = issue.message.startsWith('"') ? issue.message : `"${fieldName(issue)}" ${issue.message}`;
    return badInput(`${sentence}.`, `input.${issue.path}`);
  }
  if (error instanceof NotFoundError) return notFound(error.message);
  if (error instanceof VersionConflictError) {
    return new GraphQLError(error.message, {
      extensions: { code: 'VERSION_CONFLICT', expectedVersion: error.expectedVersion, currentVersion: error.currentVersion },
    });
  }
  return error;
}

/** The answer of a deprecated mutation: the replacing mutation's result, or its failure thrown as before. */
export async function answeredAsBefore<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw thrownAsBefore(error);
  }
}
