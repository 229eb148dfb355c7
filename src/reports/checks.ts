// What a problem report must be: anyone may send one, so the checks are strict and simple.
import { emailAddress } from '../rules/values.js';
import type { Problems } from '../writes/problems.js';

const messageLength = { min: 10, max: 2_000 };
const maxLinks = 2;

/** Why a report's message is refused, or null. */
function messageProblem(message: string): string | null {
  const text = message.trim();
  if (text.length < messageLength.min || text.length > messageLength.max) {
    return `must be ${messageLength.min} to ${messageLength.max} characters: say what is wrong and, if you know it, what is right`;
  }
  if (!/\p{L}{2}/u.test(text)) return 'must say in words what is wrong';
  if ((text.match(/https?:\/\/|www\./gi) ?? []).length > maxLinks) return `may contain at most ${maxLinks} links`;
  if (/(.)\1{19}/u.test(text)) return 'must not repeat one character 20 times';
  return null;
}

/** A report's message and the reader's address, checked; each refusal added at its field. */
export function checkReport(fields: { message: string; contactEmail?: string | null }, problems: Problems): void {
  const problem = messageProblem(fields.message);
  if (problem) problems.add('message', problem);
  const { contactEmail } = fields;
  if (contactEmail != null && contactEmail !== '' && (contactEmail.length > 254 || !emailAddress.safeParse(contactEmail).success)) {
    problems.add('contactEmail', 'must be an e-mail address (or be left out)');
  }
}
