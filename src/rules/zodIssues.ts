// The value rules are written with zod, whose issues carry our English sentence (or zod's own,
// for a value of the wrong kind). Here each becomes a coded problem (issues.ts): the rules register
// the code of each sentence they declare, and zod's own issues are coded by their kind.
import type { z } from 'zod';
import { type IssueCode, type Said, said } from './issues.js';

const byMessage = new Map<string, Said>();

/** A rule's message, registered with its code: what zod reports with it is coded so. */
export function coded(code: IssueCode, message: string, params: Record<string, string> = {}): string {
  const known = byMessage.get(message);
  // One sentence, one code: a second rule saying it with another code or other values would take the first's.
  if (known && (known.code !== code || JSON.stringify(known.params) !== JSON.stringify(params)))
    throw new Error(`"${message}" is registered as ${known.code} already`);
  byMessage.set(message, said(code, message, params));
  return message;
}

/** A zod issue as a coded problem. */
export function saidOfZod(issue: z.core.$ZodIssue): Said {
  const known = byMessage.get(issue.message);
  if (known) return known;
  switch (issue.code) {
    case 'invalid_format':
      // A calendar date or a moment (z.iso) written otherwise.
      return said('WRONG_TYPE', issue.message, { expected: issue.format === 'date' ? 'date' : String(issue.format) });
    case 'invalid_type':
      // zod names the input only in its sentence ("…, received undefined").
      return issue.message.endsWith('received undefined')
        ? said('REQUIRED', issue.message)
        : said('WRONG_TYPE', issue.message, { expected: String(issue.expected) });
    case 'invalid_value':
      return said('ONE_OF', issue.message, { values: issue.values.map(String).join(', ') });
    case 'custom':
      // A row rule's problem, coded where the rule reported it (packages/format.ts).
      return (issue.params?.said as Said | undefined) ?? said('INVALID', issue.message);
    case 'unrecognized_keys':
      return said('UNKNOWN_FIELDS', issue.message, { fields: issue.keys.join(', ') });
    default:
      return said('INVALID', issue.message);
  }
}
