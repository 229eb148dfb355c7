// How the editors' app talks to the API: the generated operations of schema/operations, reads
// as persisted GETs (by hash, as the widget sends them), writes as POSTs; the token only in the
// Authorization header, kept in sessionStorage for this tab (never in a URL or localStorage).
import type { TypedDocumentString } from '../../../schema/generated/graphql.js';
import { failureText, type Texts } from './texts.js';

const tokenKey = 'integrationsgraph.editor.token';

export const session = {
  token: (): string | null => sessionStorage.getItem(tokenKey),
  signIn: (token: string) => sessionStorage.setItem(tokenKey, token.trim()),
  signOut: () => sessionStorage.removeItem(tokenKey),
};

/** Why a request got no data: the app says each differently and keeps what was typed. */
export type FailureKind = 'network' | 'signedOut' | 'refused' | 'server';

export class ApiFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    message: string,
  ) {
    super(message);
  }
}

interface Answer<Result> {
  data?: Result | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function send<Result>(url: string, init: RequestInit): Promise<Result> {
  const token = session.token();
  const headers = new Headers(init.headers);
  headers.set('accept', 'application/graphql-response+json, application/json');
  if (token) headers.set('authorization', `Bearer ${token}`);
  let response: Response;
  try {
    response = await fetch(url, { ...init, headers, cache: 'no-store' });
  } catch (error) {
    throw new ApiFailure('network', (error as Error).message);
  }
  const answer = (await response.json().catch(() => ({}))) as Answer<Result>;
  const [error] = answer.errors ?? [];
  const code = error?.extensions?.code;
  if (response.status === 401 || code === 'UNAUTHENTICATED') throw new ApiFailure('signedOut', error?.message ?? 'signed out');
  if (code === 'FORBIDDEN') throw new ApiFailure('refused', error!.message);
  if (!answer.data) throw new ApiFailure(response.status >= 500 ? 'server' : 'refused', error?.message ?? `HTTP ${response.status}`);
  return answer.data;
}

const hashOf = <Result, Variables>(document: TypedDocumentString<Result, Variables>) => (document.__meta__ as { hash: string }).hash;

/** A query of schema/operations, sent by its hash. */
export function read<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  const parameters = new URLSearchParams({
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hashOf(document) } }),
    variables: JSON.stringify(variables ?? {}),
  });
  return send(`/graphql?${parameters}`, { method: 'GET' });
}

/** A mutation of schema/operations. */
export function write<Result, Variables>(document: TypedDocumentString<Result, Variables>, variables: Variables): Promise<Result> {
  return send('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
  });
}

/**
 * A mutation with a file (GraphQL multipart request): the file is in the variables where `at`
 * points (e.g. "input.workbook") and travels as the request's part, null in its place.
 */
export function upload<Result, Variables>(
  document: TypedDocumentString<Result, Variables>,
  variables: Variables,
  at: string,
): Promise<Result> {
  const file = at.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown>)[key], variables) as Blob;
  const body = new FormData();
  body.set(
    'operations',
    JSON.stringify({ query: document.toString(), variables }, (_key, value) => (value instanceof Blob ? null : value)),
  );
  body.set('map', JSON.stringify({ 0: [`variables.${at}`] }));
  body.set('0', file);
  return send('/graphql', { method: 'POST', body });
}

/** The words for a failed request; anything but an ApiFailure is a bug and is thrown on. */
export function saidOfFailure(error: unknown, texts: Texts): string {
  if (!(error instanceof ApiFailure)) throw error;
  return failureText(texts, error.kind, error.message);
}
