// Headers every answer carries (helmet): no MIME sniffing, no referrer leaks, HSTS where
// the operator says the API is served over TLS; a Content Security Policy on the HTML pages only
// (GraphiQL: its script is inline and its editor workers come from blob: URLs; the dashboard;
// a stricter one for the editors' app),
// everything from our own server. CORS (@fastify/cors): anonymous reads need no cookies, so no
// credentials; with an allow-list, answers vary by Origin and an origin not on it (including
// "null": sandboxed frames, files) gets no CORS headers at all.
//
// Helmet's other headers stay off: Cross-Origin-Resource-Policy would stop district websites
// from loading the widget's files and the exports from another origin, and the rest concern
// pages this API does not serve. Helmet itself rather than @fastify/helmet: the plugin builds
// helmet's middleware anew on every request, in two promise hooks (measured: the kept GETs of
// answerBytes.ts at about half their rate); built once, setting the headers is a few setHeader
// calls.
import cors from '@fastify/cors';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { contentSecurityPolicy, type HelmetOptions } from 'helmet';

export interface SecurityHeaderOptions {
  /** Seconds for Strict-Transport-Security; 0 leaves it out (the API is not served over TLS here). */
  hstsMaxAgeSeconds: number;
  /** Browser origins allowed to call the API; ["*"] lets any website embed it. */
  corsOrigins: string[];
}

const htmlPolicy = contentSecurityPolicy({
  // Only these directives, not helmet's defaults besides them.
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'", 'blob:'],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    workerSrc: ["'self'", 'blob:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
});

/**
 * The editors' app: script and style only from its files (no inline script, so markup that got
 * into data cannot run), and Trusted Types required, so that no code of the page can write text
 * as HTML. It connects to our server, and to the identity provider's origin where editors sign in there.
 */
const appPolicy = (connectOrigins: string[]) =>
  contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'none'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'", ...connectOrigins],
      frameAncestors: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      requireTrustedTypesFor: ["'script'"],
    },
  });

function helmetOptions(hstsMaxAgeSeconds: number) {
  return {
    contentSecurityPolicy: false,
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: false,
    crossOriginResourcePolicy: false,
    originAgentCluster: false,
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: hstsMaxAgeSeconds > 0 ? { maxAge: hstsMaxAgeSeconds, includeSubDomains: true } : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: false,
    xDownloadOptions: false,
    xFrameOptions: false,
    xPermittedCrossDomainPolicies: false,
    xPoweredBy: false,
    xXssProtection: false,
  } satisfies HelmetOptions;
}

export async function useSecurityHeaders(app: FastifyInstance, { hstsMaxAgeSeconds, corsOrigins }: SecurityHeaderOptions) {
  await app.register(cors, {
    origin: corsOrigins.includes('*') ? true : corsOrigins,
    credentials: false,
    methods: ['GET', 'POST'],
    allowedHeaders: ['content-type', 'accept', 'authorization'],
    maxAge: 86_400,
    // A preflight without Origin is answered like any other (204, no CORS headers), not refused.
    strictPreflight: false,
  });
  const everyAnswer = helmet(helmetOptions(hstsMaxAgeSeconds));
  app.addHook('onRequest', (request, reply, done) =>
    everyAnswer(request.raw, reply.raw, () => {
      // What a token is answered (non-public fields, a token issued) is kept by no browser or proxy,
      // unless its route says the answer is public anyway (an export, the dashboard's page).
      if (request.headers.authorization) reply.raw.setHeader('cache-control', 'private, no-store');
      done();
    }),
  );
}

/** An HTML page's headers besides those every answer carries: its Content Security Policy. */
export function asHtmlPage(request: FastifyRequest, reply: FastifyReply) {
  htmlPolicy(request.raw, reply.raw, () => {});
}

/** The headers of an app page whose script and style are files of ours (the editors' app), which may also connect to these origins. */
export function appPageHeaders(connectOrigins: string[] = []) {
  const policy = appPolicy(connectOrigins);
  return (request: FastifyRequest, reply: FastifyReply) => policy(request.raw, reply.raw, () => {});
}
