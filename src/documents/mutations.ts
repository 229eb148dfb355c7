// Editors list their district's published documents: concepts, guidelines, newsletters.

import { DocumentKind } from '../generated/prisma/enums.js';
import { builder } from '../graphql/builder.js';
import { sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { catalogueKey, recordOfDistrict } from '../writes/references.js';
import { Document } from './types.js';

const DocumentFields = builder.inputType('DocumentFieldsInput', {
  description: 'A published document. In a change, fields left out keep their value; null empties an optional one.',
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

async function resolveDocument(fields: DocumentFieldsInput, districtId: string, problems: Problems) {
  const columns: { conceptId?: string; programmeId?: string } = {};
  if (fields.concept) {
    columns.conceptId = await recordOfDistrict('IntegrationConcept', fields.concept, districtId, 'fields.concept', problems, 'a concept');
  }
  if (fields.programme) {
    columns.programmeId = await catalogueKey('FundingProgramme', fields.programme, 'fields.programme', problems, 'a funding programme');
  }
  return { columns };
}

entityMutations({
  model: 'Document',
  noun: 'document',
  article: 'a',
  ref: Document,
  fields: DocumentFields,
  columns: sameNames('title', 'kind', 'format', 'issued', 'url'),
  references: { concept: 'conceptId', programme: 'programmeId' },
  resolve: resolveDocument,
  load: (tx, id) => tx.document.findUnique({ where: { id } }),
});
