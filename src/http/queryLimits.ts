// Limits that keep one request from exhausting the server. Each refusal is an HTTP 400 with
// its own `extensions.code` and the limit in the message, decided before anything runs:
// - nesting of brackets in the query text and of the variables (both would overflow the stack
//   of the parser or of the cache-key builder long before any other limit looks at them), and
//   tokens, counted before parsing;
// - depth and directives (graphql-armor);
// - aliases, items in every list argument and the estimated cost, computed at execution with
//   the variables' values (`first: $f` weighs what `first: 100` weighs) and the sender's limits:
//   a client's, or the trusted federation gateway's plans' (see gateway.ts).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  getNullableType,
  isCompositeType,
  isInputObjectType,
  isListType,
  isObjectType,
  Lexer,
  type OperationDefinitionNode,
  type SelectionSetNode,
  Source,
  TokenKind,
  type ValidationContext,
} from 'graphql';
import { getArgumentValues, getVariableValues } from 'graphql/execution/values.js';
import type { GraphQLParams, Plugin } from 'graphql-yoga';
import { defaultPageSize } from '../graphql/connections.js';
import { isFromGateway } from './gateway.js';

export const queryLimits = {
  maxDepth: 14,
  maxAliases: 20,
  maxTokens: 4_000,
  maxDirectives: 50,
  /** Brackets in the query text, objects and arrays in the variables. */
  maxNesting: 32,
  /** Items in any one list argument (IDs, representations, input lists). */
  maxListItems: 100,
  /**
   * One per field, times the items it stands for: a connection's `first`/`last` (or the page
   * size), a list argument's length, a plain list's `listSize` (else 10). The committed
   * operations cost about 900 (Offers), 3,100 (ContactCard, 100 contacts a page), 18,000
   * (CompareDistricts, 40 districts); a whole state's `comparison` with every matrix about 12,000.
   */
  maxCost: 50_000,
} as const;

/** The bounds a request is judged by: a client's, or (see gateway.ts) the trusted gateway's plans'. */
export interface RequestLimits {
  maxAliases: number;
  maxTokens: number;
  maxListItems: number;
  maxCost: number;
}

/**
 * A gateway's plan for a client query within the client limits: it aliases every batched call
 * and sends a page of representations per entity call for every list on the page.
 */
export const gatewayPlanLimits: RequestLimits = { maxAliases: 1_000, maxTokens: 40_000, maxListItems: 10_000, maxCost: 500_000 };

export const limitsFor = (request: Request | undefined): RequestLimits => (isFromGateway(request) ? gatewayPlanLimits : queryLimits);

/**
 * Items assumed for a plain list field (addresses, office hours …), which has no page size: the
 * field's own `listSize` where its definition states the size such lists have (a district's
 * municipalities, a matrix's rows), otherwise 10.
 */
const plainListItems = 10;

function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  // `http` sets the status (400 also for application/json, which Yoga answers 200 otherwise) and is not sent.
  return new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400, spec: false } } });
}

/** Armor reports its refusals as "Syntax Error: …" and throws them; they become our refusals. */
function reportAs(code: string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (context: ValidationContext | null, error: GraphQLError) =>
        context?.reportError(refusal(code, error.message.replace(/^Syntax Error: /, ''))),
    ],
  };
}

function armor({ fieldSuggestions }: { fieldSuggestions: boolean }): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: queryLimits.maxDepth, ...reportAs('DEPTH_LIMIT_EXCEEDED') },
    // Counted with the cost below: the gateway's plans may alias more than a client.
    maxAliases: { enabled: false },
    maxDirectives: { n: queryLimits.maxDirectives, ...reportAs('DIRECTIVE_LIMIT_EXCEEDED') },
    // Counted before parsing, below, where the refusal can carry its own status.
    maxTokens: { enabled: false },
    // Armor's cost ignores arguments and variables; ours below weighs them.
    costLimit: { enabled: false },
    // On by default: the schema is public, and suggestions help developers more than they reveal.
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  }) as Plugin;
}

const opening = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const closing = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Tokens (up to one past `maxTokens`) and the deepest bracket nesting of the query text, in one
 * pass of graphql-js' lexer, which does not recurse. A syntax error ends the count there; the
 * parser reports it.
 */
function lexicalSize(query: string, maxTokens: number): { tokens: number; nesting: number } {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let depth = 0;
  let nesting = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && tokens <= maxTokens; token = lexer.advance()) {
      tokens++;
      if (opening.has(token.kind)) nesting = Math.max(nesting, ++depth);
      else if (closing.has(token.kind)) depth--;
    }
  } catch {
    // counted as far as the text is valid
  }
  return { tokens, nesting };
}

/** The deepest nesting of objects and arrays in a JSON value, measured without recursion. */
export function valueNesting(value: unknown): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length) {
    const [item, depth] = stack.pop()!;
    if (!item || typeof item !== 'object') continue;
    deepest = Math.max(deepest, depth + 1);
    for (const child of Object.values(item)) stack.push([child, depth + 1]);
  }
  return deepest;
}

function textProblem(params: GraphQLParams, { maxTokens }: RequestLimits): [code: string, message: string] | null {
  const { maxNesting } = queryLimits;
  const { tokens, nesting } = lexicalSize(typeof params.query === 'string' ? params.query : '', maxTokens);
  if (nesting > maxNesting) return ['NESTING_LIMIT_EXCEEDED', `The query nests brackets deeper than ${maxNesting} levels.`];
  if (valueNesting(params.variables) > maxNesting)
    return ['NESTING_LIMIT_EXCEEDED', `The variables nest objects or lists deeper than ${maxNesting} levels.`];
  if (valueNesting(params.extensions) > maxNesting)
    return ['NESTING_LIMIT_EXCEEDED', `The extensions nest objects or lists deeper than ${maxNesting} levels.`];
  if (tokens > maxTokens) return ['TOKEN_LIMIT_EXCEEDED', `Token limit of ${maxTokens} exceeded.`];
  return null;
}

/** Checks on the raw request, before anything parses it or builds a cache key from it. */
function useTextLimits(): Plugin {
  return {
    onParams({ params, request, setResult }) {
      const problem = textProblem(params, limitsFor(request));
      if (problem) setResult({ errors: [refusal(...problem)] });
    },
  };
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  limits: RequestLimits;
  aliases: number;
  problems: GraphQLError[];
  /**
   * A fragment's cost and aliases per page size, measured once: fragments that spread each
   * other many times would otherwise be walked once per path (30 spreads × 8 levels is 30^7).
   */
  measuredFragments: Map<string, { cost: number; aliases: number }>;
}

/** Every list in an argument value longer than the limit, found by following the input type. */
function checkLists(value: unknown, type: GraphQLInputType, path: string, walk: Walk): void {
  const bare = getNullableType(type);
  if (value === null || value === undefined) return;
  if (isListType(bare)) {
    if (!Array.isArray(value)) {
      checkLists(value, bare.ofType, path, walk);
      return;
    }
    const { maxListItems } = walk.limits;
    if (value.length > maxListItems) {
      walk.problems.push(
        refusal(
          'LIST_LIMIT_EXCEEDED',
          `Argument "${path}" holds ${value.length} items; at most ${maxListItems} are accepted in one request.`,
          { argument: path, maximum: maxListItems },
        ),
      );
      return;
    }
    for (const [index, item] of value.entries()) checkLists(item, bare.ofType, `${path}[${index}]`, walk);
  } else if (isInputObjectType(bare)) {
    for (const field of Object.values(bare.getFields())) {
      checkLists((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, walk);
    }
  }
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1], walk: Walk) {
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    return null; // execution reports the bad argument itself
  }
}

/** How many items a field stands for, given its arguments. */
function itemsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, pageSize: number | undefined): number {
  const listArgument = Object.values(args).find(Array.isArray);
  if (listArgument) return listArgument.length;
  if (pageSize !== undefined && (field.name === 'edges' || field.name === 'nodes')) return pageSize;
  if (isListType(getNullableType(field.type))) return Number(field.extensions?.listSize ?? plainListItems);
  return 1;
}

const isConnection = (type: GraphQLCompositeType) => isObjectType(type) && 'edges' in type.getFields() && 'pageInfo' in type.getFields();

function selectionCost(selectionSet: SelectionSetNode, parent: GraphQLCompositeType, walk: Walk, pageSize?: number): number {
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === 'InlineFragment') {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type && isCompositeType(type)) cost += selectionCost(selection.selectionSet, type, walk, pageSize);
      continue;
    }
    if (selection.kind === 'FragmentSpread') {
      const measured = fragmentCost(selection.name.value, walk, pageSize);
      cost += measured.cost;
      walk.aliases += measured.aliases;
      continue;
    }
    if (selection.alias) walk.aliases++;
    const name = selection.name.value;
    if (name.startsWith('__') || !('getFields' in parent)) continue; // introspection is bounded by the schema
    const field = parent.getFields()[name];
    if (!field) continue;
    const args = argumentsOf(field, selection, walk);
    if (!args) continue;
    for (const definition of field.args) checkLists(args[definition.name], definition.type, `${name}.${definition.name}`, walk);
    const type = getNamedType(field.type);
    if (!selection.selectionSet || !isCompositeType(type)) {
      cost += 1;
      continue;
    }
    const connectionPage = isConnection(type) ? Number(args.first ?? args.last ?? defaultPageSize) : undefined;
    const items = connectionPage === undefined ? itemsOf(field, args, pageSize) : 1;
    cost += 1 + items * selectionCost(selection.selectionSet, type, walk, connectionPage);
  }
  return cost;
}

function fragmentCost(name: string, walk: Walk, pageSize: number | undefined): { cost: number; aliases: number } {
  const key = `${name}:${pageSize ?? ''}`;
  const known = walk.measuredFragments.get(key);
  if (known) return known;
  const fragment = walk.fragments.get(name);
  const type = fragment && walk.schema.getType(fragment.typeCondition.name.value);
  if (!fragment || !type || !isCompositeType(type)) return { cost: 0, aliases: 0 };
  const aliasesBefore = walk.aliases;
  const cost = selectionCost(fragment.selectionSet, type, walk, pageSize);
  const measured = { cost, aliases: walk.aliases - aliasesBefore };
  walk.aliases = aliasesBefore; // the caller adds them, as for every later use
  walk.measuredFragments.set(key, measured);
  return measured;
}

/** The operation's cost, aliases and list arguments over the limit; null when the variables do not fit it. */
export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined,
  inputs: Record<string, unknown>,
  limits: RequestLimits = queryLimits,
): { cost: number; aliases: number; problems: GraphQLError[] } | null {
  const operations = document.definitions.filter((node): node is OperationDefinitionNode => node.kind === 'OperationDefinition');
  const operation = operationName ? operations.find((node) => node.name?.value === operationName) : operations[0];
  const root = operation && schema.getRootType(operation.operation);
  if (!operation || !root) return null;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], inputs, { maxErrors: 1 });
  if (coerced.errors) return null;
  const fragments = new Map(
    document.definitions.filter((node) => node.kind === 'FragmentDefinition').map((node) => [node.name.value, node]),
  );
  const walk: Walk = { schema, fragments, variables: coerced.coerced, limits, aliases: 0, problems: [], measuredFragments: new Map() };
  const cost = selectionCost(operation.selectionSet, root, walk);
  return { cost, aliases: walk.aliases, problems: walk.problems };
}

// At execution, not validation: Yoga caches validation results by document, and these
// depend on the variables and on who sends the request.
function useCostAndListLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const limits = limitsFor((args.contextValue as { request?: Request }).request);
      const measured = measureOperation(args.schema, args.document, args.operationName ?? undefined, args.variableValues ?? {}, limits);
      if (!measured) return;
      const problems = [...measured.problems];
      if (measured.aliases > limits.maxAliases) {
        problems.push(refusal('ALIAS_LIMIT_EXCEEDED', `Aliases limit of ${limits.maxAliases} exceeded, found ${measured.aliases}.`));
      }
      if (measured.cost > limits.maxCost) {
        problems.push(
          refusal(
            'COST_LIMIT_EXCEEDED',
            `Query cost ${measured.cost} exceeds the limit of ${limits.maxCost}: ask for fewer items per list (first/last) or fewer nested lists.`,
            { cost: measured.cost, maximum: limits.maxCost },
          ),
        );
      }
      if (problems.length) setResultAndStopExecution({ errors: problems });
    },
  };
}

/** The plugins, in the order they must run. */
export function queryLimitPlugins(options: { fieldSuggestions: boolean }): Plugin[] {
  return [useTextLimits(), armor(options), useCostAndListLimits()];
}
