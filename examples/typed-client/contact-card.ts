// Prints a district's integration contacts: npx tsx examples/typed-client/contact-card.ts 16065
// The API is http://localhost:4000/graphql unless API_URL names another, e.g.
// API_URL=http://localhost:4123/graphql npx tsx examples/typed-client/contact-card.ts 16063
import { ContactCardDocument } from '../../schema/generated/graphql.js';
import { GraphQLRequestError, request } from './request.js';

const url = process.env.API_URL ?? 'http://localhost:4000/graphql';
const ags = process.argv[2] ?? '16065';

try {
  const { district } = await request(url, ContactCardDocument, { ags });
  console.log(`${district.name} (${district.ags})`);
  for (const { node: contact } of district.contacts.edges) {
    console.log(`\n${contact.person?.displayName ?? contact.position.title} — ${contact.position.role.germanName}`);
    for (const channel of contact.channels)
      console.log(`  ${channel.kind.padEnd(8)} ${channel.printed}${channel.href ? `  <${channel.href}>` : ''}`);
    for (const hours of contact.officeHours) console.log(`  Sprechzeiten: ${hours.printed}`);
  }
} catch (error) {
  if (error instanceof GraphQLRequestError) console.error(`The API refused the request: ${error.message}`);
  else
    console.error(
      `Cannot reach the API at ${url} (${(error as Error).message}). Start it with npm start, or set API_URL to where it runs.`,
    );
  process.exitCode = 1;
}
