// Which kinds of record name the page of each of their facts (`fieldSources`, on the API's
// ChangeTracked types): a fact source about any other kind would be stored where nobody reads it.
import type { ModelName } from '../db/datamodel.js';

export const typesWithFieldSources: readonly ModelName[] = [
  'Contact',
  'District',
  'Document',
  'FieldOfAction',
  'Funding',
  'FundingProgramme',
  'Indicator',
  'IndicatorValue',
  'IntegrationConcept',
  'Network',
  'Offer',
  'Partner',
  'Position',
  'Project',
  'Role',
  'Source',
  'State',
  'Task',
];
