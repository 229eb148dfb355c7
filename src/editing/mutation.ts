// The parts every editing mutation is made of: who may call it, checking the input (every
// problem at once, in the order of the input's fields), and writing it through the audited
// transaction of changes.ts. Domain modules compose them; entityMutations.ts composes them for
// records that are created, changed and archived as a whole.
import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { type GraphQLInputObjectType, type GraphQLResolveInfo, getNamedType, isInputObjectType } from 'graphql';
import { builder, type Types } from '../builder.js';
import { decodeGlobalId } from '../common/globalId.js';
import { mutationErrors } from '../common/mutationErrors.js';
import { type Issue, Problems, ValidationError } from '../common/problems.js';
import type { Context } from '../context.js';
import { type EditableModel, genericDelegate } from '../db/datamodel.js';
import { districtKeyForScope } from '../districts/ags.js';
import { changeAudited, districtOf } from './changes.js';

type Scope = { editorOf: string };

/** Editors of the district the input names (AGS). */
export const editorsOfDistrict = (ags: string): Scope => ({ editorOf: districtKeyForScope(ags) });

/** Editors of the district the record named by global ID belongs to. */
export const editorsOfRecord = async (model: EditableModel, globalId: string | number): Promise<Scope> => ({
  editorOf: await districtOf(model, String(globalId)),
});

export interface EditingMutation<Input, Prepared, Shape extends object> {
  /** What the mutation returns. */
  ref: ObjectRef<Types, Shape>;
  /** Lower-case noun for descriptions of its results, e.g. "offer". */
  noun: string;
  description: string;
  input: InputObjectRef<Types, Input>;
  inputDescription: string;
  authorise(input: Input): Scope | Promise<Scope>;
  /** Checks the input and settles its references, adding every problem found; runs before any write. */
  prepare(input: Input, problems: Problems, context: Context): Promise<Prepared>;
  /** Writes (through createAudited or changeAudited) and returns the record as it is now. */
  write(input: Input, prepared: Prepared, context: Context): Promise<Shape>;
}

/** A mutation `name(input: …)` returning the record, or why nothing was changed. */
export function editingMutation<Input, Prepared, Shape extends object>(name: string, spec: EditingMutation<Input, Prepared, Shape>): void {
  // Pothos resolves argument and result types from concrete refs; over this kit's generic Input
  // and Shape its conditional types stay open, so the refs are widened here, once, and the
  // input is read back as the type its ref was built for.
  const type = spec.ref as ObjectRef<Types, object>;
  const inputType = spec.input as InputObjectRef<Types, object>;
  builder.mutationField(name, (t) =>
    t.field({
      type,
      description: spec.description,
      errors: mutationErrors(spec.noun),
      args: { input: t.arg({ type: inputType, required: true, description: spec.inputDescription }) },
      authScopes: (_parent, args) => spec.authorise(args.input as Input),
      resolve: async (_root, args, context, info) => {
        const input = args.input as Input;
        const problems = new Problems();
        const prepared = await spec.prepare(input, problems, context);
        if (problems.any) throw sortedByInput(problems, info);
        return spec.write(input, prepared, context);
      },
    }),
  );
}

/** The ValidationError of the problems, in the order the input type declares its fields. */
function sortedByInput(problems: Problems, info: GraphQLResolveInfo): Error {
  const inputType = getNamedType(info.parentType.getFields()[info.fieldName]!.args[0]!.type);
  const rank = (issue: Issue) => fieldRanks(inputType as GraphQLInputObjectType, issue.path.split(/[.[]/));
  const ranked = problems.issues.map((issue, index) => ({ issue, rank: [...rank(issue), index] }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return new ValidationError(ranked.map(({ issue }) => issue));
}

/** The position of each path segment among the declared fields (GraphQL's own schema is sorted by name). */
function fieldRanks(type: GraphQLInputObjectType, segments: string[]): number[] {
  const [first, ...rest] = segments;
  const names = [...builder.configStore.getFields(type.name, 'InputObject').keys()];
  const index = names.indexOf(first ?? '');
  if (index < 0) return [names.length];
  const fieldType = getNamedType(type.getFields()[first!]!.type);
  return [index, ...(isInputObjectType(fieldType) && rest.length ? fieldRanks(fieldType, rest) : [])];
}

function compareRanks(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? -1) - (b[i] ?? -1);
    if (difference) return difference;
  }
  return 0;
}

/** The local key of a record named by global ID in the input, checked to be of the model. */
export function recordId(model: EditableModel, globalId: string | number, path: string, problems: Problems): string {
  try {
    const decoded = decodeGlobalId(String(globalId));
    if (decoded.typename === model) return decoded.id;
  } catch {
    // reported below
  }
  problems.add(path, `is not the ID of a ${model}`);
  return '';
}

/** Withdraws a record: it is no longer listed, and stays with its history (the default archive). */
export function archiveRecord<Shape extends { districtId: string | null; version: number; archivedAt: Date | null }>(
  model: EditableModel,
  id: string,
  version: number,
  context: Context,
  load: Parameters<typeof changeAudited<Shape>>[0]['load'],
): Promise<Shape> {
  return changeAudited({
    context,
    entityType: model,
    action: 'ARCHIVE',
    id,
    expectedVersion: version,
    load,
    apply: async (tx) => {
      await genericDelegate(tx, model).updateMany({ where: { id }, data: { archivedAt: context.now, version: { increment: 1 } } });
      return id;
    },
  });
}
