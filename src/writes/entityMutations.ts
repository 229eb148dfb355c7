// create<Model>, update<Model> and archive<Model> for records of one district that are written
// as a whole: which input fields are columns (checked by the column rules, required ones taken
// from the data model), the checks only the database can make, and the lists the record owns.
// Authorization, transaction, version and audit come from the kit's parts (mutation.ts, records.ts).

import { randomUUID } from 'node:crypto';
import type { InputFieldMap, InputObjectRef, ObjectRef } from '@pothos/core';
import { db, type Tx } from '../db/client.js';
import { type EditableModel, genericDelegate } from '../db/datamodel.js';
import { builder, type Types } from '../graphql/builder.js';
import type { Row } from '../rules/columns.js';
import { notEmptiable, requiredValue } from '../rules/issues.js';
import type { Problems } from '../writes/problems.js';
import { type ColumnFields, checkColumns, requiredFields } from './checks.js';
import { editorsOfDistrict, editorsOfRecord, inputDistrict, recordId, writeMutation } from './mutation.js';
import { archiveRecord, changeRecord, createRecord } from './records.js';
import { emptiedReferences } from './references.js';
import type { VersionedRecord } from './transaction.js';

/** What the database settles about the input: columns it resolves (a programme's funder …) and what the lists need. */
interface Resolved<Lists> {
  columns: Row;
  lists?: Lists;
}

export interface EntityMutations<Shape extends VersionedRecord & object, Fields extends object, Lists> {
  model: EditableModel;
  /** Lower-case noun for descriptions, e.g. "offer", and its indefinite article. */
  noun: string;
  article: 'a' | 'an';
  ref: ObjectRef<Types, Shape>;
  fields: InputObjectRef<Types, Fields>;
  /** Input fields that fill a column of the model (checked by its rules). */
  columns: ColumnFields;
  /** Optional references by key that `resolve` turns into a column, and null empties in a change: `{ concept: 'conceptId' }`. */
  references?: Record<string, string>;
  /** Input fields that are required though they fill no column directly (a post's role by key …). */
  alsoRequired?: (keyof Fields & string)[];
  /** Checks that need the database (references to other records); adds problems, resolves keys. */
  resolve?(fields: Fields, districtId: string, problems: Problems, creating: boolean): Promise<Resolved<Lists>>;
  /** Replaces the lists the record owns (milestones, tasks, places) where the input gives them. */
  writeLists?(tx: Tx, id: string, fields: Fields, resolved: Resolved<Lists>, sourceId: string): Promise<void>;
  load(tx: Tx, id: string): Promise<Shape | null>;
}

/**
 * An input type of this kit: Pothos cannot infer a shape over the kit's generic Fields, so the
 * shape the fields describe is stated here, in one place.
 */
function inputOf<Shape>(
  name: string,
  description: string,
  fields: (t: PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>) => InputFieldMap,
): InputObjectRef<Types, Shape> {
  return builder.inputType(name, { description, fields }) as unknown as InputObjectRef<Types, Shape>;
}

type CreateInput<Fields> = { district: string; fields: Fields };
type UpdateInput<Fields> = { id: string | number; version: number; fields: Fields };
type ArchiveInput = { id: string | number; version: number };

export function entityMutations<Shape extends VersionedRecord & object, Fields extends object, Lists>(
  spec: EntityMutations<Shape, Fields, Lists>,
): void {
  const { model, noun } = spec;
  const aNoun = `${spec.article} ${noun}`;
  const required = [...requiredFields(model, spec.columns), ...(spec.alsoRequired ?? [])];

  const emptiable = new Set([...Object.keys(spec.columns), ...Object.keys(spec.references ?? {})]);
  const prepare = async (fields: Fields, districtId: string, problems: Problems, creating: boolean, stored?: Row) => {
    const row = checkColumns(model, fields, spec.columns, problems, { at: 'fields', creating, stored });
    for (const name of spec.alsoRequired ?? []) if (creating && fields[name] == null) problems.add(`fields.${name}`, requiredValue);
    // Null empties a value; where nothing can be emptied (a list of parts, a funder), it is said rather than read as "left out".
    for (const [name, value] of Object.entries(fields))
      if (!creating && value === null && !emptiable.has(name)) problems.add(`fields.${name}`, notEmptiable);
    const resolved = (await spec.resolve?.(fields, districtId, problems, creating)) ?? { columns: {} };
    const emptied = creating ? {} : emptiedReferences(fields, spec.references ?? {});
    return { row: { ...row, ...emptied, ...resolved.columns }, resolved };
  };

  writeMutation(`create${model}`, {
    ref: spec.ref,
    noun,
    description: `Add ${aNoun} of your district. Needs an editor token of that district.`,
    inputDescription: `The new ${noun}.`,
    input: inputOf<CreateInput<Fields>>(`Create${model}Input`, `A new ${noun} of a district.`, (f) => ({
      district: f.string({ required: true, description: 'The district (AGS).' }),
      fields: f.field({ type: spec.fields, required: true, description: `The ${noun}; required: ${required.join(', ')}.` }),
    })),
    authorise: (input) => editorsOfDistrict(input.district),
    prepare: async (input, problems) => {
      const districtId = inputDistrict(input.district, 'district', problems);
      return { districtId, ...(await prepare(input.fields, districtId, problems, true)) };
    },
    write: (write, input, { districtId, row, resolved }) =>
      createRecord(write, {
        model,
        districtId,
        load: spec.load,
        create: async (tx, sourceId) => {
          const id = randomUUID();
          await genericDelegate(tx, model).createMany({ data: [{ ...row, id, districtId, sourceId }] });
          await spec.writeLists?.(tx, id, input.fields, resolved, sourceId);
          return id;
        },
      }),
  });

  writeMutation(`update${model}`, {
    ref: spec.ref,
    noun,
    description: `Change ${aNoun} of your district; fields left out keep their value, and null empties an optional one.`,
    inputDescription: 'The change.',
    input: inputOf<UpdateInput<Fields>>(`Update${model}Input`, `A change of ${aNoun}.`, (f) => ({
      id: f.id({ required: true, description: `The ${noun} (global ID).` }),
      version: f.int({ required: true, description: 'The `version` you read; a stale one returns VersionConflictError.' }),
      fields: f.field({ type: spec.fields, required: true, description: 'The fields to change.' }),
    })),
    authorise: (input) => editorsOfRecord(model, input.id),
    prepare: async (input, problems) => {
      const id = recordId(model, input.id, 'id', problems);
      // The record as stored: its district, and the rules between its columns checked with the change laid
      // over it. Read outside the write: a change made after this read is a version conflict there anyway.
      const [stored] = id ? await genericDelegate(db(), model).findMany({ where: { id } }) : [];
      return { id, ...(await prepare(input.fields, String(stored?.districtId ?? ''), problems, false, stored)) };
    },
    write: (write, input, { id, row, resolved }) =>
      changeRecord(write, {
        model,
        action: 'UPDATE',
        id,
        expectedVersion: input.version,
        load: spec.load,
        apply: async (tx, _before, sourceId) => {
          await genericDelegate(tx, model).updateMany({ where: { id }, data: { ...row, version: { increment: 1 } } });
          await spec.writeLists?.(tx, id, input.fields, resolved, sourceId);
          return id;
        },
      }),
  });

  writeMutation(`archive${model}`, {
    ref: spec.ref,
    noun,
    description: `Withdraw ${aNoun}: it is no longer listed, and stays in the audit log.`,
    inputDescription: `Which ${noun}.`,
    input: inputOf<ArchiveInput>(`Archive${model}Input`, `Withdrawing ${aNoun}.`, (f) => ({
      id: f.id({ required: true, description: `The ${noun} (global ID).` }),
      version: f.int({ required: true, description: 'The `version` you read.' }),
    })),
    authorise: (input) => editorsOfRecord(model, input.id),
    prepare: async (input, problems) => recordId(model, input.id, 'id', problems),
    write: (write, input, id) => archiveRecord(write, model, id, input.version, spec.load),
  });
}
