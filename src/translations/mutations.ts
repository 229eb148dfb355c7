// translate: editors add or change the translation of one text of a record of their district
// (administrators: of the shared catalogue). Written like every edit: the record locked first,
// an editorial source for the day, audited, and announced in the change feed as a change of the
// record (its version goes up).
import { randomUUID } from 'node:crypto';
import { recordAudit } from '../audit/record.js';
import type { TokenViewer } from '../auth/viewer.js';
import { builder } from '../builder.js';
import { badInput, notFound } from '../common/errors.js';
import { decodeGlobalId } from '../common/globalId.js';
import { berlinDate } from '../common/history.js';
import { db } from '../db/client.js';
import { sqlTable } from '../db/datamodel.js';
import { dataLockKey } from '../db/locks.js';
import { editorialSource } from '../editing/editorialSource.js';
import { Prisma } from '../generated/prisma/client.js';
import { bcp47Translation } from '../rules/values.js';
import { isTranslatable, type TranslatableType, translatableFields } from './fields.js';
import { LocalizedText } from './types.js';

const TranslateInput = builder.inputType('TranslateInput', {
  description: 'One text of a record in another language.',
  fields: (t) => ({
    subject: t.id({ required: true, description: 'The record’s `id` (an offer, a post, a concept, office hours, a vocabulary entry …).' }),
    field: t.string({ required: true, description: 'Which text, e.g. "title" (see `localized { field }`).' }),
    language: t.string({ required: true, description: 'The language, a BCP 47 tag such as "en", "ar", "uk".' }),
    text: t.string({ required: true, description: 'The text in that language.' }),
    machine: t.boolean({ description: 'True if a machine translated it (it is marked as such).', defaultValue: false }),
  }),
});

/** The table whose row is locked and whose district decides: a contact for its office hours. */
async function ownerOf(type: TranslatableType, id: string): Promise<{ table: string; id: string; districtId: string | null } | null> {
  if (type === 'OfficeHours') {
    const hours = await db().officeHours.findUnique({ where: { id }, select: { contact: { select: { id: true, districtId: true } } } });
    return hours && { table: sqlTable('Contact'), id: hours.contact.id, districtId: hours.contact.districtId };
  }
  const column = type === 'Offer' || type === 'Position' || type === 'IntegrationConcept' ? '"districtId"' : 'NULL';
  const rows = await db().$queryRaw<{ districtId: string | null }[]>`
    SELECT ${Prisma.raw(column)} AS "districtId" FROM ${Prisma.raw(sqlTable(type))} WHERE id = ${id}`;
  return rows[0] ? { table: sqlTable(type), id, districtId: rows[0].districtId } : null;
}

function parseInput(input: { subject: string; field: string; language: string; text: string }) {
  const { typename, id } = decodeGlobalId(input.subject);
  if (!(typename in translatableFields)) throw badInput(`A ${typename} has no translatable texts.`, 'input.subject');
  const type = typename as TranslatableType;
  if (!isTranslatable(type, input.field)) {
    throw badInput(`"${input.field}" is not a translatable text of ${type}: ${translatableFields[type].join(', ')}.`, 'input.field');
  }
  const language = bcp47Translation.safeParse(input.language);
  if (!language.success) throw badInput(`"language" ${language.error.issues[0]!.message}.`, 'input.language');
  if (!input.text.trim() || input.text.length > 10_000)
    throw badInput('"text" must not be empty, and at most 10,000 characters.', 'input.text');
  return { type, id };
}

builder.mutationField('translate', (t) =>
  t.field({
    type: LocalizedText,
    description:
      'Add or change the translation of one text of a record. Needs an editor token of the record’s district (an administrator for the shared vocabularies).',
    args: { input: t.arg({ type: TranslateInput, required: true, description: 'The translation.' }) },
    authScopes: async (_root, { input }) => {
      try {
        const { type, id } = parseInput(input);
        const owner = await ownerOf(type, id);
        return owner?.districtId ? { editorOf: owner.districtId } : { admin: true };
      } catch {
        return { editor: true }; // the resolver reports what is wrong with the input
      }
    },
    resolve: async (_root, { input }, context) => {
      const { type, id } = parseInput(input);
      const owner = await ownerOf(type, id);
      if (!owner) throw notFound(`No ${type} with this ID.`);
      return db().$transaction(async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock_shared(${dataLockKey})`;
        // The record first, then (in recordAudit) the feed: the order every edit keeps.
        await tx.$queryRaw`SELECT id FROM ${Prisma.raw(owner.table)} WHERE id = ${owner.id} FOR UPDATE`;
        const source = await editorialSource(tx, owner.districtId, context.now);
        const where = {
          entityType_entityId_field_language: { entityType: type, entityId: id, field: input.field, language: input.language },
        };
        const before = await tx.translation.findUnique({ where });
        const values = { text: input.text, machine: input.machine ?? false, translatedOn: berlinDate(context.now), sourceId: source.id };
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
        await recordAudit(
          tx,
          context.viewer as TokenViewer,
          {
            action: before ? 'UPDATE' : 'CREATE',
            entityType: 'Translation',
            entityId: after.id,
            districtId: owner.districtId,
            before,
            after,
          },
          source.created,
        );
        return { field: after.field, text: after.text, language: after.language, fellBack: false, machine: after.machine };
      });
    },
  }),
);
