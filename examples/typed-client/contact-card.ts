// Prints a district's integration contacts: npx tsx examples/typed-client/contact-card.ts 16065
// (API_URL defaults to the local server).
import { ContactCardDocument } from '../../schema/generated/graphql.js';
import { request } from './request.js';

const url = process.env.API_URL ?? 'http://localhost:4000/graphql';
const ags = process.argv[2] ?? '16065';

const { district } = await request(url, ContactCardDocument, { ags });
console.log(`${district.name} (${district.ags})`);
for (const { node: contact } of district.contacts.edges) {
  console.log(`\n${contact.person?.displayName ?? contact.position.title} — ${contact.position.role.germanName}`);
  for (const channel of contact.channels)
    console.log(`  ${channel.kind.padEnd(8)} ${channel.printed}${channel.href ? `  <${channel.href}>` : ''}`);
  for (const hours of contact.officeHours) console.log(`  Sprechzeiten: ${hours.printed}`);
}
