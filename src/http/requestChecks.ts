// Hostile or malformed requests are the client's mistakes and get a 4xx with a short message,
// never a 500 or a masked internal error: query-string variables that are not JSON, text the
// databases cannot store (a null character, half a surrogate pair).

import type { FastifyRequest } from 'fastify';
import { type DocumentNode, GraphQLError, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { unstorable } from '../common/text.js';
import { HttpProblem } from './problem.js';

/** GET /graphql?variables=… and ?extensions=… must be JSON objects (a hook of the GraphQL route). */
export async function queryStringCheck(request: FastifyRequest) {
  if (request.method !== 'GET') return;
  const query = request.query as Record<string, string | string[] | undefined>;
  for (const name of ['variables', 'extensions']) {
    const value = query[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (parsed === null || (typeof parsed === 'object' && !Array.isArray(parsed))) continue;
    throw new HttpProblem(400, 'BAD_REQUEST', `The "${name}" parameter must be a JSON object.`);
  }
}

function firstUnstorable(value: unknown, path: string): string | null {
  if (typeof value === 'string') return unstorable(value) ? path : null;
  if (Array.isArray(value))
    return value.reduce<string | null>((found, item, index) => found ?? firstUnstorable(item, `${path}[${index}]`), null);
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = firstUnstorable(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

// Yoga parses each query text once and hands every request with it the same document.
const unstorableInDocument = new WeakMap<DocumentNode, string | null>();

function firstUnstorableLiteral(document: DocumentNode): string | null {
  if (unstorableInDocument.has(document)) return unstorableInDocument.get(document)!;
  let where: string | null = null;
  visit(document, {
    StringValue(node) {
      if (!where && unstorable(node.value)) where = `a string at line ${node.loc?.startToken.line ?? '?'}`;
    },
  });
  unstorableInDocument.set(document, where);
  return where;
}

/** Text in variables or in the document that no database could store is refused before execution. */
export function useTextCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const where = firstUnstorable(args.variableValues ?? {}, '$variables') ?? firstUnstorableLiteral(args.document);
      if (!where) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`${where} contains a null character or half a surrogate pair, which text in this graph cannot hold.`, {
            extensions: { code: 'BAD_USER_INPUT' },
          }),
        ],
      });
    },
  };
}
