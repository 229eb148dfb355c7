// Expected failures of a write: what is wrong with the input (every problem at once, each with
// its path, code and parameters), a stale version, a missing record. Plain classes, free of
// GraphQL: the package import and the scripts use them as well as the mutations (their GraphQL
// types: errorTypes.ts).
import type { Said } from '../rules/issues.js';

export interface Issue extends Said {
  /** Path of the input field, e.g. "channels[1].printed". */
  path: string;
}

export class ValidationError extends Error {
  constructor(readonly issues: Issue[]) {
    super(
      `The input has ${issues.length} problem${issues.length === 1 ? '' : 's'}: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
  }
}

export class VersionConflictError extends Error {
  constructor(
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      `The record was changed by someone else: you read version ${expectedVersion}, it is now at ${currentVersion}. Reload it and apply your change again.`,
    );
  }
}

export class NotFoundError extends Error {}

const pathJoin = (prefix: string, path: string) =>
  !prefix ? path : !path ? prefix : path.startsWith('[') ? `${prefix}${path}` : `${prefix}.${path}`;

/** Collects problems while a write is checked; nothing is written while there are any. */
export class Problems {
  constructor(
    readonly issues: Issue[] = [],
    private readonly prefix = '',
  ) {}

  add(path: string, problem: Said): void {
    this.issues.push({ path: pathJoin(this.prefix, path), ...problem });
  }

  /** The same list, for the input object at `path`: what is added there is reported under it. */
  within(path: string): Problems {
    return new Problems(this.issues, pathJoin(this.prefix, path));
  }

  get any(): boolean {
    return this.issues.length > 0;
  }

  throwIfAny(): void {
    if (this.issues.length) throw new ValidationError(this.issues);
  }
}
