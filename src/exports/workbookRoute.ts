// GET /export/districts/<AGS>/package.xlsx: a district's workbook (packages/workbook/write.ts), for the district's
// editors, its state's ministry and administrators (an API token, as for GraphQL). Not one of the
// public export formats (formats.ts): it is not for everyone, and never kept by a cache.
import type { FastifyInstance } from 'fastify';
import { type Authenticator, scopesOf } from '../auth/viewer.js';
import { db } from '../db/client.js';
import { HttpProblem, methodNotAllowed } from '../http/problem.js';
import { viewerOfRequest } from '../http/requestBounds.js';
import { districtWorkbook } from '../packages/workbook/write.js';

const workbookPath = '/export/districts/:ags/package.xlsx';
const workbookMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function workbookRoutes(authenticate: Authenticator) {
  return async (app: FastifyInstance) => {
    app.get(workbookPath, async (request, reply) => {
      const { ags } = request.params as { ags: string };
      const viewer = await viewerOfRequest(request, authenticate);
      if (!viewer)
        throw new HttpProblem(
          401,
          'UNAUTHENTICATED',
          'A district’s workbook is for its editors, its state’s ministry and administrators: send an API token (Authorization: Bearer …).',
        );
      if (!/^\d{5}$/.test(ags) || !scopesOf(viewer).readerOf(ags))
        throw new HttpProblem(403, 'FORBIDDEN', `This token does not allow the workbook of district "${ags.slice(0, 12)}".`);
      reply
        .type(workbookMediaType)
        .header('content-disposition', `attachment; filename="${ags}-integrationsgraph.xlsx"`)
        .header('cache-control', 'private, no-store');
      // HEAD asks whether there is one: the workbook is not built for it.
      if (request.method === 'HEAD') {
        if (!(await db().district.count({ where: { id: ags } }))) throw new HttpProblem(404, 'NOT_FOUND', `No district with AGS "${ags}".`);
        return reply.send();
      }
      const workbook = await districtWorkbook(db(), ags, new Date());
      if (!workbook) throw new HttpProblem(404, 'NOT_FOUND', `No district with AGS "${ags}".`);
      return reply.send(workbook);
    });
    app.route({ method: ['POST', 'PUT', 'PATCH', 'DELETE'], url: workbookPath, handler: methodNotAllowed('GET, HEAD') });
  };
}
