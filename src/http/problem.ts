// The one error body of every answer that is not GraphQL's own: a refused request, an export that
// is not there, an address no route serves. The same shape GraphQL errors have, so that a client
// reads every error the same way:
//   { "errors": [{ "message": "…", "extensions": { "code": "…", … } }] }
// Routes and hooks throw an HttpProblem; Fastify's error handler writes it (and turns Fastify's
// own refusals, such as a URL it cannot decode, into the same body).
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { logger } from '../logger.js';

export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const problemBody = (message: string, code: string, extensions: Record<string, unknown> = {}) => ({
  errors: [{ message, extensions: { code, ...extensions } }],
});

/** Codes for Fastify's own 4xx refusals (its error codes are internal names, not ours). */
const codeOfStatus: Record<number, string> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'BODY_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

function sendProblem(reply: FastifyReply, problem: HttpProblem) {
  return reply
    .code(problem.status)
    .headers(problem.headers)
    .type('application/json; charset=utf-8')
    .send(problemBody(problem.message, problem.code, problem.extensions));
}

/**
 * A silent, restarting, unreachable or busy database, on every route alike: retryable, 503 with
 * Retry-After (load balancers and clients retry).
 */
export const databaseUnavailable = () =>
  new HttpProblem(
    503,
    'DATABASE_UNAVAILABLE',
    'The database is not answering in time (restarting, unreachable or busy); try again in a few seconds.',
    {
      'retry-after': '5',
    },
  );

function asProblem(error: FastifyError | HttpProblem, request: FastifyRequest): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (isDatabaseUnavailable(error)) return databaseUnavailable();
  const status = error.statusCode ?? 500;
  if (status < 500) return new HttpProblem(status, codeOfStatus[status] ?? 'BAD_REQUEST', error.message);
  logger.error({ err: error, method: request.method, url: request.url }, 'unexpected error answering a request');
  return new HttpProblem(500, 'INTERNAL_SERVER_ERROR', 'Unexpected error.');
}

/** Every error a route or hook throws, and every address no route serves, answered with the one body. */
export function answerProblems(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError | HttpProblem, request, reply) => sendProblem(reply, asProblem(error, request)));
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, new HttpProblem(404, 'NOT_FOUND', `Nothing is served at ${request.method} ${request.url.split('?')[0]}.`)),
  );
}

/** For a route's other methods: 405 with the ones it answers. */
export const methodNotAllowed = (allowed: string) => async () => {
  throw new HttpProblem(405, 'METHOD_NOT_ALLOWED', `This address answers ${allowed} only.`, { allow: allowed });
};
