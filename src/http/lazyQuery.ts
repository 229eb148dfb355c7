// The router parses every address's query before it routes, but few routes read it: Yoga reads
// the address itself, and a kept GET (answerBytes.ts) is answered without it. Parsing the 1.5 KB
// query of the widget's GET was a quarter of the CPU of answering it from kept bytes (profile,
// bench/FINDINGS.md); here it is parsed when a route first reads `request.query`.
import { parse } from 'node:querystring';

export function lazyQuery(text: string): Record<string, string | string[] | undefined> {
  let parsed: Record<string, string | string[] | undefined> | undefined;
  const query = () => (parsed ??= { ...parse(text) });
  return new Proxy({} as Record<string, string | string[] | undefined>, {
    get: (_target, name) => (typeof name === 'string' ? query()[name] : undefined),
    has: (_target, name) => name in query(),
    ownKeys: () => Reflect.ownKeys(query()),
    getOwnPropertyDescriptor: (_target, name) => Reflect.getOwnPropertyDescriptor(query(), name),
  });
}
