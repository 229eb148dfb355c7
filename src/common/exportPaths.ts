// Where the server serves the exports (src/http/exports.ts), for the links in GraphQL objects
// and in the documents themselves.
export const exportPaths = {
  vcard: (contactGlobalId: string) => `/export/contacts/${encodeURIComponent(contactGlobalId)}.vcf`,
  calendar: (officeHoursId: string) => `/export/office-hours/${encodeURIComponent(officeHoursId)}.ics`,
  jsonLd: (ags: string) => `/export/districts/${ags}.jsonld`,
};
