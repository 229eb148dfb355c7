// Behind a state's federation gateway, a client's query is judged once, where it enters: at the
// gateway. Requests from the gateway — recognised by a shared secret it sends in a header,
// never by address — are its query plans: many generated aliases (`_v0__entities: …`),
// batches of entity representations, all users behind one address. They get limits sized for
// plans instead of for clients, and no per-address rate limit (per-token limits still apply).
import { timingSafeEqual } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';

export const gatewaySecretHeader = 'x-gateway-secret';

const trusted = new WeakSet<Request>();

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Marks the request as the gateway's when it carries the secret; the answer is remembered per request. */
export function recogniseGateway(request: Request, secret: string | undefined): boolean {
  if (trusted.has(request)) return true;
  const given = request.headers.get(gatewaySecretHeader);
  if (!secret || !given || !sameSecret(given, secret)) return false;
  trusted.add(request);
  return true;
}

export const isFromGateway = (request: Request | undefined): boolean => !!request && trusted.has(request);

/** Recognises the gateway first thing, for the body limit, the rate limits and the query limits. */
export function useGatewayRecognition(secret: string | undefined): Plugin {
  return {
    onRequest({ request }) {
      recogniseGateway(request, secret);
    },
  };
}
