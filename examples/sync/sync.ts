// A portal's copy of Integrationsgraph, kept current by the change feed alone.
//
//   npx tsx examples/sync/sync.ts http://localhost:4000/graphql mirror.json [--follow]
//
// The first run reads the feed from the beginning (every record there is); later runs resume
// from the cursor saved with the copy and fetch only the records that changed, by ID. Archived
// records stay in the copy and say `archivedAt` (tombstones). With --follow it keeps going,
// woken by the live subscription. What it copies is everything an anonymous client may read:
// each record's own fields, its parts (a contact's office hours) and its references by ID
// (lists of other records are those references seen from the other side).
import { readFile, rename, writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';

export interface MirroredRecord {
  type: string;
  version: number;
  data: Record<string, unknown>;
}

export interface Mirror {
  /** Where to resume the feed; null before the first run. */
  cursor: string | null;
  records: Record<string, MirroredRecord>;
}

interface GraphQLResult<Data> {
  data?: Data;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
}

async function ask<Data>(api: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<Data>> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<Data>;
}

/** Fields a client without a token may not read answer with FORBIDDEN/UNAUTHENTICATED: left out, not a failure. */
const notForUs = new Set(['UNAUTHENTICATED', 'FORBIDDEN']);

function dataOrThrow<Data>(result: GraphQLResult<Data>): Data {
  const failures = (result.errors ?? []).filter((error) => !notForUs.has(error.extensions?.code ?? ''));
  if (failures.length || !result.data) throw new Error(failures.map((error) => error.message).join('; ') || 'no data');
  return result.data;
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}
interface IntrospectedType {
  name: string;
  kind: string;
  interfaces: { name: string }[] | null;
  fields: { name: string; args: unknown[]; type: TypeRef }[] | null;
  enumValues: { name: string }[] | null;
}

const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);
const isList = (type: TypeRef): boolean => type.kind === 'LIST' || (!!type.ofType && isList(type.ofType));

/** A selection per record type, read from the schema: scalars, parts (two levels), references as `{ id }`. */
export async function selections(api: string): Promise<Map<string, string>> {
  const { __schema } = dataOrThrow(
    await ask<{ __schema: { types: IntrospectedType[] } }>(
      api,
      '{ __schema { types { name kind interfaces { name } enumValues { name } fields { name args { name } type { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }',
    ),
  );
  const types = new Map(__schema.types.map((type) => [type.name, type]));
  const isNode = (type: IntrospectedType) => !!type.interfaces?.some((each) => each.name === 'Node');
  const select = (type: IntrospectedType, depth: number): string =>
    (type.fields ?? [])
      .filter((field) => field.args.length === 0)
      .map((field) => {
        const target = types.get(named(field.type).name!)!;
        if (target.kind === 'SCALAR' || target.kind === 'ENUM') return field.name;
        // A reference to another record by ID; lists of records are the other side of such
        // references (a post's contacts), which the copy rebuilds from the references.
        if (target.kind === 'OBJECT' && isNode(target)) return isList(field.type) ? '' : `${field.name} { id }`;
        if (target.kind === 'OBJECT' && depth < 2 && !target.name.endsWith('Connection')) {
          const inner = select(target, depth + 1);
          return inner ? `${field.name} { ${inner} }` : '';
        }
        return '';
      })
      .filter(Boolean)
      .join(' ');
  // The types the feed announces are the values of its ChangedType enum.
  const feedTypes = (types.get('ChangedType')!.enumValues ?? []).map((value) => value.name);
  return new Map(feedTypes.map((type) => [type, select(types.get(type)!, 0)]));
}

interface Change {
  type: string;
  id: string;
}

/**
 * Fetches the records by ID, a type and 25 at a time (fields of one name differ in type between
 * types; a district brings its municipalities along, which the query cost counts).
 */
async function fetchRecords(
  api: string,
  changes: Change[],
  selection: Map<string, string>,
): Promise<Map<string, Record<string, unknown> | null>> {
  const fetched = new Map<string, Record<string, unknown> | null>();
  const byType = new Map<string, Set<string>>();
  for (const { type, id } of changes) byType.set(type, (byType.get(type) ?? new Set()).add(id));
  for (const [type, idSet] of byType) {
    const ids = [...idSet];
    for (let start = 0; start < ids.length; start += batchSize) {
      const batch = ids.slice(start, start + batchSize);
      const query = `query ($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on ${type} { ${selection.get(type)} } } }`;
      const data = dataOrThrow(await ask<{ nodes: (Record<string, unknown> | null)[] }>(api, query, { ids: batch }));
      for (const [index, id] of batch.entries()) fetched.set(id, data.nodes[index] ?? null);
    }
  }
  return fetched;
}

const batchSize = 25;

/** One run: the feed from the copy's cursor to the head, applied. Returns how many events it read. */
export async function syncOnce(api: string, mirror: Mirror, selection?: Map<string, string>): Promise<number> {
  const fields = selection ?? (await selections(api));
  let read = 0;
  for (;;) {
    const { changes } = dataOrThrow(
      await ask<{ changes: { events: (Change & { version: number })[]; cursor: string; hasMore: boolean } }>(
        api,
        'query ($since: String) { changes(since: $since, first: 100) { events { type id version } cursor hasMore } }',
        { since: mirror.cursor },
      ),
    );
    const records = await fetchRecords(api, changes.events, fields);
    for (const [id, data] of records) {
      if (data) mirror.records[id] = { type: String(data.__typename), version: Number(data.version), data };
    }
    read += changes.events.length;
    mirror.cursor = changes.cursor;
    if (!changes.hasMore) return read;
  }
}

export async function loadMirror(path: string): Promise<Mirror> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as Mirror;
  } catch {
    return { cursor: null, records: {} };
  }
}

/** Written whole and renamed into place: a crash leaves the previous copy, never half a file. */
export async function saveMirror(path: string, mirror: Mirror): Promise<void> {
  await writeFile(`${path}.tmp`, JSON.stringify(mirror));
  await rename(`${path}.tmp`, path);
}

/** Waits for the next change announced by the live subscription (Server-Sent Events). */
async function nextChange(api: string, since: string | null): Promise<void> {
  const response = await fetch(api, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: 'subscription ($since: String) { changes(since: $since) { cursor } }', variables: { since } }),
  });
  const reader = response.body!.getReader();
  const { done } = await reader.read().then(function more(chunk):
    | Promise<ReadableStreamReadResult<Uint8Array>>
    | ReadableStreamReadResult<Uint8Array> {
    // Keep-alive comments (":") carry nothing; the first "next" event means there is news.
    return chunk.done || new TextDecoder().decode(chunk.value).includes('event: next') ? chunk : reader.read().then(more);
  });
  if (!done) await reader.cancel();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [api, path, flag] = process.argv.slice(2);
  if (!api || !path) {
    console.error('Usage: npx tsx examples/sync/sync.ts <API URL> <mirror.json> [--follow]');
    process.exit(2);
  }
  const mirror = await loadMirror(path);
  const selection = await selections(api);
  for (;;) {
    const read = await syncOnce(api, mirror, selection);
    await saveMirror(path, mirror);
    console.log(`${read} changes applied; ${Object.keys(mirror.records).length} records in ${path}`);
    if (flag !== '--follow') break;
    await nextChange(api, mirror.cursor);
  }
}
