// Loads the seed districts. Rows carry stable ids and are inserted with "skip duplicates",
// so a second run changes nothing; all of it happens in one transaction, under an advisory
// lock so that instances starting together against one database do not interleave.
import { seedData, type SeedData } from '../../prisma/seed/index.js';
import type { SeedPart } from '../../prisma/seed/types.js';
import type { PrismaClient } from '../generated/prisma/client.js';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

// Tables in the order their foreign keys need, each with its Prisma delegate.
const tables: { [K in keyof SeedData]: (tx: Transaction) => { createMany(args: { data: SeedData[K]; skipDuplicates: boolean }): Promise<{ count: number }> } } = {
  referenceSources: (tx) => tx.source,
  states: (tx) => tx.state,
  districts: (tx) => tx.district,
  sources: (tx) => tx.source,
  municipalities: (tx) => tx.municipality,
  units: (tx) => tx.organisationalUnit,
  roles: (tx) => tx.role,
  tasks: (tx) => tx.task,
  positions: (tx) => tx.position,
  positionTasks: (tx) => tx.positionTask,
  persons: (tx) => tx.person,
  contacts: (tx) => tx.contact,
  channels: (tx) => tx.contactChannel,
  addresses: (tx) => tx.address,
  officeHours: (tx) => tx.officeHours,
  intervals: (tx) => tx.officeHourInterval,
  funders: (tx) => tx.funder,
  programmes: (tx) => tx.fundingProgramme,
  projects: (tx) => tx.project,
  fundings: (tx) => tx.funding,
  fieldsOfAction: (tx) => tx.fieldOfAction,
  concepts: (tx) => tx.integrationConcept,
  milestones: (tx) => tx.conceptMilestone,
  conceptFields: (tx) => tx.conceptFieldOfAction,
  partners: (tx) => tx.partner,
  offers: (tx) => tx.offer,
  offerPlaces: (tx) => tx.offerPlace,
  cooperations: (tx) => tx.cooperation,
  networks: (tx) => tx.network,
  networkSupports: (tx) => tx.networkSupport,
  indicators: (tx) => tx.indicator,
  indicatorValues: (tx) => tx.indicatorValue,
  documents: (tx) => tx.document,
};

/** An arbitrary but fixed key for pg_advisory_xact_lock: "IGSEED" in ASCII. */
const seedLockKey = 0x494753454544n;

/** Inserts whatever of `data` is missing; returns the number of rows added per table. */
export async function seed(client: PrismaClient, data: SeedPart = seedData): Promise<Record<string, number>> {
  return client.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${seedLockKey})`;
      const added: Record<string, number> = {};
      for (const [table, delegate] of Object.entries(tables) as [keyof SeedData, (typeof tables)[keyof SeedData]][]) {
        const rows = data[table] ?? [];
        if (rows.length === 0) continue;
        const { count } = await delegate(tx).createMany({ data: rows as never, skipDuplicates: true });
        added[table] = count;
      }
      return added;
    },
    { timeout: 60_000 },
  );
}
