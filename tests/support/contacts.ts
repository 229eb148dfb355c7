// Reading the Kyffhäuserkreis' integration guide and everything a refused contact change must
// leave as it was: shared by the tests of access and of contact mutations.
import type { EditingContext } from './editing.js';
import { mutationResult } from './editing.js';

export const contactFields = `id version validFrom validTo person { displayName } channels { kind value printed } officeHours { printed intervals { weekday opens closes } }`;
export const updateContact = `mutation ($input: UpdateContactInput!) { updateContact(input: $input) { ${mutationResult} ... on MutationUpdateContactSuccess { data { ${contactFields} } } } }`;

/** The current integration guide of the Kyffhäuserkreis, read fresh. */
export async function currentGuide(editing: EditingContext) {
  const { data } = await editing.as(
    null,
    `{ contacts(filter: { area: { district: "16065" }, role: "integration-guide" }) { edges { node { ${contactFields} } } } }`,
  );
  return data.contacts.edges[0]?.node;
}

/** Everything that a refused call must leave as it was. */
export async function contactTables(editing: EditingContext) {
  const client = editing.server.database.client;
  return Promise.all([
    client.contact.findMany({ orderBy: { id: 'asc' } }),
    client.contactChannel.findMany({ orderBy: { id: 'asc' } }),
    client.officeHours.count(),
    client.district.findMany({ orderBy: { id: 'asc' } }),
    client.auditEvent.count(),
  ]);
}
