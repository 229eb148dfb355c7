// The data model as the code uses it: table and column facts come from Prisma's own DMMF
// (src/generated/datamodel.ts), model names and accessors are checked by the compiler, so no
// registry has to match a name by convention.
import { datamodel } from '../generated/datamodel.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Tx } from './client.js';
import type { DatamodelField, DatamodelModel } from './datamodelTypes.js';

export type ModelName = Prisma.ModelName;

/** The stored columns of a model, as Prisma returns them. */
export type ScalarsOf<M extends ModelName> = Prisma.TypeMap['model'][M]['payload']['scalars'];

/** Models whose records belong to a district and that editors change under optimistic concurrency. */
export type EditableModel = {
  [M in ModelName]: ScalarsOf<M> extends { id: string; districtId: string | null; version: number; archivedAt: Date | null } ? M : never;
}[ModelName];

export const modelNames = Object.keys(datamodel.models) as ModelName[];

export function modelOf(name: ModelName): DatamodelModel {
  const found = datamodel.models[name];
  if (!found) throw new Error(`${name} is not a model of prisma/schema.prisma (run npm run generate)`);
  return found;
}

/** The table's name in SQL, quoted for interpolation into raw SQL (follows @@map). */
export function sqlTable(name: ModelName): string {
  return `"${modelOf(name).dbName.replaceAll('"', '""')}"`;
}

/** The columns a model stores (scalars and enums), in the schema's order. */
export function storedColumns(name: ModelName): DatamodelField[] {
  return modelOf(name).fields.filter((field) => field.kind === 'scalar' || field.kind === 'enum');
}

/** A DateTime column stored as a calendar date (@db.Date) rather than an instant. */
export const isDateOnly = (field: DatamodelField) => field.type === 'DateTime' && field.nativeType === 'Date';

/** Whether a model has a column. */
export const hasColumn = (name: ModelName, column: string) => modelOf(name).fields.some((field) => field.name === column);

/** The model a foreign-key column refers to, if it is one. */
export function referencedModel(name: ModelName, column: string): ModelName | undefined {
  const relation = modelOf(name).fields.find((field) => field.kind === 'object' && field.relationFromFields.includes(column));
  return relation?.type as ModelName | undefined;
}

const accessorName = <M extends ModelName>(name: M) => (name[0]!.toLowerCase() + name.slice(1)) as Uncapitalize<M>;

/** Prisma's delegate of a model (`tx.contactChannel` for ContactChannel); the compiler checks that every model has one. */
function delegateOf<M extends ModelName>(client: Tx, name: M): Tx[Uncapitalize<M>] {
  return client[accessorName(name)];
}

/** What code that handles every table alike calls on a delegate. */
export interface GenericDelegate {
  findMany(args: { where?: unknown; select?: unknown; orderBy?: unknown }): Promise<Record<string, unknown>[]>;
  createMany(args: { data: Record<string, unknown>[]; skipDuplicates?: boolean }): Promise<{ count: number }>;
  updateMany(args: { where: unknown; data: Record<string, unknown> }): Promise<{ count: number }>;
  deleteMany(args: { where: unknown }): Promise<{ count: number }>;
}

/** A model's delegate for code that handles every table alike (packages): Prisma's per-model types do not unite into one callable type. */
export function genericDelegate(client: Tx, name: ModelName): GenericDelegate {
  return delegateOf(client, name) as unknown as GenericDelegate;
}
