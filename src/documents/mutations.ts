// Editors list their district's published documents: concepts, guidelines, newsletters.
import { builder } from '../builder.js';
import type { Issue } from '../common/mutationErrors.js';
import { db } from '../db/client.js';
import { localId } from '../editing/changes.js';
import { checkWebAddress, entityMutations, givenColumns } from '../editing/entityMutations.js';
import { DocumentKind } from '../generated/prisma/enums.js';
import { Document } from './types.js';

const DocumentFields = builder.inputType('DocumentFieldsInput', {
  description: 'A published document. In a change, fields left out keep their value.',
  fields: (t) => ({
    title: t.string({ description: 'Title as published.' }),
    kind: t.field({ type: DocumentKind, description: 'Concept, guideline, newsletter …' }),
    format: t.string({ description: 'File format, e.g. "PDF".' }),
    issued: t.field({ type: 'PartialDate', description: '"Stand" or issue date.' }),
    url: t.string({ description: 'Where to get it (http or https).' }),
    concept: t.id({ description: 'The integration concept it belongs to (global ID, same district).' }),
    programme: t.string({ description: 'The funding programme it belongs to, by key.' }),
  }),
});

type DocumentFieldsInput = typeof DocumentFields.$inferInput;

async function checkDocument(fields: DocumentFieldsInput, districtId: string, issues: Issue[]) {
  const resolved: { conceptId?: string; programmeId?: string } = {};
  checkWebAddress(fields.url, 'fields.url', issues);
  if (fields.concept) {
    const id = localId(String(fields.concept), 'IntegrationConcept', 'fields.concept', issues);
    if (id && (await db().integrationConcept.findUnique({ where: { id } }))?.districtId !== districtId)
      issues.push({ path: 'fields.concept', message: `is not a concept of district ${districtId}` });
    else resolved.conceptId = id;
  }
  if (fields.programme) {
    if (await db().fundingProgramme.findUnique({ where: { id: fields.programme } })) resolved.programmeId = fields.programme;
    else issues.push({ path: 'fields.programme', message: `"${fields.programme}" is not a funding programme` });
  }
  return resolved;
}

const columns = (fields: DocumentFieldsInput) => givenColumns(fields, ['concept', 'programme']);

entityMutations({
  entity: 'Document',
  noun: 'document',
  article: 'a',
  required: ['title', 'kind'],
  ref: Document,
  fields: DocumentFields,
  check: checkDocument,
  load: (tx, id) => tx.document.findUnique({ where: { id } }),
  async create(tx, { id, districtId, sourceId, fields, checked }) {
    await tx.document.create({
      data: { ...columns(fields), ...checked, title: fields.title!, kind: fields.kind!, id, districtId, sourceId },
    });
  },
  async update(tx, { id, fields, checked }) {
    await tx.document.update({ where: { id }, data: { ...columns(fields), ...checked, version: { increment: 1 } } });
  },
  archive: (tx, id, now) =>
    tx.document.update({ where: { id }, data: { archivedAt: now, version: { increment: 1 } } }).then(() => undefined),
});
