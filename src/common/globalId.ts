// Relay global IDs are base64 of "Type:key". A malformed one — or one whose key is text no
// database stores, such as "Contact:\0" — is the caller's mistake and gets a clear
// BAD_USER_INPUT error rather than a masked internal error.
import { GraphQLError } from 'graphql';
import { quote } from './errors.js';
import { unstorable } from './text.js';

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  const typename = decoded.slice(0, separator);
  const key = decoded.slice(separator + 1);
  if (separator < 1 || !/^[A-Z][A-Za-z]*$/.test(typename) || encodeGlobalId(typename, key) !== globalId || unstorable(key)) {
    throw new GraphQLError(
      `${quote(globalId)} is not a valid global ID: expected the base64 of "Type:key", as returned in an "id" field.`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return { typename, id: key };
}

/** The key of a global ID of the given type; null for a malformed ID or one of another type. */
export function keyOfType(globalId: string | number, typename: string): string | null {
  try {
    const decoded = decodeGlobalId(String(globalId));
    return decoded.typename === typename ? decoded.id : null;
  } catch {
    return null;
  }
}

/**
 * Whether an ID is a global ID whose key is text no database stores ("Contact:\0"): checked
 * before execution, so that it is refused as the request's mistake (400), not as a field's.
 */
export function namesUnstorableKey(globalId: string): boolean {
  const decoded = Buffer.from(globalId, 'base64').toString('utf8');
  return /^[A-Z][A-Za-z]*:/.test(decoded) && Buffer.from(decoded, 'utf8').toString('base64') === globalId && unstorable(decoded);
}
