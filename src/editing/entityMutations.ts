// create<Entity>, update<Entity> and archive<Entity> for records that belong to one district,
// from a description of the entity: its editable fields, their checks and how they are written.
// Authorization (editors of the record's district), validation, version, audit and the
// transaction come from here and src/editing/changes.ts.

import { randomUUID } from 'node:crypto';
import type { InputObjectRef, ObjectRef } from '@pothos/core';
import { builder, type Types } from '../builder.js';
import { type Issue, mutationErrors, ValidationError } from '../common/mutationErrors.js';
import type { Context } from '../context.js';
import type { Tx } from '../db/client.js';
import { districtKeyForScope, parseDistrictAgs } from '../districts/ags.js';
import { changeAudited, createAudited, districtOf, type EditableTable, localId } from './changes.js';

interface Versioned {
  districtId: string | null;
  version: number;
  archivedAt: Date | null;
}

export interface EntityMutations<Shape extends Versioned, Fields extends object, Checked> {
  entity: EditableTable;
  /** Lower-case noun for descriptions, e.g. "offer", and its indefinite article. */
  noun: string;
  article: 'a' | 'an';
  /** Fields a new record must have (and a change may not empty). */
  required: (keyof Fields & string)[];
  ref: ObjectRef<Types, Shape>;
  fields: InputObjectRef<Types, Fields>;
  /** Checks the fields beyond the required ones and returns what writing needs. */
  check(fields: Fields, districtId: string, issues: Issue[], creating: boolean): Promise<Checked>;
  create(tx: Tx, row: { id: string; districtId: string; sourceId: string; fields: Fields; checked: Checked }): Promise<void>;
  update(tx: Tx, row: { id: string; sourceId: string; fields: Fields; checked: Checked }): Promise<void>;
  archive(tx: Tx, id: string, now: Date): Promise<void>;
  load(tx: Tx, id: string): Promise<Shape | null>;
}

// Pothos cannot infer argument shapes from input types built inside a generic function, so the
// resolvers below are typed by hand and handed over with `as never`; the GraphQL input types
// they are given are built right next to them.
type CreateArgs<Fields> = { input: { district: string; fields: Fields } };
type UpdateArgs<Fields> = { input: { id: string | number; version: number; fields: Fields } };
type ArchiveArgs = { input: { id: string | number; version: number } };

export function entityMutations<Shape extends Versioned, Fields extends object, Checked>(
  spec: EntityMutations<Shape, Fields, Checked>,
): void {
  const { entity, noun } = spec;
  const aNoun = `${spec.article} ${noun}`;
  const check = async (fields: Fields, districtId: string, issues: Issue[], creating: boolean) => {
    checkRequired(fields, spec.required, issues, creating);
    return spec.check(fields, districtId, issues, creating);
  };
  const errors = mutationErrors(noun);
  const editorsOfRecord = async (_parent: unknown, { input }: ArchiveArgs) => ({ editorOf: await districtOf(entity, String(input.id)) });

  builder.mutationField(`create${entity}`, (t) =>
    t.field({
      type: spec.ref,
      description: `Add ${aNoun} of your district. Needs an editor token of that district.`,
      errors,
      args: {
        input: t.arg({
          required: true,
          description: `The new ${noun}.`,
          type: builder.inputType(`Create${entity}Input`, {
            description: `A new ${noun} of a district.`,
            fields: (f) => ({
              district: f.string({ required: true, description: 'The district (AGS).' }),
              fields: f.field({ type: spec.fields, required: true, description: `The ${noun}; required: ${spec.required.join(', ')}.` }),
            }),
          }),
        }),
      },
      authScopes: ((_parent: unknown, { input }: CreateArgs<Fields>) => ({ editorOf: districtKeyForScope(input.district) })) as never,
      resolve: (async (_root: unknown, { input }: CreateArgs<Fields>, context: Context) => {
        const districtId = parseDistrictAgs(input.district, 'input.district');
        const issues: Issue[] = [];
        const checked = await check(input.fields, districtId, issues, true);
        if (issues.length) throw new ValidationError(issues);
        return createAudited({
          context,
          entityType: entity,
          districtId,
          load: spec.load,
          create: async (tx, sourceId) => {
            const id = randomUUID();
            await spec.create(tx, { id, districtId, sourceId, fields: input.fields, checked });
            return id;
          },
        });
      }) as never,
    }),
  );

  builder.mutationField(`update${entity}`, (t) =>
    t.field({
      type: spec.ref,
      description: `Change ${aNoun} of your district; fields left out keep their value.`,
      errors,
      args: {
        input: t.arg({
          required: true,
          description: 'The change.',
          type: builder.inputType(`Update${entity}Input`, {
            description: `A change of ${aNoun}.`,
            fields: (f) => ({
              id: f.id({ required: true, description: `The ${noun} (global ID).` }),
              version: f.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
              fields: f.field({ type: spec.fields, required: true, description: 'The fields to change.' }),
            }),
          }),
        }),
      },
      authScopes: editorsOfRecord as never,
      resolve: (async (_root: unknown, { input }: UpdateArgs<Fields>, context: Context) => {
        const issues: Issue[] = [];
        const id = localId(String(input.id), entity, 'id', issues);
        const checked = await check(input.fields, await districtOf(entity, String(input.id)), issues, false);
        if (issues.length) throw new ValidationError(issues);
        return changeAudited({
          context,
          entityType: entity,
          action: 'UPDATE',
          id,
          expectedVersion: input.version,
          load: spec.load,
          apply: async (tx, _before, sourceId) => {
            await spec.update(tx, { id, sourceId, fields: input.fields, checked });
            return id;
          },
        });
      }) as never,
    }),
  );

  builder.mutationField(`archive${entity}`, (t) =>
    t.field({
      type: spec.ref,
      description: `Withdraw ${aNoun}: it is no longer listed, and stays in the audit log.`,
      errors,
      args: {
        input: t.arg({
          required: true,
          description: `Which ${noun}.`,
          type: builder.inputType(`Archive${entity}Input`, {
            description: `Withdrawing ${aNoun}.`,
            fields: (f) => ({
              id: f.id({ required: true, description: `The ${noun} (global ID).` }),
              version: f.int({ required: true, description: 'The `version` you read.' }),
            }),
          }),
        }),
      },
      authScopes: editorsOfRecord as never,
      resolve: (async (_root: unknown, { input }: ArchiveArgs, context: Context) => {
        const issues: Issue[] = [];
        const id = localId(String(input.id), entity, 'id', issues);
        if (issues.length) throw new ValidationError(issues);
        return changeAudited({
          context,
          entityType: entity,
          action: 'ARCHIVE',
          id,
          expectedVersion: input.version,
          load: spec.load,
          apply: async (tx) => {
            await spec.archive(tx, id, context.now);
            return id;
          },
        });
      }) as never,
    }),
  );
}

function checkRequired<Fields extends object>(fields: Fields, names: (keyof Fields & string)[], issues: Issue[], creating: boolean) {
  for (const name of names) {
    const value = fields[name];
    if (creating && (value === undefined || value === null)) issues.push({ path: `fields.${name}`, message: 'is required' });
    else if (typeof value === 'string' && !value.trim()) issues.push({ path: `fields.${name}`, message: 'must not be empty' });
  }
}

/** An http(s) address, if given. */
export function checkWebAddress(url: string | null | undefined, path: string, issues: Issue[]) {
  if (!url) return;
  try {
    if (!/^https?:$/.test(new URL(url).protocol)) throw new Error();
  } catch {
    issues.push({ path, message: `"${url}" is not an http(s) address` });
  }
}

/** The columns given in a change: fields left out (or null) keep their value. */
export function givenColumns<Fields extends object, Excluded extends keyof Fields = never>(
  fields: Fields,
  exclude: Excluded[] = [],
): { [K in Exclude<keyof Fields, Excluded>]?: NonNullable<Fields[K]> } {
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== undefined && value !== null && !exclude.includes(key as Excluded)),
  ) as { [K in Exclude<keyof Fields, Excluded>]?: NonNullable<Fields[K]> };
}
