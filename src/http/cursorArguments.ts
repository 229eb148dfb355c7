// Cursors (`after`, `before`) are checked before anything runs: Pothos parses them while it
// builds the database query — for a nested list inside its parent's resolver — and a malformed
// one would surface as an unexpected error. A bad cursor is the client's mistake, answered like
// every other bad argument: BAD_USER_INPUT, naming the argument.
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import { type ArgumentNode, type DocumentNode, GraphQLError, Kind, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

const cursorArguments = new Set(['after', 'before']);

function isCursor(value: unknown): boolean {
  if (typeof value !== 'string') return true; // null or absent: no cursor; other types are GraphQL's to refuse
  try {
    parsePrismaCursor(value);
    return true;
  } catch {
    return false;
  }
}

// Yoga parses each query text once and hands every request with it the same document.
const cursorsOfDocument = new WeakMap<DocumentNode, ArgumentNode[]>();

function cursorArgumentsOf(document: DocumentNode): ArgumentNode[] {
  let found = cursorsOfDocument.get(document);
  if (!found) {
    const cursors: ArgumentNode[] = [];
    visit(document, {
      Argument(node) {
        if (cursorArguments.has(node.name.value)) cursors.push(node);
      },
    });
    cursorsOfDocument.set(document, cursors);
    found = cursors;
  }
  return found;
}

/** The first malformed cursor argument of an operation, if any. */
function malformedCursor(document: DocumentNode, variables: Record<string, unknown> = {}): { argument: string; value: string } | null {
  for (const node of cursorArgumentsOf(document)) {
    const value =
      node.value.kind === Kind.STRING ? node.value.value : node.value.kind === Kind.VARIABLE ? variables[node.value.name.value] : undefined;
    if (!isCursor(value)) return { argument: node.name.value, value: String(value) };
  }
  return null;
}

export function useCursorCheck(): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const bad = malformedCursor(args.document, (args.variableValues ?? {}) as Record<string, unknown>);
      if (!bad) return;
      const shown = bad.value.length > 40 ? `${bad.value.slice(0, 40)}…` : bad.value;
      setResultAndStopExecution({
        errors: [
          new GraphQLError(
            `Argument "${bad.argument}" is not a cursor of this list ("${shown}"): use a \`cursor\` or \`endCursor\` it returned.`,
            {
              extensions: { code: 'BAD_USER_INPUT', argument: bad.argument },
            },
          ),
        ],
      });
    },
  };
}
