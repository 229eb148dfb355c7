// Editors record how their district's posts, projects and measures are funded.
import { builder } from '../builder.js';
import type { Issue } from '../common/mutationErrors.js';
import { db } from '../db/client.js';
import { localId } from '../editing/changes.js';
import { entityMutations, givenColumns } from '../editing/entityMutations.js';
import { Funding } from './types.js';

const FundingFields = builder.inputType('FundingFieldsInput', {
  description: 'A funding. In a change, fields left out keep their value.',
  fields: (t) => ({
    description: t.string({ description: 'What is funded, in the words of the funding notice.' }),
    programme: t.string({ description: 'The programme, by key (see `fundingProgrammes`); its funder is taken from it.' }),
    funder: t.string({ description: 'The funder, by key ("eu", "freistaat-thueringen" …), where no programme is named.' }),
    position: t.id({ description: 'The funded post (global ID of a Position of the district).' }),
    project: t.id({ description: 'The funded project (global ID of a Project of the district).' }),
    sharePercent: t.float({ description: 'Share of the cost covered, in percent (more than 0, at most 100).' }),
    periodStart: t.field({ type: 'PartialDate', description: 'Start of the funded period.' }),
    periodEnd: t.field({ type: 'PartialDate', description: 'End of the funded period.' }),
  }),
});

type FundingFieldsInput = typeof FundingFields.$inferInput;

/** Resolves programme, funder, post and project to their keys, checking they fit the district. */
async function checkFunding(fields: FundingFieldsInput, districtId: string, issues: Issue[], creating: boolean) {
  const resolved: { programmeId?: string; funderId?: string; positionId?: string; projectId?: string } = {};
  if (fields.programme) {
    const programme = await db().fundingProgramme.findUnique({ where: { id: fields.programme } });
    if (!programme) issues.push({ path: 'fields.programme', message: `"${fields.programme}" is not a funding programme` });
    else Object.assign(resolved, { programmeId: programme.id, funderId: programme.funderId });
  } else if (fields.funder) {
    if (await db().funder.findUnique({ where: { id: fields.funder } })) resolved.funderId = fields.funder;
    else issues.push({ path: 'fields.funder', message: `"${fields.funder}" is not a funder` });
  } else if (creating) {
    issues.push({ path: 'fields.programme', message: 'a programme or a funder is required' });
  }
  if (fields.position) {
    const id = localId(String(fields.position), 'Position', 'fields.position', issues);
    if (id && (await db().position.findUnique({ where: { id } }))?.districtId !== districtId)
      issues.push({ path: 'fields.position', message: `is not a post of district ${districtId}` });
    else resolved.positionId = id;
  }
  if (fields.project) {
    const id = localId(String(fields.project), 'Project', 'fields.project', issues);
    if (id && (await db().project.findUnique({ where: { id } }))?.districtId !== districtId)
      issues.push({ path: 'fields.project', message: `is not a project of district ${districtId}` });
    else resolved.projectId = id;
  }
  if (fields.sharePercent != null && !(fields.sharePercent > 0 && fields.sharePercent <= 100)) {
    issues.push({ path: 'fields.sharePercent', message: 'must be more than 0 and at most 100' });
  }
  if (fields.periodStart && fields.periodEnd && fields.periodStart > fields.periodEnd) {
    issues.push({ path: 'fields.periodEnd', message: `must not be before the start (${fields.periodStart})` });
  }
  return resolved;
}

const columns = (fields: FundingFieldsInput) => givenColumns(fields, ['programme', 'funder', 'position', 'project']);

entityMutations({
  entity: 'Funding',
  noun: 'funding',
  article: 'a',
  required: ['description'],
  ref: Funding,
  fields: FundingFields,
  check: checkFunding,
  load: (tx, id) => tx.funding.findUnique({ where: { id } }),
  async create(tx, { id, districtId, sourceId, fields, checked }) {
    await tx.funding.create({
      data: { ...columns(fields), ...checked, funderId: checked.funderId!, description: fields.description!, id, districtId, sourceId },
    });
  },
  async update(tx, { id, fields, checked }) {
    await tx.funding.update({ where: { id }, data: { ...columns(fields), ...checked, version: { increment: 1 } } });
  },
  archive: (tx, id, now) =>
    tx.funding.update({ where: { id }, data: { archivedAt: now, version: { increment: 1 } } }).then(() => undefined),
});
