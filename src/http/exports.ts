// Files other software reads, at stable addresses the GraphQL objects link to:
//   /export/contacts/<contact id>.vcf[?version=3.0]   the contact's vCard
//   /export/office-hours/<office hours id>.ics         the office hours as a calendar
//   /export/districts/<AGS>.jsonld                     the district's contacts and offers, schema.org
// Answers carry an ETag (a hash of the body) and may be kept for five minutes.
import { createHash } from 'node:crypto';
import type { Plugin } from 'graphql-yoga';
import { decodeGlobalId } from '../common/globalId.js';
import { contactVCard, loadContactForExport, officeHoursCalendar } from '../contacts/exports.js';
import { db } from '../db/client.js';
import { districtJsonLd } from '../districts/jsonLd.js';

type Answer = { status: number; body: string; type: string; filename?: string };

const problem = (status: number, message: string): Answer => ({
  status,
  body: JSON.stringify({
    errors: [{ message, extensions: { code: status === 404 ? 'NOT_FOUND' : status === 410 ? 'GONE' : 'BAD_REQUEST' } }],
  }),
  type: 'application/json; charset=utf-8',
});

async function vcardAnswer(segment: string, version: string | null): Promise<Answer> {
  if (version !== null && version !== '3.0' && version !== '4.0') return problem(400, '"version" must be 4.0 (the default) or 3.0.');
  let key: string;
  try {
    const decoded = decodeGlobalId(segment);
    if (decoded.typename !== 'Contact') return problem(404, 'No contact with this ID.');
    key = decoded.id;
  } catch {
    return problem(404, 'No contact with this ID.');
  }
  const contact = await loadContactForExport(key);
  if (!contact) return problem(404, 'No contact with this ID.');
  if (contact.archivedAt) return problem(410, 'This contact was withdrawn.');
  return { status: 200, body: contactVCard(contact, version ?? '4.0'), type: 'text/vcard; charset=utf-8', filename: 'kontakt.vcf' };
}

async function calendarAnswer(officeHoursId: string): Promise<Answer> {
  const hours = await db().officeHours.findUnique({ where: { id: officeHoursId }, select: { contactId: true } });
  const contact = hours && (await loadContactForExport(hours.contactId));
  if (!contact) return problem(404, 'No office hours with this ID.');
  if (contact.archivedAt) return problem(410, 'The contact of these office hours was withdrawn.');
  const calendar = officeHoursCalendar(contact, officeHoursId, new Date());
  if (!calendar)
    return problem(404, 'These office hours have no weekly times (by appointment only): there is nothing to put in a calendar.');
  return { status: 200, body: calendar, type: 'text/calendar; charset=utf-8', filename: 'sprechzeiten.ics' };
}

async function jsonLdAnswer(ags: string, origin: string): Promise<Answer> {
  const document = /^\d{5}$/.test(ags) ? await districtJsonLd(ags, origin, new Date()) : null;
  if (!document) return problem(404, `No district with AGS "${ags.slice(0, 12)}".`);
  return { status: 200, body: JSON.stringify(document, null, 2), type: 'application/ld+json; charset=utf-8', filename: `${ags}.jsonld` };
}

function answerFor(path: string, search: URLSearchParams, origin: string): Promise<Answer> | null {
  const district = /^\/export\/districts\/([^/]+)\.jsonld$/.exec(path);
  if (district) return jsonLdAnswer(decodeURIComponent(district[1]!), origin);
  const vcard = /^\/export\/contacts\/([^/]+)\.vcf$/.exec(path);
  if (vcard) return vcardAnswer(decodeURIComponent(vcard[1]!), search.get('version'));
  const calendar = /^\/export\/office-hours\/([^/]+)\.ics$/.exec(path);
  if (calendar) return calendarAnswer(decodeURIComponent(calendar[1]!));
  return null;
}

/** `publicUrl`: the API's address as clients see it, for the links inside the documents. */
export function useExports(publicUrl?: string): Plugin {
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      if (!url.pathname.startsWith('/export/')) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        endResponse(new fetchAPI.Response(null, { status: 405, headers: { allow: 'GET, HEAD' } }));
        return;
      }
      const pending = answerFor(url.pathname, url.searchParams, publicUrl ?? url.origin);
      const answer = pending ? await pending : problem(404, 'No export at this address.');
      if (answer.status !== 200) {
        endResponse(new fetchAPI.Response(answer.body, { status: answer.status, headers: { 'content-type': answer.type } }));
        return;
      }
      const etag = `"${createHash('sha256').update(answer.body).digest('base64url').slice(0, 32)}"`;
      const headers = {
        etag,
        'cache-control': 'public, max-age=300',
        'content-type': answer.type,
        'content-disposition': `inline; filename="${answer.filename}"`,
      };
      const fresh = request.headers.get('if-none-match') === etag;
      endResponse(new fetchAPI.Response(fresh || request.method === 'HEAD' ? null : answer.body, { status: fresh ? 304 : 200, headers }));
    },
  };
}
