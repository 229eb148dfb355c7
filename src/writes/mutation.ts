// Every mutation is made of the same parts: who may call it, checking the input (every problem
// at once, in the order of the input's fields), and writing it in the one write transaction
// (transaction.ts). It takes one argument, `input` — what names the record at its top (`district`,
// or `id` and `version`), what is written into it under `fields` — and answers with the one
// error contract (errorTypes.ts). Domain modules compose these parts; entityMutations.ts composes
// them for records that are created, changed and archived as a whole.
import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { type GraphQLInputObjectType, type GraphQLResolveInfo, getNamedType, isInputObjectType } from 'graphql';
import { keyOfType } from '../common/globalId.js';
import type { ModelName } from '../db/datamodel.js';
import { builder, type Types } from '../graphql/builder.js';
import type { Context } from '../graphql/context.js';
import { districtKeyForScope, parseDistrictAgs } from '../rules/districtKeys.js';
import { said } from '../rules/issues.js';
import { mutationErrors } from './errorTypes.js';
import { ownerOf } from './ownership.js';
import { type Issue, Problems, ValidationError } from './problems.js';
import { notAnId } from './references.js';
import { type Actor, anonymousReader, type Write, type WriteOptions, write } from './transaction.js';

/** Who may call a mutation, as @pothos/plugin-scope-auth scopes. */
export type AccessRule = { editorOf: string } | { stewardOf: string } | { admin: true } | { editor: true } | { auditor: true };

/** Editors of the district the input names (AGS). */
export const editorsOfDistrict = (ags: string): AccessRule => ({ editorOf: districtKeyForScope(ags) });

/** Editors of the district the record named by global ID belongs to (administrators for the shared catalogue). */
export async function editorsOfRecord(model: ModelName, globalId: string | number): Promise<AccessRule> {
  const key = keyOfType(globalId, model);
  const owner = key === null ? null : await ownerOf(model, key);
  if (owner && !owner.districtId) return { admin: true };
  return { editorOf: owner?.districtId ?? '' }; // an ID of nothing names no district; the mutation reports it
}

/** The local key of a record named by global ID in the input, checked to be of the model. */
export function recordId(model: ModelName, globalId: string | number, path: string, problems: Problems): string {
  const key = keyOfType(globalId, model);
  if (key === null) problems.add(path, notAnId(model));
  return key ?? '';
}

/** The district (AGS) an input names; '' and a problem at `path` if it names none. */
export function inputDistrict(ags: string, path: string, problems: Problems): string {
  try {
    return parseDistrictAgs(ags, path);
  } catch (error) {
    problems.add(path, said('DISTRICT_KEY', (error as Error).message));
    return '';
  }
}

/**
 * The fields an input writes into the record: under `fields`, or — while the older flat form is
 * deprecated — beside what names the record. Problems of the fields are reported where they
 * were given; both forms at once is a problem.
 */
export function givenFields<Fields extends object>(
  input: { fields?: Fields | null },
  flatNames: readonly (keyof Fields & string)[],
  problems: Problems,
): { fields: Fields; problems: Problems } {
  const flat = input as Record<string, unknown>;
  if (input.fields == null) return { fields: Object.fromEntries(flatNames.map((name) => [name, flat[name]])) as Fields, problems };
  for (const name of flatNames)
    if (flat[name] != null) problems.add(name, said('DEPRECATED_INPUT', 'is deprecated beside `fields`: give it under `fields` only'));
  return { fields: input.fields, problems: problems.within('fields') };
}

export interface MutationSpec<Input, Prepared, Shape extends object> {
  /** What the mutation returns. */
  ref: ObjectRef<Types, Shape>;
  /** Lower-case noun for descriptions of its results, e.g. "offer". */
  noun: string;
  description: string;
  input: InputObjectRef<Types, Input>;
  inputDescription: string;
  /** Who may call it; left out: anyone (a reader's problem report). */
  authorise?(input: Input): AccessRule | Promise<AccessRule>;
  /** Checks the input and settles its references, adding every problem found; runs before any write. */
  prepare(input: Input, problems: Problems, context: Context): Promise<Prepared>;
  /** Writes in the write transaction and returns the record as it is now. */
  write(write: Write, input: Input, prepared: Prepared, context: Context): Promise<Shape>;
  /** Rules the field declares for the HTTP edge (src/http/fieldDeclarations.ts), e.g. a budget per address. */
  extensions?: Record<string, unknown>;
  /** How it takes the data lock (see WriteOptions): a package import alone, records of no district's data not at all. */
  dataLock?: WriteOptions['dataLock'];
  timeoutMs?: number;
}

/** Runs a mutation's checks and its write outside GraphQL's field: for a deprecated field that answers the old way. */
export type MutationRun<Input, Shape> = (input: Input, context: Context, info: GraphQLResolveInfo) => Promise<Shape>;

/** The token's holder, or a reader without one. */
const actorOf = (context: Context): Actor => context.viewer ?? anonymousReader;

/** A mutation `name(input: …)` answering the record or why nothing was changed. */
export function writeMutation<Input, Prepared, Shape extends object>(
  name: string,
  spec: MutationSpec<Input, Prepared, Shape>,
): { run: MutationRun<Input, Shape> } {
  // Pothos resolves argument and result types from concrete refs; over this kit's generic Input
  // and Shape its conditional types stay open, so the refs are widened here, once, and the
  // input is read back as the type its ref was built for.
  const type = spec.ref as ObjectRef<Types, object>;
  const inputType = spec.input as InputObjectRef<Types, object>;
  const run: MutationRun<Input, Shape> = async (input, context, info) => {
    const problems = new Problems();
    const prepared = await spec.prepare(input, problems, context);
    if (problems.any) throw sortedByInput(problems, info.schema.getType(spec.input.name) as GraphQLInputObjectType);
    return write({ actor: actorOf(context), now: context.now, dataLock: spec.dataLock, timeoutMs: spec.timeoutMs }, (handle) =>
      spec.write(handle, input, prepared, context),
    );
  };
  builder.mutationField(name, (t) =>
    t.field({
      type,
      description: spec.description,
      extensions: spec.extensions,
      errors: mutationErrors(spec.noun),
      args: { input: t.arg({ type: inputType, required: true, description: spec.inputDescription }) },
      ...(spec.authorise ? { authScopes: (_parent: unknown, args: { input: object }) => spec.authorise!(args.input as Input) } : {}),
      resolve: (_root, args, context, info) => run(args.input as Input, context, info),
    }),
  );
  return { run };
}

/** The ValidationError of the problems, in the order the input type declares its fields. */
function sortedByInput(problems: Problems, inputType: GraphQLInputObjectType): ValidationError {
  const rank = (issue: Issue) => fieldRanks(inputType, issue.path.split(/[.[]/));
  const ranked = problems.issues.map((issue, index) => ({ issue, rank: [...rank(issue), index] }));
  ranked.sort((a, b) => compareRanks(a.rank, b.rank));
  return new ValidationError(ranked.map(({ issue }) => issue));
}

/**
 * The position of each path segment among the declared fields. The schema lists them sorted by
 * name (Pothos sorts it; the federation SDL's interface order relies on that), and Pothos gives
 * no other access to the order they were declared in than its config store.
 */
function fieldRanks(type: GraphQLInputObjectType, segments: string[]): number[] {
  const [first, ...rest] = segments;
  // An item of a list ("places[1]"): by its position, then by its own fields.
  const item = /^(\d+)\]$/.exec(first ?? '');
  if (item) return [Number(item[1]), ...fieldRanks(type, rest)];
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
