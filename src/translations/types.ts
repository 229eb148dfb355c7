// Texts in the reader's language: every translatable field answers in the language asked for
// (its `lang` argument, else Accept-Language) where a translation exists, otherwise in German;
// `localized` says for each text which language it is in and whether it fell back, and
// `availableLanguages` lists the record's languages. Editors set translations with `saveTranslation`.
import type { FieldRef } from '@pothos/core';
import { bestMatch, languageArgument } from '../common/languages.js';
import type { Translation } from '../generated/prisma/client.js';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { sourceLanguage, type TranslatableType, translatableFields } from '../rules/translatable.js';
import { recordKey, translationsOf } from './loader.js';

export interface LocalizedTextShape {
  field: string;
  text: string;
  language: string;
  fellBack: boolean;
  machine: boolean;
}

export const LocalizedText = builder.objectRef<LocalizedTextShape>('LocalizedText').implement({
  description: 'A text in the language asked for, or — where there is no translation — in German.',
  fields: (t) => ({
    field: t.exposeString('field', { description: 'Which text of the record, e.g. "title".' }),
    text: t.exposeString('text', { description: 'The text.' }),
    language: t.exposeString('language', { description: 'Its language (BCP 47), e.g. "ar"; "de" for the original.' }),
    fellBack: t.exposeBoolean('fellBack', {
      description: 'True where another language was asked for and the German original is given instead.',
    }),
    machine: t.exposeBoolean('machine', { description: 'True where the translation was made by a machine.' }),
  }),
});

const wantedLanguages = (lang: string | null | undefined, context: Context) => (lang ? [languageArgument(lang)] : context.languages);

/**
 * Whether the reader gets the German originals whatever is translated: no language asked for,
 * or German first (the original is always there, so `localize` picks it). Most requests are
 * such; they need not load the translations.
 */
const originalsWanted = (wanted: string[]) => wanted.length === 0 || wanted[0]!.split('-')[0] === sourceLanguage;

/** One text of a record in the language asked for. */
function localize(translations: Translation[], field: string, original: string, wanted: string[]): LocalizedTextShape {
  const ofField = translations.filter((translation) => translation.field === field);
  const match = bestMatch(wanted, [sourceLanguage, ...ofField.map((translation) => translation.language)]);
  const translation = match && match !== sourceLanguage ? ofField.find((candidate) => candidate.language === match) : undefined;
  if (translation) return { field, text: translation.text, language: translation.language, fellBack: false, machine: translation.machine };
  return { field, text: original, language: sourceLanguage, fellBack: wanted.length > 0 && match !== sourceLanguage, machine: false };
}

const langArgument = { description: 'The language to answer in (BCP 47, e.g. "ar"); default: the request’s Accept-Language, else German.' };

type Record = { id: string } & { [field: string]: unknown };

/** A translatable text field: the same String as before, in the language asked for. */
// The field builders of the eight types differ in their generics; `t` is whichever of them.
// biome-ignore lint/suspicious/noExplicitAny: see above
type AnyFieldBuilder = any;

export function translatedString<Shape extends Record>(
  t: AnyFieldBuilder,
  type: TranslatableType,
  field: string,
  options: { description?: string; nullable?: boolean } = {},
): FieldRef<Types, string | null> {
  return t.string({
    nullable: options.nullable ?? false,
    description: `${options.description ? `${options.description} ` : ''}In the language asked for where translated, otherwise German (see \`localized\`).`,
    args: { lang: t.arg.string(langArgument) },
    resolve: async (record: Shape, args: { lang?: string | null }, context: Context) => {
      const original = record[field] as string | null;
      const wanted = wantedLanguages(args.lang, context);
      if (original == null || originalsWanted(wanted)) return original;
      const translations = await translationsOf(context, recordKey(type, record.id));
      return localize(translations, field, original, wanted).text;
    },
  });
}

/** `localized` and `availableLanguages` for a translatable type. */
export function translationFields<Shape extends Record>(t: AnyFieldBuilder, type: TranslatableType) {
  return {
    localized: t.field({
      type: [LocalizedText],
      description: 'Each translatable text in the language asked for, saying its language and whether it fell back to German.',
      args: { lang: t.arg.string(langArgument) },
      resolve: async (record: Shape, args: { lang?: string | null }, context: Context) => {
        const wanted = wantedLanguages(args.lang, context);
        const translations = originalsWanted(wanted) ? [] : await translationsOf(context, recordKey(type, record.id));
        return translatableFields[type]
          .filter((field) => record[field] != null)
          .map((field) => localize(translations, field, record[field] as string, wanted));
      },
    }),
    availableLanguages: t.stringList({
      description: 'The languages its texts are available in: German, and those of its translations.',
      resolve: async (record: Shape, _args: unknown, context: Context) => {
        const translations = await translationsOf(context, recordKey(type, record.id));
        return [...new Set([sourceLanguage, ...translations.map((translation) => translation.language)])];
      },
    }),
  };
}
