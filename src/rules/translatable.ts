// Which texts can carry translations: those meant for the public, by record type. German is the
// language of the sources; every other language is a translation of it.
import type { ModelName } from '../db/datamodel.js';

export const translatableFields = {
  Offer: ['title', 'description'],
  Position: ['title'],
  OfficeHours: ['printed'],
  IntegrationConcept: ['title', 'summary'],
  FieldOfAction: ['germanName'],
  Role: ['germanName', 'description'],
  Task: ['germanWording'],
  Indicator: ['germanName', 'description'],
} as const satisfies Partial<Record<ModelName, readonly string[]>>;

export type TranslatableType = keyof typeof translatableFields;

export const isTranslatable = (type: string, field: string): boolean =>
  (translatableFields as Record<string, readonly string[]>)[type]?.includes(field) ?? false;

/** The language of the sources, which every text has. */
export const sourceLanguage = 'de';
