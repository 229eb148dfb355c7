import type { Prisma } from '../../src/generated/prisma/client.js';

/** Rows for every table, in the shape Prisma's createMany takes. */
export interface SeedData {
  /** Sources that belong to no district (they come first: districts cite them). */
  referenceSources: Prisma.SourceCreateManyInput[];
  sources: Prisma.SourceCreateManyInput[];
  states: Prisma.StateCreateManyInput[];
  districts: Prisma.DistrictCreateManyInput[];
  municipalities: Prisma.MunicipalityCreateManyInput[];
  units: Prisma.OrganisationalUnitCreateManyInput[];
  roles: Prisma.RoleCreateManyInput[];
  tasks: Prisma.TaskCreateManyInput[];
  positions: Prisma.PositionCreateManyInput[];
  positionTasks: Prisma.PositionTaskCreateManyInput[];
  persons: Prisma.PersonCreateManyInput[];
  contacts: Prisma.ContactCreateManyInput[];
  channels: Prisma.ContactChannelCreateManyInput[];
  addresses: Prisma.AddressCreateManyInput[];
  officeHours: Prisma.OfficeHoursCreateManyInput[];
  intervals: Prisma.OfficeHourIntervalCreateManyInput[];
  funders: Prisma.FunderCreateManyInput[];
  programmes: Prisma.FundingProgrammeCreateManyInput[];
  projects: Prisma.ProjectCreateManyInput[];
  fundings: Prisma.FundingCreateManyInput[];
  fieldsOfAction: Prisma.FieldOfActionCreateManyInput[];
  concepts: Prisma.IntegrationConceptCreateManyInput[];
  milestones: Prisma.ConceptMilestoneCreateManyInput[];
  conceptFields: Prisma.ConceptFieldOfActionCreateManyInput[];
  partners: Prisma.PartnerCreateManyInput[];
  offers: Prisma.OfferCreateManyInput[];
  offerPlaces: Prisma.OfferPlaceCreateManyInput[];
  cooperations: Prisma.CooperationCreateManyInput[];
  networks: Prisma.NetworkCreateManyInput[];
  networkSupports: Prisma.NetworkSupportCreateManyInput[];
  indicators: Prisma.IndicatorCreateManyInput[];
  indicatorValues: Prisma.IndicatorValueCreateManyInput[];
  documents: Prisma.DocumentCreateManyInput[];
}

export type SeedPart = Partial<SeedData>;
