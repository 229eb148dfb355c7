// Headers made elsewhere (Yoga's answer, a kept answer) onto the router's reply.
import type { FastifyReply } from 'fastify';

/** Sets each header; Vary joins what the router's hooks said (Origin) instead of replacing it. */
export function copyHeaders(reply: FastifyReply, headers: Iterable<[string, string | number | string[] | undefined]>) {
  for (const [name, value] of headers) {
    if (value === undefined) continue;
    const before = name === 'vary' ? reply.getHeader('vary') : undefined;
    reply.header(name, before ? `${before}, ${value}` : value);
  }
}
