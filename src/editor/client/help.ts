// What a field means, in the API's own words: the committed schema's descriptions, bundled by
// scripts/build-pages.mjs, so that the app keeps no second copy of them. In German, their
// translation (src/editor/descriptions.de.json, keyed by the English text: a description that
// changes has no translation until it is translated again, and says itself in English meanwhile).
import descriptions from 'virtual:schema-descriptions';
import german from '../descriptions.de.json' with { type: 'json' };
import type { Language } from './texts.js';

export interface Help {
  text: string;
  /** The language the text is in (an English description under German labels is marked so for screen readers). */
  lang: Language;
}

/** The schema's description of an input field, e.g. helpOf('ChannelInput', 'printed', 'de'), in the app's language where translated. */
export function helpOf(type: string, part: string, language: Language): Help | undefined {
  const text = descriptions[`${type}.${part}`];
  if (!text) return undefined;
  const translated = language === 'de' ? (german as Record<string, string>)[text] : undefined;
  return translated ? { text: translated, lang: 'de' } : { text, lang: 'en' };
}

/** An enum's values as the committed schema lists them (each is described there), e.g. valuesOf('ConceptStatus'). */
export const valuesOf = <Value extends string>(type: string): Value[] =>
  Object.keys(descriptions)
    .filter((key) => key.startsWith(`${type}.`))
    .map((key) => key.slice(type.length + 1) as Value);
