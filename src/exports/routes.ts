// A route for every export format (formats.ts), answered as answers.ts says: GET and HEAD,
// 405 for other methods. Small files go out whole with an ETag (a hash of the body: stable
// for unchanged data, so a revalidation costs a 304) and inline; spreadsheets are streamed as
// attachments. Either may be kept for five minutes.
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { unstorable } from '../common/text.js';
import { HttpProblem, methodNotAllowed } from '../http/problem.js';
import { exportAnswers } from './answers.js';
import { type ExportFormatName, exportFormats } from './formats.js';

const etagOf = (text: string) => `"${createHash('sha256').update(text).digest('base64url').slice(0, 32)}"`;

async function answer(name: ExportFormatName, request: FastifyRequest, reply: FastifyReply, publicUrl: string | undefined) {
  const parameters = request.params as Record<string, string>;
  // A key no database stores (`%00` in the address) names no record; it never reaches a query.
  if (Object.values(parameters).some(unstorable)) throw new HttpProblem(404, 'NOT_FOUND', 'No export at this address.');
  // As GraphQL's links do (context.ts): the address the request was sent to.
  const origin = publicUrl ?? `http://${request.headers.host}`;
  const file = await exportAnswers[name]({
    parameters,
    query: new URLSearchParams(request.url.split('?')[1]),
    origin,
    address: `${origin}${request.url}`,
    head: request.method === 'HEAD',
  });
  reply.type(exportFormats[name].mediaType).header('cache-control', 'public, max-age=300');
  if ('stream' in file) {
    reply.header('content-disposition', `attachment; filename="${file.filename}"`);
    return reply.send(file.stream?.());
  }
  const etag = etagOf(file.text);
  reply.header('etag', etag).header('content-disposition', `inline; filename="${file.filename}"`);
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  return reply.send(file.text);
}

/** `publicUrl`: the API's address as clients see it, for the links inside the files. */
export function exportRoutes(publicUrl?: string) {
  return async (app: FastifyInstance) => {
    for (const name of Object.keys(exportFormats) as ExportFormatName[]) {
      const url = exportFormats[name].path;
      app.get(url, (request, reply) => answer(name, request, reply, publicUrl));
      app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url, handler: methodNotAllowed('GET, HEAD') });
    }
  };
}
