// How the package format changes without breaking the packages already written.
// - Additive changes keep the version: a new table or a new optional column. A package written
//   before them lacks them: a table it leaves out is not described by it (its records stay as
//   the database holds them), a column it leaves out is empty, as always.
// - A breaking change (a column renamed or removed, a new required column, a changed meaning)
//   raises `packageFormatVersion` and adds to `upgrades` the step that rewrites a package of
//   the previous version, so that every package ever written still imports.
export const packageFormatVersion = 1;

type PackageContent = Record<string, unknown>;
export type Upgrade = (dataPackage: PackageContent) => PackageContent;

/** `upgrades[v]` turns a package of format version v into one of version v + 1. */
const upgrades: Readonly<Record<number, Upgrade>> = {};

/**
 * The package in the current format: upgraded step by step from the version it was written
 * for, or a problem when it is newer than this release (or names no version it could have).
 */
export function upgradePackage(
  content: unknown,
  steps: Readonly<Record<number, Upgrade>> = upgrades,
  current = packageFormatVersion,
): { content: unknown; problem?: string } {
  if (typeof content !== 'object' || content === null || Array.isArray(content)) return { content };
  let upgraded = content as PackageContent;
  const version = upgraded.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { content };
  if (version > current) {
    return {
      content,
      problem: `was written for format version ${version}; this release reads versions 1 to ${current}: update the server first`,
    };
  }
  for (let from = version; from < current; from++) {
    const step = steps[from];
    if (!step) return { content, problem: `format version ${from} has no upgrade to version ${from + 1}` };
    upgraded = { ...step(upgraded), formatVersion: from + 1 };
  }
  return { content: upgraded };
}
