// Bounds on one request's size and time. Anonymous bodies are small (a query and its
// variables); only a valid token (or the trusted gateway's entity batches) may send several
// megabytes. A request
// that has not been answered in time gets a 503 and its connection is not kept.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/viewer.js';
import { isFromGateway } from './gateway.js';

export interface BodyLimits {
  /** Bytes an anonymous request (or one with an invalid token) may send. */
  anonymousBytes: number;
  /** Bytes a request with a valid token may send (district packages). */
  authenticatedBytes: number;
}

const problem = (status: number, code: string, message: string, headers: Record<string, string> = {}) =>
  Response.json({ errors: [{ message, extensions: { code } }] }, { status, headers });

async function hasValidToken(request: Request, authenticate: Authenticator): Promise<boolean> {
  if (!request.headers.has('authorization')) return false;
  try {
    return (await authenticate(request)) !== null;
  } catch {
    return false;
  }
}

/** Refuses bodies over the limit from their Content-Length, before reading them. */
export function useBodyLimit(limits: BodyLimits, authenticate: Authenticator): Plugin {
  return {
    async onRequest({ request, endResponse }) {
      if (request.method !== 'POST') return;
      const header = request.headers.get('content-length');
      if (header === null) {
        // Without a length the body could only be counted while reading it; every HTTP client
        // sends one for a JSON body.
        endResponse(problem(411, 'LENGTH_REQUIRED', 'A POST request needs a Content-Length header.'));
        return;
      }
      const length = Number(header);
      if (length <= limits.anonymousBytes) return;
      const trusted = isFromGateway(request) || (await hasValidToken(request, authenticate));
      if (length <= limits.authenticatedBytes && trusted) return;
      const limit = length <= limits.authenticatedBytes ? limits.anonymousBytes : limits.authenticatedBytes;
      const message =
        limit === limits.anonymousBytes
          ? `The request body has ${length} bytes; without a valid token at most ${limits.anonymousBytes} are accepted.`
          : `The request body has ${length} bytes; at most ${limits.authenticatedBytes} are accepted.`;
      endResponse(problem(413, 'BODY_TOO_LARGE', message));
    },
  };
}

type NodeHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * Answers 503 when `handler` has not answered within `timeoutMs` (or cuts the connection if
 * it had started to). The work goes on until the database's statement timeout ends it; what
 * it would still write is dropped.
 */
export function withRequestTimeout(handler: NodeHandler, timeoutMs: number): NodeHandler {
  if (timeoutMs <= 0) return handler;
  return (request, response) => {
    // A subscription's event stream stays open by design; it ends when the client or the server goes.
    if (String(request.headers.accept ?? '').includes('text/event-stream')) return handler(request, response);
    const timer = setTimeout(() => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const body = JSON.stringify({
        errors: [
          { message: `The request was not answered within ${timeoutMs} ms and was stopped.`, extensions: { code: 'REQUEST_TIMEOUT' } },
        ],
      });
      response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close', 'retry-after': '5' });
      response.end(body);
      // The handler still holds this response and will write its late answer to it: that
      // answer goes nowhere instead of failing on an ended response.
      const ignore = () => response;
      Object.assign(response, { writeHead: ignore, setHeader: ignore, flushHeaders: ignore, write: () => true, end: ignore });
    }, timeoutMs);
    response.once('close', () => clearTimeout(timer));
    handler(request, response);
  };
}
