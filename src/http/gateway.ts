// Behind a state's federation gateway, a client's query is judged once, where it enters: at the
// gateway. Requests from the gateway — recognised by a shared secret it sends in a header,
// never by address — are its query plans: many generated aliases (`_v0__entities: …`),
// batches of entity representations, all users behind one address. They get limits sized for
// plans instead of for clients, and no per-address rate limit (per-token limits still apply).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import type { Plugin } from 'graphql-yoga';

export const gatewaySecretHeader = 'x-gateway-secret';

/** Requests that carried the secret, as the router received them and as Yoga sees them. */
const fromGateway = new WeakSet<IncomingMessage>();
const trusted = new WeakSet<Request>();

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** An onRequest hook: recognises the gateway first thing, for the body limit, the rate limits and the query limits. */
export function recogniseGateway(secret: string | undefined) {
  return (request: FastifyRequest, _reply: unknown, done: () => void) => {
    const given = request.headers[gatewaySecretHeader];
    if (secret && typeof given === 'string' && sameSecret(given, secret)) fromGateway.add(request.raw);
    done();
  };
}

export const isGatewayRequest = (request: FastifyRequest): boolean => fromGateway.has(request.raw);

/** Marks Yoga's request for the query limits when the router recognised the gateway. */
export function useGatewayRecognition(): Plugin {
  return {
    onRequest({ request, serverContext }) {
      const received = (serverContext as { req?: IncomingMessage }).req;
      if (received && fromGateway.has(received)) trusted.add(request);
    },
  };
}

export const isFromGateway = (request: Request | undefined): boolean => !!request && trusted.has(request);
