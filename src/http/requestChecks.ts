// Hostile or malformed requests are the client's mistakes and get a 4xx with a short message,
// never a 500 or a masked internal error: query-string variables that are not JSON, text the
// databases cannot store (a null character, half a surrogate pair).

import type { FastifyRequest } from 'fastify';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getOperationAST,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  type StringValueNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { namesUnstorableKey } from '../common/globalId.js';
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

/** Where a value of the given input type holds a global ID whose key no database stores. */
function firstUnstorableId(value: unknown, type: GraphQLInputType, path: string): string | null {
  if (value === null || value === undefined) return null;
  if (isNonNullType(type)) return firstUnstorableId(value, type.ofType, path);
  if (isListType(type)) {
    const items = Array.isArray(value) ? value : [value];
    return items.reduce<string | null>((found, item, index) => found ?? firstUnstorableId(item, type.ofType, `${path}[${index}]`), null);
  }
  if (isInputObjectType(type) && typeof value === 'object') {
    for (const [name, field] of Object.entries(type.getFields())) {
      const found = firstUnstorableId((value as Record<string, unknown>)[name], field.type, `${path}.${name}`);
      if (found) return found;
    }
    return null;
  }
  return type.name === 'ID' && typeof value === 'string' && namesUnstorableKey(value) ? `${path} (the global ID's key)` : null;
}

function firstUnstorableVariable(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): string | null {
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const where = firstUnstorable(variables[name], `$variables.${name}`);
    if (where) return where;
    const type = typeFromAST(schema, definition.type);
    const id = type && isInputType(type) ? firstUnstorableId(variables[name], type, `$variables.${name}`) : null;
    if (id) return id;
  }
  return null;
}

// Yoga parses each query text once and hands every request with it the same document.
const unstorableInDocument = new WeakMap<DocumentNode, string | null>();

function firstUnstorableLiteral(schema: GraphQLSchema, document: DocumentNode): string | null {
  if (unstorableInDocument.has(document)) return unstorableInDocument.get(document)!;
  let where: string | null = null;
  const types = new TypeInfo(schema);
  const line = (node: StringValueNode) => node.loc?.startToken.line ?? '?';
  visit(
    document,
    visitWithTypeInfo(types, {
      StringValue(node) {
        if (where) return;
        const type = types.getInputType();
        if (unstorable(node.value)) where = `a string at line ${line(node)}`;
        else if (type && getNamedType(type).name === 'ID' && namesUnstorableKey(node.value))
          where = `a global ID at line ${line(node)} (its key)`;
      },
    }),
  );
  unstorableInDocument.set(document, where);
  return where;
}

/**
 * Text in variables or in the document that no database could store — also as the key of a
 * global ID — is refused before execution, as a bad request (400).
 */
export function useTextCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const operation = getOperationAST(args.document, args.operationName);
      const where =
        (operation && firstUnstorableVariable(args.schema, operation, (args.variableValues ?? {}) as Record<string, unknown>)) ??
        firstUnstorableLiteral(args.schema, args.document);
      if (!where) return;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(`${where} contains a null character or half a surrogate pair, which text in this graph cannot hold.`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          }),
        ],
      });
    },
  };
}
