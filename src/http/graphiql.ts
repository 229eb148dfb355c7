// GraphiQL in the browser at /graphql, served from our own npm package (no CDN: an office
// network, or a machine without internet, must still get a working page). It opens with the
// README's contact card, ready to run, and the committed operations of schema/operations as
// further tabs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GraphiQLOptions } from 'graphql-yoga';
import { rootDir } from '../paths.js';

/** Example variables for each committed operation, so that every tab runs as it opens. */
const exampleVariables: Record<string, Record<string, unknown>> = {
  ContactCard: { ags: '16065' },
  Offers: { filter: { category: 'LANGUAGE_COURSE' }, first: 10 },
  CompareDistricts: { state: 'TH', first: 20 },
  CompareState: { state: 'TH' },
};

/** The first tab runs as it is: the README's contact card, its district written in. */
const contactCard = /* GraphQL */ `# Integration contacts of the Kyffhäuserkreis, with office hours (press ▶)
query KyffhaeuserContacts {
  district(ags: "16065") {
    name
    contacts {
      edges {
        node {
          person { displayName }
          position { title role { germanName } }
          channels { kind printed href }
          officeHours { printed byAppointment isOpen intervals { weekday opens closes } }
        }
      }
    }
  }
}
`;

/**
 * Renders the page with @graphql-yoga/render-graphiql, loaded on the first request for it: its
 * bundle is held as a 17 MB string, 30 MB of every instance's memory that answers only API calls.
 */
export async function renderGraphiQL(options: GraphiQLOptions): Promise<string> {
  const { renderGraphiQL: render } = await import('@graphql-yoga/render-graphiql');
  return render(options);
}

export function graphiqlOptions(): GraphiQLOptions {
  const operations = Object.entries(exampleVariables).map(([name, variables]) => ({
    query: `# Example variables: ${JSON.stringify(variables)}\n${readFileSync(join(rootDir, 'schema', 'operations', `${name}.graphql`), 'utf8')}`,
    variables: JSON.stringify(variables, null, 2),
  }));
  return { title: 'Integrationsgraph', defaultTabs: [{ query: contactCard }, ...operations] };
}
