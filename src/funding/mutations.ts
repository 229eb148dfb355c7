// Editors record how their district's posts, projects and measures are funded.

import { db } from '../db/client.js';
import { builder } from '../graphql/builder.js';
import { said } from '../rules/issues.js';
import { sameNames } from '../writes/checks.js';
import { entityMutations } from '../writes/entityMutations.js';
import type { Problems } from '../writes/problems.js';
import { catalogueKey, recordOfDistrict, unknownEntry } from '../writes/references.js';
import { Funding } from './types.js';

const FundingFields = builder.inputType('FundingFieldsInput', {
  description: 'A funding. In a change, fields left out keep their value; null empties an optional one.',
  fields: (t) => ({
    description: t.string({ description: 'What is funded, in the words of the funding notice.' }),
    programme: t.string({
      description: 'The programme, by key (see `fundingProgrammes`); its funder is taken from it, and stays when the programme is emptied.',
    }),
    funder: t.string({ description: 'The funder, by key ("eu", "freistaat-thueringen" …), where no programme is named.' }),
    position: t.id({ description: 'The funded post (global ID of a Position of the district).' }),
    project: t.id({ description: 'The funded project (global ID of a Project of the district).' }),
    sharePercent: t.float({ description: 'Share of the cost covered, in percent (more than 0, at most 100).' }),
    periodStart: t.field({ type: 'PartialDate', description: 'Start of the funded period.' }),
    periodEnd: t.field({ type: 'PartialDate', description: 'End of the funded period.' }),
  }),
});

type FundingFieldsInput = typeof FundingFields.$inferInput;

/** Programme, funder, post and project by their keys, checked to fit the district; a programme brings its funder. */
async function resolveFunding(fields: FundingFieldsInput, districtId: string, problems: Problems, creating: boolean) {
  const columns: { programmeId?: string; funderId?: string; positionId?: string; projectId?: string } = {};
  if (fields.programme) {
    const programme = await db().fundingProgramme.findUnique({ where: { id: fields.programme } });
    if (programme) Object.assign(columns, { programmeId: programme.id, funderId: programme.funderId });
    else problems.add('fields.programme', unknownEntry('FundingProgramme', fields.programme, 'a funding programme'));
  } else if (fields.funder) {
    columns.funderId = await catalogueKey('Funder', fields.funder, 'fields.funder', problems, 'a funder');
  } else if (creating) {
    problems.add('fields.programme', said('PROGRAMME_OR_FUNDER', 'a programme or a funder is required'));
  }
  if (fields.position)
    columns.positionId = await recordOfDistrict('Position', fields.position, districtId, 'fields.position', problems, 'a post');
  if (fields.project)
    columns.projectId = await recordOfDistrict('Project', fields.project, districtId, 'fields.project', problems, 'a project');
  return { columns };
}

entityMutations({
  model: 'Funding',
  noun: 'funding',
  article: 'a',
  ref: Funding,
  fields: FundingFields,
  columns: sameNames('description', 'sharePercent', 'periodStart', 'periodEnd'),
  references: { programme: 'programmeId', position: 'positionId', project: 'projectId' },
  resolve: resolveFunding,
  load: (tx, id) => tx.funding.findUnique({ where: { id } }),
});
