// GraphQL at /graphql: graphql-yoga as one route of the router (GET and POST; CORS preflights
// are the router's), GraphiQL for browsers. Before Yoga, the route's hooks: the kept answers of
// repeated GETs (answerBytes.ts; first, so that they cost no more than sending them, and, as
// before the router, uncounted by the rate limits), the body limit, the rate limits, the
// query-string check.
// Yoga reads the body itself, so that its parsing errors and its request checks stay GraphQL's
// own answers.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { GraphQLError, NoSchemaIntrospectionCustomRule } from 'graphql';
import { createYoga, type MaskError, maskError, type Plugin } from 'graphql-yoga';
import type { Authenticator } from '../auth/viewer.js';
import type { ChangeNotifier } from '../db/notifier.js';
import { isDatabaseUnavailable } from '../db/unavailable.js';
import { contextFactory } from '../graphql/context.js';
import { logger } from '../logger.js';
import { schema } from '../schema.js';
import type { AnswerHook } from './answerBytes.js';
import { useCursorCheck } from './cursorArguments.js';
import { useGatewayRecognition } from './gateway.js';
import { graphiqlOptions, renderGraphiQL } from './graphiql.js';
import { copyHeaders } from './headers.js';
import { usePersistedDocuments } from './persistedOperations.js';
import { databaseUnavailable, methodNotAllowed } from './problem.js';
import { queryLimitPlugins } from './queryLimits.js';
import { type BodyLimits, bodyLimit } from './requestBounds.js';
import { queryStringCheck, useTextCheck } from './requestChecks.js';
import { asHtmlPage } from './securityHeaders.js';

export interface GraphQLOptions {
  authenticate: Authenticator;
  changeNotifier: ChangeNotifier;
  /** The API's address as clients see it (links to exports); default: the request's. */
  publicUrl?: string;
  introspection: boolean;
  fieldSuggestions: boolean;
  graphiql: boolean;
  exposeErrorDetails: boolean;
  /** Yoga plugins of the rate limits, admission and the response cache, in that order. */
  plugins: Plugin[];
}

/** What Yoga's handler gets besides its request: the router's request and reply. */
export interface ServerContext {
  req: FastifyRequest['raw'];
  reply: FastifyReply;
}

/**
 * A silent, restarting or unreachable database: retryable. A change that met it may have been
 * made or not: an update sent again with the version read before is made once or answers
 * VersionConflictError; a create has no version, so a client looks for it before sending it again.
 */
const databaseUnavailableError = () => {
  const { message, code, status, headers } = databaseUnavailable();
  return new GraphQLError(message, { extensions: { code, http: { status, headers } } });
};

/** A database that does not answer is a 503 the client may retry; anything else unexpected is masked. */
const maskUnexpectedError: MaskError = (error, message, isDev) =>
  isDatabaseUnavailable(error) ? databaseUnavailableError() : maskError(error, message, isDev);

/** Refuses __schema and __type: for deployments that publish the schema file instead. */
function useNoIntrospection(): Plugin {
  return {
    onValidate({ addValidationRule }) {
      addValidationRule(NoSchemaIntrospectionCustomRule);
    },
  };
}

export function createGraphQLYoga(options: GraphQLOptions) {
  return createYoga<ServerContext>({
    schema,
    context: contextFactory(options.authenticate, options.changeNotifier, options.publicUrl),
    graphqlEndpoint: '/graphql',
    landingPage: false,
    // The router answers CORS (securityHeaders.ts) for every route alike.
    cors: false,
    // Bodies are bounded by the route's body limit from their Content-Length, which every POST
    // must send and Node's parser holds the body to. Yoga's own limit streamed every body
    // through a transform with an abort signal (8 % of the CPU of a cached POST), and at 25 MB it
    // cut our 32 MB limit for district packages short.
    maxRequestBodySize: false,
    graphiql: options.graphiql && graphiqlOptions(),
    renderGraphiQL,
    logging: logger,
    // Unexpected errors reach the client as "Unexpected error." (Yoga logs them in full). Yoga
    // would add the message and stack whenever NODE_ENV is "development"; only an explicit
    // setting does that here.
    maskedErrors: { isDev: options.exposeErrorDetails, maskError: maskUnexpectedError },
    plugins: [
      useGatewayRecognition(),
      usePersistedDocuments(),
      useCursorCheck(),
      useTextCheck(),
      ...queryLimitPlugins({ fieldSuggestions: options.fieldSuggestions }),
      ...(options.introspection ? [] : [useNoIntrospection()]),
      ...options.plugins,
    ],
  });
}

type Yoga = ReturnType<typeof createGraphQLYoga>;

async function handle(yoga: Yoga, request: FastifyRequest, reply: FastifyReply) {
  const response = await yoga.handleNodeRequestAndResponse(request.raw, reply.raw, { req: request.raw, reply });
  // Answered meanwhile (the request timeout): Yoga's late answer goes nowhere.
  if (reply.sent) return reply;
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/html')) asHtmlPage(request, reply);
  copyHeaders(reply, response.headers);
  reply.code(response.status);
  if (!response.body) return reply.send();
  // An event stream (subscriptions) goes out as it is written; anything else whole.
  return reply.send(type.includes('text/event-stream') ? response.body : await response.text());
}

export interface GraphQLRouteOptions {
  yoga: Yoga;
  bodyLimits: BodyLimits;
  authenticate: Authenticator;
  /** Answers a kept GET before anything else (answerBytes.ts). */
  keptAnswer: AnswerHook;
}

export function graphqlRoute({ yoga, bodyLimits, authenticate, keptAnswer }: GraphQLRouteOptions) {
  return async (app: FastifyInstance) => {
    // The body stays unread for Yoga (this route's context only).
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', (_request, _payload, done) => done(null));
    app.route({
      method: ['GET', 'POST'],
      url: yoga.graphqlEndpoint,
      onRequest: keptAnswer,
      preParsing: bodyLimit(bodyLimits, authenticate),
      preValidation: queryStringCheck,
      handler: (request, reply) => handle(yoga, request, reply),
    });
    app.route({ method: ['PUT', 'PATCH', 'DELETE'], url: yoga.graphqlEndpoint, handler: methodNotAllowed('GET, POST') });
  };
}
