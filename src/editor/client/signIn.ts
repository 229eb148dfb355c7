// Signing in at the state's identity provider with OpenID Connect: the authorization code flow
// with PKCE (RFC 7636). The app is a public client with no secret, so it proves with a one-time
// verifier, kept in this tab only, that the code it exchanges is the one it asked for; `state`
// ties the return to this tab's request. The access token the provider issues is then sent like
// an API token, and the API checks it as any JWT of the provider (src/auth/viewer.ts).

/** The provider and the app's client there, as the page names them (src/editor/page.ts). */
export interface Provider {
  issuer: string;
  clientId: string;
  scope: string;
}

export class SignInFailure extends Error {
  constructor(
    /** cancelled: the editor said no at the provider; provider: it refused or is unreachable; mismatch: a return this tab did not ask for. */
    readonly kind: 'cancelled' | 'provider' | 'mismatch',
    message: string,
  ) {
    super(message);
  }
}

function providerOfPage(): Provider | null {
  const meta = (name: string) => document.querySelector<HTMLMetaElement>(`meta[name="${name}"]`)?.content;
  const [issuer, clientId, scope] = [meta('oidc-issuer'), meta('oidc-client-id'), meta('oidc-scope')];
  return issuer && clientId && scope ? { issuer, clientId, scope } : null;
}

export const provider = providerOfPage();

const pendingKey = 'integrationsgraph.editor.signIn';

/** What this tab asked the provider for, until it returns. */
interface Pending {
  state: string;
  verifier: string;
  /** The app's place (its hash route) to return to: the page of a draft, for one. */
  returnTo: string;
}

const redirectUri = () => `${location.origin}/editor/`;

const base64url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const randomText = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

interface Endpoints {
  issuer: string;
  authorization_endpoint: string;
  token_endpoint: string;
  end_session_endpoint?: string;
  authorization_response_iss_parameter_supported?: boolean;
}

async function endpointsOf({ issuer }: Provider): Promise<Endpoints> {
  try {
    const response = await fetch(`${issuer.replace(/\/$/, '')}/.well-known/openid-configuration`);
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const endpoints = (await response.json()) as Endpoints;
    // OpenID Connect Discovery §4.3: the document must name the issuer it was asked for.
    if (endpoints.issuer !== issuer) throw new Error(`the provider names itself ${endpoints.issuer}`);
    return endpoints;
  } catch (error) {
    throw new SignInFailure('provider', (error as Error).message);
  }
}

/** Leaves for the provider's sign-in page; the browser comes back to /editor/ with a code. */
export async function startSignIn(from: Provider, returnTo: string): Promise<void> {
  const endpoints = await endpointsOf(from);
  const pending: Pending = { state: randomText(), verifier: randomText(), returnTo };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const challenge = base64url(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(pending.verifier))));
  const url = new URL(endpoints.authorization_endpoint);
  for (const [name, value] of Object.entries({
    response_type: 'code',
    client_id: from.clientId,
    redirect_uri: redirectUri(),
    scope: from.scope,
    state: pending.state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }))
    url.searchParams.set(name, value);
  location.assign(url.href);
}

interface Return {
  parameters: URLSearchParams;
  pending: Pending | null;
}

/**
 * Takes a return from the provider off the address before anything else reads it: the code
 * leaves the address bar and the history, and the app's place (its hash route) is restored.
 */
function takeReturn(): Return | null {
  const parameters = new URLSearchParams(location.search);
  if (!parameters.has('state')) return null;
  const kept = sessionStorage.getItem(pendingKey);
  sessionStorage.removeItem(pendingKey);
  const pending = kept ? (JSON.parse(kept) as Pending) : null;
  history.replaceState(null, '', `/editor/${pending?.returnTo ?? ''}`);
  return { parameters, pending };
}

const providerReturn = provider && takeReturn();

/** Whether this page load is the provider sending the browser back: the app finishes the sign-in before anything else. */
export const returnedFromProvider = !!providerReturn;

/** The access token of a sign-in the provider has just returned from; null when this page load is no such return. */
export async function finishSignIn(): Promise<string | null> {
  if (!provider || !providerReturn) return null;
  const { parameters, pending } = providerReturn;
  const error = parameters.get('error');
  if (!pending || parameters.get('state') !== pending.state) throw new SignInFailure('mismatch', 'state');
  if (error) throw new SignInFailure(error === 'access_denied' ? 'cancelled' : 'provider', parameters.get('error_description') ?? error);
  const endpoints = await endpointsOf(provider);
  // RFC 9207: a code from another provider than the one asked is not exchanged here (a provider
  // that says it names itself must do so).
  const iss = parameters.get('iss');
  if ((iss !== null || endpoints.authorization_response_iss_parameter_supported) && iss !== endpoints.issuer) {
    throw new SignInFailure('mismatch', 'iss');
  }
  let answer: { access_token?: string; id_token?: string; error?: string; error_description?: string };
  try {
    const response = await fetch(endpoints.token_endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: parameters.get('code') ?? '',
        redirect_uri: redirectUri(),
        client_id: provider.clientId,
        code_verifier: pending.verifier,
      }),
    });
    answer = await response.json();
  } catch (failure) {
    throw new SignInFailure('provider', (failure as Error).message);
  }
  if (!answer.access_token) throw new SignInFailure('provider', answer.error_description ?? answer.error ?? 'no access token');
  if (answer.id_token) sessionStorage.setItem(idTokenKey, answer.id_token);
  return answer.access_token;
}

const idTokenKey = 'integrationsgraph.editor.idToken';

/**
 * Signing out where the sign-in was at the provider ends the session there too (OpenID Connect
 * RP-initiated logout), so that on a shared computer the next person's sign-in asks for their
 * own account; the provider sends the browser back to the app. False where there is nothing to end.
 */
export async function signOutAtProvider(): Promise<boolean> {
  const idToken = sessionStorage.getItem(idTokenKey);
  sessionStorage.removeItem(idTokenKey);
  if (!provider || !idToken) return false;
  const { end_session_endpoint: endSession } = await endpointsOf(provider);
  if (!endSession) return false;
  const url = new URL(endSession);
  url.searchParams.set('id_token_hint', idToken);
  url.searchParams.set('client_id', provider.clientId);
  url.searchParams.set('post_logout_redirect_uri', redirectUri());
  location.assign(url.href);
  return true;
}
