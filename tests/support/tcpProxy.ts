// A TCP proxy in front of a server, which a test can silence: connections stay open and
// nothing more passes either way — what a hung database or a dropped network looks like.

import type { AddressInfo } from 'node:net';
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  port: number;
  /** Stops relaying (connections stay open, what arrives is held); `resume()` relays it, in order. */
  silence(): void;
  resume(): void;
  close(): Promise<void>;
}

/** `watchClient` gets a reader for each client connection: what the client sends, as it passes (bench/statementCounter.ts). */
export async function startTcpProxy(
  targetHost: string,
  targetPort: number,
  watchClient?: () => (chunk: Buffer) => void,
): Promise<TcpProxy> {
  let silent = false;
  const sockets = new Set<Socket>();
  const held: [Socket, Buffer][] = [];
  const relay = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      if (silent) held.push([to, chunk]);
      else to.write(chunk);
    });
  const server = createServer((client) => {
    const upstream = connect(targetPort, targetHost);
    if (watchClient) client.on('data', watchClient());
    relay(client, upstream);
    relay(upstream, client);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.on('close', () => {
        sockets.delete(socket);
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    silence: () => {
      silent = true;
    },
    resume: () => {
      silent = false;
      for (const [to, chunk] of held.splice(0)) if (!to.destroyed) to.write(chunk);
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
