// The editors' app at /editor: one page, its script (bundled from client/ with Preact by
// scripts/build-pages.mjs when the packages are installed), its stylesheet and KERN UX — all
// from this server, nothing from a CDN, and nothing inline, so that its Content Security Policy
// allows no script but its own file. Public and cacheable: the page holds no data; what an editor
// sees is asked for with their token. Where the state's identity provider is configured, the page
// names it and the app's client there in <meta> elements, and the app signs in there itself
// (client/signIn.ts); the page's policy lets it reach that provider and nothing else.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { EditorSignIn } from '../config.js';
import { HttpProblem } from '../http/problem.js';
import { appPageHeaders } from '../http/securityHeaders.js';
import { buildDir, kernDir, rootDir } from '../paths.js';

const editorBundle = join(buildDir, 'editor.js');
/** The district widget as district websites copy it, for the app's preview: the same files, not a second copy of them. */
const widgetDir = join(rootDir, 'examples', 'district-widget');
const stylesheetDir = join(rootDir, 'src', 'editor');

const escapeAttribute = (value: string) =>
  value.replace(/[&"<>]/g, (character) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[character]!);

const signInMeta = (signIn?: EditorSignIn) =>
  signIn
    ? Object.entries({ 'oidc-issuer': signIn.issuer, 'oidc-client-id': signIn.clientId, 'oidc-scope': signIn.scope })
        .map(([name, value]) => `<meta name="${name}" content="${escapeAttribute(value)}">\n`)
        .join('')
    : '';

const pageWith = (signIn?: EditorSignIn) => `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Integrationsgraph – Redaktion</title>
<link rel="icon" href="data:,">
${signInMeta(signIn)}<link rel="stylesheet" href="/editor/kern/fonts/fira-sans.css">
<link rel="stylesheet" href="/editor/kern/kern.min.css">
<link rel="stylesheet" href="/editor/editor.css">
</head>
<body>
<div id="app"><main><p class="kern-body">Die Redaktion braucht JavaScript. / The editors' app needs JavaScript.</p></main></div>
<script type="module" src="/editor/editor.js"></script>
</body>
</html>
`;

export function editorRoutes(signIn?: EditorSignIn) {
  const page = pageWith(signIn);
  const asAppPage = appPageHeaders(signIn ? [new URL(signIn.issuer).origin] : []);
  return async (app: FastifyInstance) => {
    await app.register(fastifyStatic, { root: [buildDir, stylesheetDir], serve: false, maxAge: 300_000 });
    await app.register(fastifyStatic, { root: kernDir, prefix: '/editor/kern/', decorateReply: false, maxAge: 86_400_000 });
    await app.register(fastifyStatic, {
      root: widgetDir,
      prefix: '/editor/widget/',
      decorateReply: false,
      maxAge: 300_000,
      allowedPath: (path) => ['/widget.js', '/widget.css', '/kern.css'].includes(path),
    });
    const sendPage = async (request: FastifyRequest, reply: FastifyReply) => {
      asAppPage(request, reply);
      return reply.type('text/html; charset=utf-8').header('cache-control', 'public, max-age=300').send(page);
    };
    app.get('/editor', sendPage);
    app.get('/editor/', sendPage);
    app.get('/editor/editor.js', async (_request, reply) => {
      if (!existsSync(editorBundle))
        throw new HttpProblem(404, 'NOT_FOUND', 'The editors’ app is not built: run npm install (or npm run build:pages).');
      return reply.sendFile('editor.js', buildDir);
    });
    app.get('/editor/editor.css', (_request, reply) => reply.sendFile('editor.css', stylesheetDir));
  };
}
