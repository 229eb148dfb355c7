// Contact channels are printed in many styles ("03632 / 741 - 273", "x[at]y.de", "x(a)y.de").
// These functions give the normalised value and leave the printed text to be stored beside it.
import { parsePhoneNumberWithError } from 'libphonenumber-js/max';
import { type IssueCode, type Said, said } from './issues.js';

export class ChannelFormatError extends Error {
  /** The problem as the API reports it, with its code. */
  readonly said: Said;

  constructor(
    readonly printed: string,
    code: IssueCode,
    reason: string,
  ) {
    super(`"${printed}" ${reason}`);
    this.name = 'ChannelFormatError';
    this.said = said(code, this.message, { text: printed });
  }
}

/**
 * A letter by itself among the digits, or at their end ("74O-273", "24352l4", "74127O"): an O
 * for a 0 or an l for a 1, which libphonenumber would read as a keypad letter. A word beside the
 * number ("(Sekretariat)") is a note, not a digit.
 */
const letterAmongDigits = /\d[\s\-–/]*\p{L}(?!\p{L})|(?<!\p{L})\p{L}[\s\-–/]*\d/u;

/**
 * A German phone, mobile or fax number as printed, in E.164 (+493632741273). What libphonenumber
 * would read generously is refused: a number without its area code ("650-123" would ring
 * +49650123, nowhere) and a letter among the digits.
 */
export function normalisePhone(printed: string): string {
  // The number itself: from its first digit or plus sign on (a label such as "Tel." before it).
  const number = printed.slice(printed.search(/[\d+]/));
  if (letterAmongDigits.test(number))
    throw new ChannelFormatError(printed, 'PHONE_LETTER', 'has a letter among its digits (an O for a 0?)');
  if (/^\d/.test(number) && !number.startsWith('0'))
    throw new ChannelFormatError(
      printed,
      'PHONE_AREA_CODE',
      'has no area code (Vorwahl): write it as dialled from elsewhere, e.g. "03606 650-123"',
    );
  let parsed: ReturnType<typeof parsePhoneNumberWithError>;
  try {
    parsed = parsePhoneNumberWithError(printed.replace(/[/–-]/g, ' '), 'DE');
  } catch (error) {
    throw new ChannelFormatError(printed, 'PHONE_NUMBER', `is not a phone number (${(error as Error).message})`);
  }
  if (!parsed.isValid()) throw new ChannelFormatError(printed, 'PHONE_NUMBER', 'is not a valid phone number');
  return parsed.number;
}

// "[at]", "(at)", "(a)", " at " and the like, written to fool address harvesters.
const obfuscatedAt = /\s*(?:\[\s*at\s*\]|\(\s*at\s*\)|\{\s*at\s*\}|\[\s*a\s*\]|\(\s*a\s*\)|\s+at\s+)\s*/i;
const plainAddress = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;

/** An e-mail address as printed, de-obfuscated and lower-cased. */
export function normaliseEmail(printed: string): string {
  const address = printed.trim().replace(obfuscatedAt, '@').toLowerCase();
  if (!plainAddress.test(address)) throw new ChannelFormatError(printed, 'EMAIL_ADDRESS', 'is not an e-mail address');
  return address;
}

function webFormAddress(printed: string): string {
  try {
    return new URL(printed).toString();
  } catch {
    throw new ChannelFormatError(printed, 'WEB_ADDRESS', 'is not a web address');
  }
}

/**
 * The normalised value of a channel as printed: E.164 for phones, mobiles and faxes, the plain
 * address for e-mail, the address of a web form where one is printed (else null: "E-Mail senden").
 */
export function channelValue(kind: string, printed: string): string | null {
  if (kind === 'EMAIL') return normaliseEmail(printed);
  if (kind === 'WEB_FORM') return /^https?:\/\//.test(printed) ? webFormAddress(printed) : null;
  return normalisePhone(printed);
}
