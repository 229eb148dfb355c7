// Which language a request asks for: a `lang` argument, else Accept-Language (RFC 9110 q-values).
import { badInput, quote } from './errors.js';

/** The canonical BCP 47 tag ("EN-gb" → "en-GB"), or null for something that is none. */
export function canonicalTag(tag: string): string | null {
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** A `lang` argument: one BCP 47 tag, refused with the reason otherwise. */
export function languageArgument(lang: string, argument = 'lang'): string {
  const tag = canonicalTag(lang);
  if (!tag) throw badInput(`${quote(lang)} is not a BCP 47 language tag (e.g. "en", "ar", "uk").`, argument);
  return tag;
}

/** The languages of an Accept-Language header, most wanted first; at most five, unreadable entries left out. */
export function acceptedLanguages(header: string | null): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((entry) => {
      const [tag = '', ...parameters] = entry.trim().split(';');
      const q = Number(
        parameters
          .find((parameter) => parameter.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim() === '*' ? null : canonicalTag(tag.trim()), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((entry): entry is { tag: string; q: number } => !!entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q)
    .slice(0, 5)
    .map((entry) => entry.tag);
}

/** Whether a translation in `available` serves a reader of `wanted` ("en" serves "en-GB", and the other way round). */
export function bestMatch(wanted: readonly string[], available: readonly string[]): string | null {
  for (const tag of wanted) {
    const exact = available.find((candidate) => candidate === tag);
    if (exact) return exact;
    const primary = tag.split('-')[0];
    const related = available.find((candidate) => candidate.split('-')[0] === primary);
    if (related) return related;
  }
  return null;
}
