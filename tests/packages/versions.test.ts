// The format's versioning rule: packages of the current version pass as they are, older ones are
// upgraded step by step, newer ones are refused with a message that says what to do.
import { expect, test } from 'vitest';
import { packageFormatVersion, type Upgrade, upgradePackage } from '../../src/packages/versions.js';

const header = (formatVersion: number) => ({
  format: 'integrationsgraph/data-package',
  formatVersion,
  kind: 'district',
  district: '16065',
});

test('a package of the current version is taken as it is', () => {
  const content = { ...header(packageFormatVersion), tables: {} };
  expect(upgradePackage(content)).toEqual({ content });
});

test('a package of a newer version is refused, naming both versions', () => {
  const { problem } = upgradePackage({ ...header(packageFormatVersion + 1), tables: {} });
  expect(problem).toBe(
    `was written for format version ${packageFormatVersion + 1}; this release reads versions 1 to ${packageFormatVersion}: update the server first`,
  );
});

test('an older package is upgraded through every step in order', () => {
  // A format at version 3 whose version 2 renamed a table and whose version 3 added a column.
  const steps: Record<number, Upgrade> = {
    1: ({ tables, ...rest }) => {
      const { oldName, ...others } = tables as Record<string, unknown[]>;
      return { ...rest, tables: { ...others, newName: oldName } };
    },
    2: ({ tables, ...rest }) => ({
      ...rest,
      tables: { newName: ((tables as { newName: object[] }).newName ?? []).map((row) => ({ ...row, added: 'default' })) },
    }),
  };
  const { content, problem } = upgradePackage({ ...header(1), tables: { oldName: [{ id: 'a' }] } }, steps, 3);
  expect(problem).toBeUndefined();
  expect(content).toEqual({ ...header(3), tables: { newName: [{ id: 'a', added: 'default' }] } });
});

test('a missing upgrade step is a problem, not a silent pass', () => {
  expect(upgradePackage({ ...header(1), tables: {} }, {}, 2).problem).toBe('format version 1 has no upgrade to version 2');
});
