import type { YogaInitialContext } from 'graphql-yoga';
import type { Authenticator, Viewer } from '../auth/viewer.js';
import { acceptedLanguages } from '../common/languages.js';
import type { ChangeNotifier } from '../db/notifier.js';

/** What every resolver gets besides its arguments. The database is imported, not carried here. */
export interface Context {
  /** The moment the request is answered at; "current" data means valid at this moment. */
  now: Date;
  /** The token holder, or null for an anonymous request. */
  viewer: Viewer;
  /** Wakes followers of the change feed (subscriptions) when it grows. */
  changeNotifier: ChangeNotifier;
  /** Where clients reach this API ("https://api.example.de"), for links to its exports. */
  origin: string;
  /** The languages the request asks for (Accept-Language), most wanted first. */
  languages: string[];
}

/** `publicUrl`: the API's address as clients see it (behind a proxy); otherwise the request's. */
export function contextFactory(authenticate: Authenticator, changeNotifier: ChangeNotifier, publicUrl?: string) {
  return async ({ request }: Pick<YogaInitialContext, 'request'>): Promise<Context> => ({
    now: new Date(),
    viewer: await authenticate(request),
    changeNotifier,
    origin: publicUrl ?? new URL(request.url).origin,
    languages: acceptedLanguages(request.headers.get('accept-language')),
  });
}
