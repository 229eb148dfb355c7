// The shape of src/generated/datamodel.ts (written by scripts/datamodel-generator.mjs).
export interface DatamodelField {
  name: string;
  /** The column's name in SQL (@map), or the field's name. */
  dbName: string;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  isUpdatedAt: boolean;
  /** The native database type (@db.Date → "Date"), if one is set. */
  nativeType: string | null;
  /** For a relation: the scalar fields that hold its key. */
  relationFromFields: string[];
  /** The field's `///` comment. */
  documentation: string | null;
}

export interface DatamodelModel {
  name: string;
  /** The table's name in SQL (@@map), or the model's name. */
  dbName: string;
  documentation: string | null;
  primaryKey: string[];
  fields: DatamodelField[];
}

/** @public the type of src/generated/datamodel.ts, which knip does not read (generated, not committed) */
export interface Datamodel {
  models: Record<string, DatamodelModel>;
}
