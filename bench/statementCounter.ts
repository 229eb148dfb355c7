// A TCP proxy in front of PostgreSQL that counts the SQL statements its clients run: simple
// queries ('Q') and executions of prepared or unnamed statements ('E') in the wire protocol
// (https://www.postgresql.org/docs/current/protocol-message-formats.html). The same count for
// any client, ours or PostGraphile's, without touching the server's configuration.
import { startTcpProxy } from '../tests/support/tcpProxy.js';

export interface StatementCounter {
  /** A connection string through the proxy, for the database `url` names. */
  url(databaseUrl: string): string;
  statements(): number;
  close(): Promise<void>;
}

const sslRequest = 80877103;
const gssEncRequest = 80877104;

/** Reads a client's messages as they pass and counts the statements among them. */
function frontendReader(count: () => void) {
  let pending = Buffer.alloc(0);
  let started = false;
  return (chunk: Buffer) => {
    pending = Buffer.concat([pending, chunk]);
    for (;;) {
      if (!started) {
        // Startup messages have no type byte: a length, then a protocol code.
        if (pending.length < 8) return;
        const length = pending.readInt32BE(0);
        if (pending.length < length) return;
        const code = pending.readInt32BE(4);
        if (code !== sslRequest && code !== gssEncRequest) started = true;
        pending = pending.subarray(length);
        continue;
      }
      if (pending.length < 5) return;
      const length = pending.readInt32BE(1) + 1;
      if (pending.length < length) return;
      const type = String.fromCharCode(pending[0]!);
      if (type === 'Q' || type === 'E') count();
      pending = pending.subarray(length);
    }
  };
}

export async function startStatementCounter(host: string, port: number): Promise<StatementCounter> {
  let statements = 0;
  const proxy = await startTcpProxy(host, port, () => frontendReader(() => statements++));
  return {
    url: (databaseUrl) => {
      const url = new URL(databaseUrl);
      url.hostname = '127.0.0.1';
      url.port = String(proxy.port);
      return url.toString();
    },
    statements: () => statements,
    close: () => proxy.close(),
  };
}
