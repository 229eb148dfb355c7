// Telling "the database is not answering" apart from other failures: the client can do
// nothing about it but try again later, and a 503 says so (load balancers and clients retry).
// A write the database rolled back to let another through (a deadlock, a serialization failure)
// or that ran out of time waiting (for an import's lock, for a connection) is the same to the
// client: nothing was written, and the same request later will do.

/**
 * PostgreSQL error classes: connection exceptions, insufficient resources, operator
 * intervention; and of class 40, a serialization failure and a deadlock.
 */
const unavailableSqlState = /^(08|53|57|40001|40P01)/;
/**
 * Prisma's codes for an unreachable server, timeouts, a closed connection, an exhausted pool,
 * and a write conflict or deadlock.
 */
const unavailablePrismaCode = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2034']);
/** The driver adapter's kinds for the same (its error under Prisma's `meta.driverAdapterError`). */
const unavailableAdapterKind = new Set([
  'DatabaseNotReachable',
  'ConnectionClosed',
  'SocketTimeout',
  'TooManyConnections',
  'TransactionWriteConflict',
]);
/**
 * What the drivers say when a server restarts, stops or stops answering: pg's "not queryable"
 * once a connection has failed, PostgreSQL's "terminating connection" (57P01 in Prisma's
 * message), "the database system is starting up" while it comes back; Prisma's transaction that
 * could not start or ran out of its time (P2028, whose other cases are our own mistakes).
 */
const unavailableMessage =
  /unable to start a transaction in the given time|cannot be executed on an expired transaction|connection timeout|timeout exceeded when trying to connect|query read timeout|connection terminated|terminating connection|not queryable|can't reach database server|database system is (starting up|shutting down|in recovery mode)|Code: `(08|53|57)\w{3}`|ECONNREFUSED|ECONNRESET|statement timeout|PGlite is closed/i;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && typeof current === 'object' && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    const { originalError, cause, meta } = current as { originalError?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };
    current = originalError ?? cause ?? meta?.driverAdapterError;
  }
  return chain;
}

const isUnavailableSqlState = (code: unknown) => typeof code === 'string' && code.length === 5 && unavailableSqlState.test(code);

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((each) => {
    const { code, originalCode, kind, message } = each as { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown };
    return (
      (typeof code === 'string' && unavailablePrismaCode.has(code)) ||
      isUnavailableSqlState(code) ||
      isUnavailableSqlState(originalCode) ||
      (typeof kind === 'string' && unavailableAdapterKind.has(kind)) ||
      (typeof message === 'string' && unavailableMessage.test(message))
    );
  });
}
