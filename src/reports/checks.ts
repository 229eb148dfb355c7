// What a problem report must be: anyone may send one, so the checks are strict and simple.
import { emailAddress } from '../rules/values.js';

export const messageLength = { min: 10, max: 2_000 };
const maxLinks = 2;

/** The reason a report is refused, or null. */
export function reportProblemOf(message: string, contactEmail: string | null | undefined): { field: string; reason: string } | null {
  const text = message.trim();
  if (text.length < messageLength.min || text.length > messageLength.max) {
    return {
      field: 'message',
      reason: `must be ${messageLength.min} to ${messageLength.max} characters: say what is wrong and, if you know it, what is right`,
    };
  }
  if (!/\p{L}{2}/u.test(text)) return { field: 'message', reason: 'must say in words what is wrong' };
  if ((text.match(/https?:\/\/|www\./gi) ?? []).length > maxLinks)
    return { field: 'message', reason: `may contain at most ${maxLinks} links` };
  if (/(.)\1{19}/u.test(text)) return { field: 'message', reason: 'must not repeat one character 20 times' };
  if (contactEmail != null && contactEmail !== '' && (contactEmail.length > 254 || !emailAddress.safeParse(contactEmail).success)) {
    return { field: 'contactEmail', reason: 'must be an e-mail address (or be left out)' };
  }
  return null;
}
