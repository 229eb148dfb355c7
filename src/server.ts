// The HTTP server: GraphQL at /graphql (GraphiQL included), health at /health.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createYoga } from 'graphql-yoga';
import { createContext } from './context.js';
import { logger } from './logger.js';
import { schema } from './schema.js';

/** Limits that keep one request from exhausting the server; exposed in the error messages. */
export const queryLimits = {
  maxDepth: 14,
  // Armor weighs each level 1.5× the one above; a full contact card with office hours and
  // fundings costs about 32 000, ten of them aliased in one request over 300 000.
  maxCost: 100_000,
  maxAliases: 20,
  maxTokens: 4_000,
} as const;

const exampleQuery = /* GraphQL */ `# Integration contacts of the Kyffhäuserkreis, with office hours
query ContactCard {
  district(ags: "16065") {
    name
    contacts {
      edges {
        node {
          person { displayName }
          position { title }
          channels { kind printed href }
          officeHours { printed intervals { weekday opens closes } }
        }
      }
    }
  }
}
`;

export interface ServerOptions {
  port: number;
  host?: string;
  /** Browser origins allowed to call the API; ["*"] lets any website embed it. */
  corsOrigins?: string[];
}

export function createGraphQLHandler({ corsOrigins = ['*'] }: Pick<ServerOptions, 'corsOrigins'> = {}) {
  return createYoga({
    schema,
    context: createContext,
    graphqlEndpoint: '/graphql',
    healthCheckEndpoint: '/health',
    landingPage: false,
    graphiql: { title: 'Integrationsgraph', defaultQuery: exampleQuery },
    logging: logger,
    // Unexpected errors reach the client as "Unexpected error." (Yoga logs them in full).
    maskedErrors: true,
    // Anonymous reads need no cookies: no credentials, so "*" is safe for public data.
    cors: {
      origin: corsOrigins.includes('*') ? '*' : corsOrigins,
      credentials: false,
      methods: ['GET', 'POST'],
      allowedHeaders: ['content-type', 'accept', 'authorization'],
      maxAge: 86_400,
    },
    plugins: [
      EnvelopArmorPlugin({
        maxDepth: { n: queryLimits.maxDepth, exposeLimits: true },
        costLimit: { maxCost: queryLimits.maxCost, exposeLimits: true },
        maxAliases: { n: queryLimits.maxAliases, exposeLimits: true },
        maxTokens: { n: queryLimits.maxTokens, exposeLimits: true },
        // The schema is public and documented; suggestions help developers more than they reveal.
        blockFieldSuggestion: { enabled: false },
      }),
    ],
  });
}

export interface RunningServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function startServer({ port, host = '0.0.0.0', corsOrigins }: ServerOptions): Promise<RunningServer> {
  const server = createServer(createGraphQLHandler({ corsOrigins }));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const { port: boundPort } = server.address() as AddressInfo;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    server,
    url: `http://${shownHost}:${boundPort}/graphql`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
