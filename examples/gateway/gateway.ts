// A state's federation gateway in front of Integrationsgraph and the statistics subgraph:
// Hive Gateway, composing the supergraph from the subgraphs' own SDL at start. It judges each
// client query once, with the same limits our API applies to direct clients (graphql-armor),
// and tells our subgraph it is the trusted gateway (X-Gateway-Secret), so that its query plans
// are judged by plan-sized limits there. Client credentials are passed on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { createGatewayRuntime } from '@graphql-hive/gateway-runtime';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

export interface Subgraph {
  name: string;
  url: string;
}

export interface GatewayOptions {
  /** Integrationsgraph (named "integrationsgraph") and the other subgraphs. */
  subgraphs: Subgraph[];
  /** Sent to Integrationsgraph only, as its GATEWAY_SECRET. */
  secret: string;
  port?: number;
  host?: string;
  /**
   * Identical requests in flight at once — from clients, and from the gateway to a subgraph —
   * are answered once (the runtime's default: on).
   */
  deduplicate?: boolean;
}

async function sdlOf({ url }: Subgraph): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  const { data } = (await response.json()) as { data?: { _service: { sdl: string } } };
  if (!data) throw new Error(`${url} did not answer with its subgraph SDL`);
  return data._service.sdl;
}

export async function composeSupergraph(subgraphs: Subgraph[]): Promise<string> {
  const services = await Promise.all(
    subgraphs.map(async (each) => ({ name: each.name, url: each.url, typeDefs: parse(await sdlOf(each)) })),
  );
  const composed = composeServices(services);
  if (composed.errors?.length || !composed.supergraphSdl) {
    throw new Error(`The subgraphs do not compose: ${composed.errors?.map((error) => error.message).join('; ')}`);
  }
  return composed.supergraphSdl;
}

export async function startGateway({ subgraphs, secret, port = 0, host = '127.0.0.1', deduplicate = true }: GatewayOptions) {
  const gateway = createGatewayRuntime({
    inboundInflightRequestDeduplication: deduplicate,
    transportEntries: { '*.http': { options: { deduplicateInflightRequests: deduplicate } } },
    supergraph: await composeSupergraph(subgraphs),
    logging: (process.env.GATEWAY_LOG as 'debug' | undefined) ?? false,
    graphqlEndpoint: '/graphql',
    propagateHeaders: {
      fromClientToSubgraphs: ({ request, subgraphName }) => ({
        authorization: request.headers.get('authorization'),
        ...(subgraphName === 'integrationsgraph' ? { 'x-gateway-secret': secret } : {}),
      }),
    },
    // The client-level limits, judged here once for the whole supergraph.
    plugins: () => [
      EnvelopArmorPlugin({
        maxDepth: { n: 14 },
        maxAliases: { n: 20 },
        maxTokens: { n: 4_000 },
        costLimit: { maxCost: 100_000 },
        blockFieldSuggestion: { enabled: false },
      }),
    ],
  });
  const server: Server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host}:${(server.address() as AddressInfo).port}/graphql`,
    close: async () => {
      await new Promise((resolve) => server.close(resolve));
      await gateway.dispose();
    },
  };
}
