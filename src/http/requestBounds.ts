// Bounds on one request's size and time. Anonymous bodies are small (a query and its
// variables); only a valid token (or the trusted gateway's entity batches) may send several
// megabytes. A request that has not been answered in time gets a 503 and its connection is not
// kept.
import type { FastifyInstance, FastifyReply, FastifyRequest, RequestPayload } from 'fastify';
import { GraphQLError } from 'graphql';
import type { Authenticator, Viewer } from '../auth/viewer.js';
import { isGatewayRequest } from './gateway.js';
import { HttpProblem } from './problem.js';

export interface BodyLimits {
  /** Bytes an anonymous request (or one with an invalid token) may send. */
  anonymousBytes: number;
  /** Bytes a request with a valid token may send (district packages). */
  authenticatedBytes: number;
}

/**
 * The holder of the request's token; null without one. An invalid one is refused here as the API
 * would refuse it (401, counted as a failed authentication): the size limit must not tell a
 * guessed token apart without counting the guess. A database that does not answer is its own fault (503).
 */
export async function viewerOfRequest(request: FastifyRequest, authenticate: Authenticator): Promise<Viewer> {
  const authorization = request.headers.authorization;
  if (!authorization) return null;
  try {
    return await authenticate({ headers: new Headers({ authorization }) });
  } catch (error) {
    if (error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED')
      throw new HttpProblem(401, 'UNAUTHENTICATED', error.message);
    throw error;
  }
}

/**
 * Refuses a body over the limit from its Content-Length, before reading it (a route's preParsing
 * hook: after the rate limits, which count every request). Without a length the body could only
 * be counted while reading it; every HTTP client sends one for a JSON body, and Node's parser
 * holds the body to it.
 */
export function bodyLimit(limits: BodyLimits, authenticate: Authenticator) {
  return async (request: FastifyRequest, _reply: FastifyReply, payload: RequestPayload) => {
    if (request.method !== 'POST') return payload;
    const header = request.headers['content-length'];
    if (header === undefined) throw new HttpProblem(411, 'LENGTH_REQUIRED', 'A POST request needs a Content-Length header.');
    const length = Number(header);
    if (length <= limits.anonymousBytes) return payload;
    const trusted = isGatewayRequest(request) || (await viewerOfRequest(request, authenticate)) !== null;
    if (length <= limits.authenticatedBytes && trusted) return payload;
    const message =
      length <= limits.authenticatedBytes
        ? `The request body has ${length} bytes; without a valid token at most ${limits.anonymousBytes} are accepted.`
        : `The request body has ${length} bytes; at most ${limits.authenticatedBytes} are accepted.`;
    throw new HttpProblem(413, 'BODY_TOO_LARGE', message);
  };
}

/** The answer to a request not answered in time; an answer already under way is cut instead. */
function timedOut(reply: FastifyReply, timeoutMs: number) {
  if (reply.sent || reply.raw.headersSent) {
    reply.raw.destroy();
    return;
  }
  const message = `The request was not answered within ${timeoutMs} ms and was stopped.`;
  reply.send(new HttpProblem(503, 'REQUEST_TIMEOUT', message, { 'retry-after': '5', connection: 'close' }));
}

/**
 * Answers 503 when a route has not answered within `timeoutMs`. The work goes on until the
 * database's statement timeout ends it; the route sees that the reply was sent and drops its
 * late answer. Started once the route's own onRequest hooks are through: an answer kept from
 * before (answerBytes.ts) goes out at once, and a request waiting there for an identical one's
 * answer waits at most a second before it goes on alone, then with this timer.
 */
export function limitRequestTime(app: FastifyInstance, timeoutMs: number) {
  if (timeoutMs <= 0) return;
  app.addHook('preParsing', async (request, reply, payload) => {
    // A subscription's event stream stays open by design; it ends when the client or the server goes.
    if (String(request.headers.accept ?? '').includes('text/event-stream')) return payload;
    const timer = setTimeout(() => timedOut(reply, timeoutMs), timeoutMs);
    reply.raw.once('close', () => clearTimeout(timer));
    return payload;
  });
}
