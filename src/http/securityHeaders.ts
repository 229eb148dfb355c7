// Headers every answer carries: no MIME sniffing, no referrer leaks, a Content Security Policy
// for the HTML pages (GraphiQL: its script is inline and its editor workers come from blob:
// URLs, all from our own server), HSTS where the operator says the API is served over TLS,
// and Vary: Origin wherever the answer depends on the caller's origin (an allow-list).
import type { Plugin } from 'graphql-yoga';

const htmlPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export interface SecurityHeaderOptions {
  /** Seconds for Strict-Transport-Security; 0 leaves it out (the API is not served over TLS here). */
  hstsMaxAgeSeconds: number;
  /** Whether answers depend on the Origin header (a CORS allow-list rather than "*"). */
  originDependent: boolean;
}

export function useSecurityHeaders({ hstsMaxAgeSeconds, originDependent }: SecurityHeaderOptions): Plugin {
  return {
    onResponse({ response }) {
      const headers = response.headers;
      headers.set('x-content-type-options', 'nosniff');
      headers.set('referrer-policy', 'no-referrer');
      if (headers.get('content-type')?.startsWith('text/html')) headers.set('content-security-policy', htmlPolicy);
      if (hstsMaxAgeSeconds > 0) headers.set('strict-transport-security', `max-age=${hstsMaxAgeSeconds}; includeSubDomains`);
      if (originDependent && !(headers.get('vary') ?? '').toLowerCase().includes('origin')) {
        headers.set('vary', [headers.get('vary'), 'Origin'].filter(Boolean).join(', '));
      }
    },
  };
}
