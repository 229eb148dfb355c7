// Telling "the database is not answering" apart from other failures: the client can do
// nothing about it but try again later, and a 503 says so (load balancers and clients retry).

/** PostgreSQL error classes: connection exceptions, insufficient resources, operator intervention. */
const unavailableSqlState = /^(08|53|57)/;
/** Prisma's codes for an unreachable server, timeouts, a closed connection and an exhausted pool. */
const unavailablePrismaCode = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const unavailableMessage =
  /connection timeout|timeout exceeded when trying to connect|query read timeout|connection terminated|ECONNREFUSED|ECONNRESET|statement timeout|PGlite is closed/i;

function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  let current = error;
  while (current && typeof current === 'object' && !chain.includes(current) && chain.length < 10) {
    chain.push(current);
    const { originalError, cause } = current as { originalError?: unknown; cause?: unknown };
    current = originalError ?? cause;
  }
  return chain;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return causes(error).some((each) => {
    const { code, message } = each as { code?: unknown; message?: unknown };
    return (
      (typeof code === 'string' && (unavailablePrismaCode.has(code) || (code.length === 5 && unavailableSqlState.test(code)))) ||
      (typeof message === 'string' && unavailableMessage.test(message))
    );
  });
}
