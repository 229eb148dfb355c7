// saveTranslation: editors add or change the translation of one text of a record of their
// district (administrators: of the shared catalogue). Written like every edit: the record (for
// office hours, their contact) locked first, an editorial source for the day, audited, and
// announced in the change feed as a change of the record (its version goes up).
import { randomUUID } from 'node:crypto';
import { decodeGlobalId } from '../common/globalId.js';
import { berlinDate } from '../common/history.js';
import type { ModelName } from '../db/datamodel.js';
import { builder } from '../graphql/builder.js';
import { said } from '../rules/issues.js';
import { isTranslatable, type TranslatableType, translatableFields } from '../rules/translatable.js';
import { bcp47Translation } from '../rules/values.js';
import { saidOfZod } from '../rules/zodIssues.js';
import { answeredAsBefore } from '../writes/deprecated.js';
import { type AccessRule, writeMutation } from '../writes/mutation.js';
import { ownerOf } from '../writes/ownership.js';
import { NotFoundError, type Problems } from '../writes/problems.js';
import { LocalizedText } from './types.js';

const TranslationFieldsInput = builder.inputType('TranslationFieldsInput', {
  description: 'A translation of one text.',
  fields: (t) => ({
    text: t.string({ required: true, description: 'The text in that language (at most 10,000 characters).' }),
    machine: t.boolean({ description: 'True if a machine translated it (it is marked as such).', defaultValue: false }),
  }),
});

const SaveTranslationInput = builder.inputType('SaveTranslationInput', {
  description: 'One text of a record in another language.',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The record’s `id` (an offer, a post, a concept, office hours, a vocabulary entry …).' }),
    field: t.string({ required: true, description: 'Which text, e.g. "title" (see `localized { field }`).' }),
    language: t.string({ required: true, description: 'The language, a BCP 47 tag such as "en", "ar", "uk".' }),
    fields: t.field({ type: TranslationFieldsInput, required: true, description: 'The translation.' }),
  }),
});

type SaveTranslation = typeof SaveTranslationInput.$inferInput;

/** The translated record: its type and key, if the subject names one that has translatable texts. */
function subjectOf(subject: string): { type: TranslatableType; id: string } | null {
  try {
    const { typename, id } = decodeGlobalId(subject);
    return typename in translatableFields ? { type: typename as TranslatableType, id } : null;
  } catch {
    return null;
  }
}

/** The text a translation is of: a translatable text of a record, in a language other than German. */
interface TextOf {
  subject: string;
  field: string;
  language: string;
}

function checkText(input: TextOf, problems: Problems): { type: TranslatableType; id: string } | null {
  const subject = subjectOf(input.subject);
  if (!subject)
    problems.add(
      'subject',
      said('NOT_AN_ID', 'is not the ID of a record with translatable texts (an offer, a post, a concept, office hours …)', {
        type: 'record with translatable texts',
      }),
    );
  else if (!isTranslatable(subject.type, input.field)) {
    const message = `"${input.field}" is not a translatable text of ${subject.type}: ${translatableFields[subject.type].join(', ')}`;
    problems.add('field', said('NOT_TRANSLATABLE', message, { field: input.field, type: subject.type }));
  }
  const language = bcp47Translation.safeParse(input.language);
  if (!language.success) problems.add('language', saidOfZod(language.error.issues[0]!));
  return subject;
}

function checkInput(input: SaveTranslation, problems: Problems): { type: TranslatableType; id: string } | null {
  const subject = checkText(input, problems);
  if (!input.fields.text.trim() || input.fields.text.length > 10_000)
    problems.add(
      'fields.text',
      input.fields.text.trim()
        ? said('TOO_LONG', 'must not be empty, and at most 10,000 characters', { max: '10000' })
        : said('NOT_EMPTY', 'must not be empty, and at most 10,000 characters'),
    );
  return subject;
}

/** Its district's editors translate a record; administrators the shared catalogue. */
async function translators<Input extends TextOf>(input: Input): Promise<AccessRule> {
  const subject = subjectOf(input.subject);
  const owner = subject && (await ownerOf(subject.type as ModelName, subject.id));
  if (!owner) return { editor: true }; // the mutation reports what is wrong with the input
  return owner.districtId ? { editorOf: owner.districtId } : { admin: true };
}

/** The checked subject with its owner (the record that is locked and whose version goes up); null where problems are answered. */
async function ownedSubject(subject: { type: TranslatableType; id: string } | null, problems: Problems) {
  if (!subject || problems.any) return null;
  const owner = await ownerOf(subject.type as ModelName, subject.id);
  if (!owner) throw new NotFoundError(`No ${subject.type} with this ID.`);
  return { ...subject, owner };
}

const whereText = (type: TranslatableType, id: string, { field, language }: TextOf) => ({
  entityType_entityId_field_language: { entityType: type, entityId: id, field, language },
});

const save = writeMutation('saveTranslation', {
  ref: LocalizedText,
  noun: 'translation',
  description:
    'Add or change the translation of one text of a record. Needs an editor token of the record’s district (an administrator for the shared vocabularies).',
  inputDescription: 'The translation.',
  input: SaveTranslationInput,
  authorise: translators,
  prepare: (input, problems) => ownedSubject(checkInput(input, problems), problems),
  async write(write, input, prepared) {
    const { type, id, owner } = prepared!;
    const { tx } = write;
    await write.lock(owner.model, owner.id);
    const sourceId = await write.editorialSource(owner.districtId);
    const where = whereText(type, id, input);
    const before = await tx.translation.findUnique({ where });
    const values = { text: input.fields.text, machine: input.fields.machine ?? false, translatedOn: berlinDate(write.now), sourceId };
    const after = await tx.translation.upsert({
      where,
      create: {
        id: randomUUID(),
        entityType: type,
        entityId: id,
        field: input.field,
        language: input.language,
        districtId: owner.districtId,
        ...values,
      },
      update: values,
    });
    write.audit({
      action: before ? 'UPDATE' : 'CREATE',
      entityType: 'Translation',
      entityId: after.id,
      districtId: owner.districtId,
      before,
      after,
    });
    return { field: after.field, text: after.text, language: after.language, fellBack: false, machine: after.machine };
  },
});

const RemoveTranslationInput = builder.inputType('RemoveTranslationInput', {
  description: 'Which translation: one text of a record in one language.',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The record’s `id`.' }),
    field: t.string({ required: true, description: 'Which text, e.g. "title".' }),
    language: t.string({ required: true, description: 'The language, a BCP 47 tag such as "en", "ar", "uk".' }),
  }),
});

writeMutation('removeTranslation', {
  ref: LocalizedText,
  noun: 'translation removed',
  description:
    'Remove the translation of one text of a record: readers asking in that language get the German text again (`fellBack`). Audited as an ARCHIVE of the translation, with its text before. Needs the same token as saveTranslation.',
  inputDescription: 'The translation to remove.',
  input: RemoveTranslationInput,
  authorise: translators,
  prepare: (input, problems) => ownedSubject(checkText(input, problems), problems),
  async write(write, input, prepared) {
    const { type, id, owner } = prepared!;
    const { tx } = write;
    await write.lock(owner.model, owner.id);
    const before = await tx.translation.findUnique({ where: whereText(type, id, input) });
    if (!before) throw new NotFoundError(`${type} has no translation of "${input.field}" into "${input.language}".`);
    await tx.translation.delete({ where: { id: before.id } });
    write.audit({ action: 'ARCHIVE', entityType: 'Translation', entityId: before.id, districtId: owner.districtId, before, after: null });
    return { field: before.field, text: before.text, language: before.language, fellBack: false, machine: before.machine };
  },
});

const TranslateInput = builder.inputType('TranslateInput', {
  description: 'One text of a record in another language (the input of the deprecated `translate`).',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The record’s `id`.' }),
    field: t.string({ required: true, description: 'Which text, e.g. "title".' }),
    language: t.string({ required: true, description: 'The language, a BCP 47 tag.' }),
    text: t.string({ required: true, description: 'The text in that language.' }),
    machine: t.boolean({ description: 'True if a machine translated it.', defaultValue: false }),
  }),
});

const asSaveInput = ({ text, machine, ...rest }: typeof TranslateInput.$inferInput): SaveTranslation => ({
  ...rest,
  fields: { text, machine },
});

builder.mutationField('translate', (t) =>
  t.field({
    type: LocalizedText,
    description: 'Add or change the translation of one text of a record (answers failures as errors).',
    deprecationReason: 'Use saveTranslation, which answers failures as typed results.',
    args: { input: t.arg({ type: TranslateInput, required: true, description: 'The translation.' }) },
    authScopes: (_root, { input }) => translators(asSaveInput(input)),
    resolve: (_root, { input }, context, info) => answeredAsBefore(save.run(asSaveInput(input), context, info)),
  }),
);
