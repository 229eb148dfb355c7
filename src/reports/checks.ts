// What a problem report must be: anyone may send one, so the checks are strict and simple.
import { type Said, said } from '../rules/issues.js';
import { emailAddress } from '../rules/values.js';
import type { Problems } from '../writes/problems.js';

const messageLength = { min: 10, max: 2_000 };
const maxLinks = 2;

/** Why a report's message is refused, or null. */
function messageProblem(message: string): Said | null {
  const text = message.trim();
  if (text.length < messageLength.min || text.length > messageLength.max) {
    const { min, max } = messageLength;
    const sentence = `must be ${min} to ${max} characters: say what is wrong and, if you know it, what is right`;
    return said('REPORT_LENGTH', sentence, { min: String(min), max: String(max) });
  }
  if (!/\p{L}{2}/u.test(text)) return said('REPORT_WORDS', 'must say in words what is wrong');
  if ((text.match(/https?:\/\/|www\./gi) ?? []).length > maxLinks)
    return said('REPORT_LINKS', `may contain at most ${maxLinks} links`, { max: String(maxLinks) });
  if (/(.)\1{19}/u.test(text)) return said('REPORT_REPEATS', 'must not repeat one character 20 times');
  return null;
}

/** A report's message and the reader's address, checked; each refusal added at its field. */
export function checkReport(fields: { message: string; contactEmail?: string | null }, problems: Problems): void {
  const problem = messageProblem(fields.message);
  if (problem) problems.add('message', problem);
  const { contactEmail } = fields;
  if (contactEmail != null && contactEmail !== '' && (contactEmail.length > 254 || !emailAddress.safeParse(contactEmail).success)) {
    problems.add('contactEmail', said('EMAIL_ADDRESS', 'must be an e-mail address (or be left out)'));
  }
}
