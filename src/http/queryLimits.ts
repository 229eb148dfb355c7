// Limits that keep one request from exhausting the server. Each refusal is an HTTP 400 with
// its own `extensions.code` and the limit in the message, decided before anything runs, with
// the sender's limits: a client's, or the trusted federation gateway's plans' (see gateway.ts).
// The libraries check what they can express:
// - graphql-armor: depth and directives (validation rules); tokens, counted by its parser as it
//   parses, as the Hive console parses; aliases, by its rule;
// - @pothos/plugin-complexity: the cost, from each field's `complexity` (builder.ts and
//   graphql/connections.ts) and the variables' values (`first: $f` weighs what `first: 100` weighs).
// Our own code checks what neither expresses: the nesting of brackets in the query text and of
// objects and lists in the variables, and the items in each list argument (below, each says why).
import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { complexityFromQuery } from '@pothos/plugin-complexity';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  Lexer,
  type OperationDefinitionNode,
  type ParseOptions,
  type SelectionSetNode,
  Source,
  TokenKind,
  TypeInfo,
  ValidationContext,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
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
   * The complexity plugin's sum: one per field, plus each field's selection times the items it
   * stands for (a connection's page, a plain list's size). The committed operations cost about
   * 5,000 (Offers, a page of 100), 3,100 (ContactCard), 12,245 (DistrictWidget), 19,300 (CompareState, a whole
   * state with every matrix), 46,000 (CompareDistricts at its largest page, 100 districts).
   */
  maxCost: 50_000,
} as const;

/** The bounds a request is judged by: a client's, or (see gateway.ts) the trusted gateway's plans'. */
interface RequestLimits {
  maxAliases: number;
  maxTokens: number;
  maxListItems: number;
  maxCost: number;
}

/**
 * A gateway's plan for a client query within the client limits: it aliases every batched call
 * and sends a page of representations per entity call for every list on the page.
 */
const gatewayPlanLimits: RequestLimits = { maxAliases: 1_000, maxTokens: 40_000, maxListItems: 10_000, maxCost: 500_000 };

const limitsFor = (request: Request | undefined): RequestLimits => (isFromGateway(request) ? gatewayPlanLimits : queryLimits);

const refusals = new WeakSet<GraphQLError>();

function refusal(code: string, message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  // `http` sets the status (400 also for application/json, which Yoga answers 200 otherwise) and is not sent.
  const error = new GraphQLError(message, { extensions: { code, ...extensions, http: { status: 400, spec: false } } });
  refusals.add(error);
  return error;
}

/** Armor words its refusals "Syntax Error: …"; they become our refusals. */
const armorRefusal = (code: string, error: GraphQLError) => refusal(code, error.message.replace(/^Syntax Error: /, ''));

/** Armor's options for a rule whose refusals are reported, not thrown. */
function reportAs(code: string) {
  return {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null, error: GraphQLError) => context?.reportError(armorRefusal(code, error))],
  };
}

function armor({ fieldSuggestions }: { fieldSuggestions: boolean }): Plugin {
  return EnvelopArmorPlugin({
    maxDepth: { n: queryLimits.maxDepth, ...reportAs('DEPTH_LIMIT_EXCEEDED') },
    maxDirectives: { n: queryLimits.maxDirectives, ...reportAs('DIRECTIVE_LIMIT_EXCEEDED') },
    // The sender's, below: the gateway's plans send more tokens and aliases than a client may.
    maxTokens: { enabled: false },
    maxAliases: { enabled: false },
    // The complexity plugin's, below: armor's cost ignores arguments and variables.
    costLimit: { enabled: false },
    // On by default: the schema is public, and suggestions help developers more than they reveal.
    blockFieldSuggestion: { enabled: !fieldSuggestions },
  }) as Plugin;
}

const opening = new Set<string>([TokenKind.BRACE_L, TokenKind.BRACKET_L, TokenKind.PAREN_L]);
const closing = new Set<string>([TokenKind.BRACE_R, TokenKind.BRACKET_R, TokenKind.PAREN_R]);

/**
 * Ours: the deepest bracket nesting within the first `maxTokens` tokens of the query text (past
 * them the parser refuses the text), in one pass of graphql-js' lexer, which does not recurse.
 * No library bounds it, and the parser recurses into every bracket: nesting deep enough to
 * overflow its stack fits within the token limit. A syntax error ends the count; the parser
 * reports it.
 */
function bracketNesting(query: string, maxTokens: number): number {
  const lexer = new Lexer(new Source(query));
  let tokens = 0;
  let depth = 0;
  let deepest = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && tokens < maxTokens; token = lexer.advance()) {
      tokens++;
      if (opening.has(token.kind)) deepest = Math.max(deepest, ++depth);
      else if (closing.has(token.kind)) depth--;
    }
  } catch {
    // measured as far as the text is valid
  }
  return deepest;
}

/** graphql-js' parser with armor's token count and the sender's limit, after the nesting check. */
function parserWithin({ maxTokens }: RequestLimits) {
  const { maxNesting } = queryLimits;
  return (source: string | Source, options?: ParseOptions) => {
    if (bracketNesting(typeof source === 'string' ? source : source.body, maxTokens) > maxNesting) {
      throw refusal('NESTING_LIMIT_EXCEEDED', `The query nests brackets deeper than ${maxNesting} levels.`);
    }
    let overLimit: GraphQLError | undefined;
    const parser = new MaxTokensParserWLexer(source, {
      ...options,
      n: maxTokens,
      onReject: [
        (_context, error) => {
          overLimit = error;
        },
      ],
    });
    try {
      return parser.parseDocument();
    } catch (error) {
      throw overLimit && error === overLimit ? armorRefusal('TOKEN_LIMIT_EXCEEDED', overLimit) : error;
    }
  };
}

function useParseLimits(): Plugin {
  return {
    onParse({ context, setParseFn }) {
      setParseFn(parserWithin(limitsFor((context as { request?: Request }).request)));
      // Yoga keeps each text's parse result, failures too, by the text alone, in hooks that run
      // after ours. A refusal depends on the sender (the gateway may send what a client may not),
      // so it is thrown here, before it can be kept for everyone. A parsed document is kept and
      // shared: its tokens were counted when it was parsed.
      return ({ result }) => {
        if (result instanceof GraphQLError && refusals.has(result)) throw result;
      };
    },
  };
}

/** The deepest nesting of objects and arrays in a JSON value, measured without recursion. */
function valueNesting(value: unknown): number {
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

/**
 * Ours: the nesting of the variables and extensions, checked on the raw request, before the
 * response cache builds its key from them (recursively: 10,000 levels overflow its stack). The
 * libraries judge the document, not the JSON values sent with it.
 */
function useValueNesting(): Plugin {
  const { maxNesting } = queryLimits;
  return {
    onParams({ params, setResult }) {
      for (const part of ['variables', 'extensions'] as const) {
        if (valueNesting(params[part]) <= maxNesting) continue;
        setResult({ errors: [refusal('NESTING_LIMIT_EXCEEDED', `The ${part} nest objects or lists deeper than ${maxNesting} levels.`)] });
        return;
      }
    },
  };
}

interface ListCheck {
  variables: Record<string, unknown>;
  maxListItems: number;
  problems: GraphQLError[];
}

/** Every list in an argument value longer than the limit, found by following the input type. */
function checkLists(value: unknown, type: GraphQLInputType, path: string, check: ListCheck): void {
  const bare = getNullableType(type);
  if (value === null || value === undefined) return;
  if (isListType(bare)) {
    if (!Array.isArray(value)) {
      checkLists(value, bare.ofType, path, check);
      return;
    }
    const { maxListItems } = check;
    if (value.length > maxListItems) {
      check.problems.push(
        refusal(
          'LIST_LIMIT_EXCEEDED',
          `Argument "${path}" holds ${value.length} items; at most ${maxListItems} are accepted in one request.`,
          { argument: path, maximum: maxListItems },
        ),
      );
      return;
    }
    for (const [index, item] of value.entries()) checkLists(item, bare.ofType, `${path}[${index}]`, check);
  } else if (isInputObjectType(bare)) {
    for (const field of Object.values(bare.getFields())) {
      checkLists((value as Record<string, unknown>)[field.name], field.type, `${path}.${field.name}`, check);
    }
  }
}

function checkArguments(field: GraphQLField<unknown, unknown>, node: FieldNode, check: ListCheck): void {
  let args: Record<string, unknown>;
  try {
    args = getArgumentValues(field, node, check.variables);
  } catch {
    return; // execution reports the bad argument itself
  }
  for (const definition of field.args) checkLists(args[definition.name], definition.type, `${field.name}.${definition.name}`, check);
}

/**
 * Ours: every list argument longer than the sender's limit (IDs, representations, input lists,
 * inline or in variables), in the operation and the fragments it spreads, each walked once (an
 * argument's items do not depend on where its fragment is spread). Armor and the complexity
 * plugin weigh selections, not the items of an argument, and an input list is bounded nowhere else.
 */
function listArgumentProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  maxListItems: number,
): GraphQLError[] {
  const check: ListCheck = { variables, maxListItems, problems: [] };
  const fragments = new Map(
    document.definitions
      .filter((node): node is FragmentDefinitionNode => node.kind === Kind.FRAGMENT_DEFINITION)
      .map((node) => [node.name.value, node]),
  );
  const pending: [SelectionSetNode, GraphQLNamedType | null | undefined][] = [
    [operation.selectionSet, schema.getRootType(operation.operation)],
  ];
  while (pending.length) {
    const [selectionSet, parent] = pending.pop()!;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) continue; // __typename and introspection, bounded by the schema
        if (selection.arguments?.length) checkArguments(field, selection, check);
        if (selection.selectionSet) pending.push([selection.selectionSet, getNamedType(field.type)]);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition && schema.getType(selection.typeCondition.name.value);
        pending.push([selection.selectionSet, condition ?? parent]);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        fragments.delete(selection.name.value);
        pending.push([fragment.selectionSet, schema.getType(fragment.typeCondition.name.value)]);
      }
    }
  }
  return check.problems;
}

/** Aliases beyond the sender's limit: armor's rule, run on the operation alone. */
function aliasProblems(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, maxAliases: number) {
  const problems: GraphQLError[] = [];
  const context = new ValidationContext(schema, document, new TypeInfo(schema), (error) => problems.push(error));
  // The rule's one visitor, called on the operation: graphql-js' visit would walk every node to reach it.
  maxAliasesRule({ n: maxAliases, ...reportAs('ALIAS_LIMIT_EXCEEDED') })(context).OperationDefinition.enter(operation);
  return problems;
}

/** The weighed cost of each executed operation, by its context (admission.ts queues by it). */
const weighedCosts = new WeakMap<object, number>();

/** The complexity plugin's cost of the operation executing with `context`; undefined if it was not weighed. */
export const operationCost = (context: object): number | undefined => weighedCosts.get(context);

/** A cost beyond the sender's limit: the complexity plugin's, with the variables' values. */
function costProblems(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  context: object,
  maxCost: number,
): GraphQLError[] {
  // The plugin weighs a document's first operation: here, the one to run.
  const definitions = document.definitions.filter((node) => node.kind === Kind.FRAGMENT_DEFINITION || node === operation);
  let cost: number;
  try {
    cost = complexityFromQuery({ ...document, definitions }, { schema, ctx: context, variables }).complexity;
  } catch (error) {
    // An argument the cost is weighed by that cannot be read (a malformed ID in nodes(ids:)):
    // the request cannot be weighed, and is refused with that error before anything runs.
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
  weighedCosts.set(context, cost);
  if (cost <= maxCost) return [];
  const message = `Query cost ${cost} exceeds the limit of ${maxCost}: ask for fewer items per list (first/last) or fewer nested lists.`;
  return [refusal('COST_LIMIT_EXCEEDED', message, { cost, maximum: maxCost })];
}

// At execution, not validation: Yoga keeps validation results by document, and these depend on
// the variables and on who sends the request.
function useOperationLimits(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const { schema, document, contextValue } = args;
      const operation = getOperationAST(document, args.operationName);
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const coerced = operation && getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
      if (!operation || !coerced || coerced.errors) return; // execution refuses the request itself
      const { maxListItems, maxAliases, maxCost } = limitsFor((contextValue as { request?: Request }).request);
      const problems = [
        ...listArgumentProblems(schema, document, operation, coerced.coerced, maxListItems),
        ...aliasProblems(schema, document, operation, maxAliases),
        ...costProblems(schema, document, operation, variables, contextValue as object, maxCost),
      ];
      if (problems.length) setResultAndStopExecution({ errors: problems });
    },
  };
}

/** The plugins, in the order they must run. */
export function queryLimitPlugins(options: { fieldSuggestions: boolean }): Plugin[] {
  return [useValueNesting(), useParseLimits(), armor(options), useOperationLimits()];
}
