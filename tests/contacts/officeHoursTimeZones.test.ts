// Office hours are Berlin's whatever the server's time zone: the same answers from processes
// running in UTC and in New York (whose daylight saving time starts and ends on other days).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { rootDir } from '../../src/paths.js';

const expected = [
  { moment: '2026-11-23T08:30:00Z', open: true, next: 'closes 2026-11-23T10:00:00.000Z' },
  { moment: '2026-11-23T19:30:00Z', open: false, next: 'opens 2026-11-25T13:00:00.000Z' },
  { moment: '2026-03-16T08:30:00Z', open: true, next: 'closes 2026-03-16T10:00:00.000Z' },
  { moment: '2026-03-27T12:00:00Z', open: false, next: 'opens 2026-03-30T07:00:00.000Z' },
  { moment: '2026-10-23T08:30:00Z', open: true, next: 'closes 2026-10-23T09:30:00.000Z' },
  { moment: '2025-10-29T17:00:00Z', open: false, next: 'opens 2025-11-03T08:00:00.000Z' },
];

test.each(['UTC', 'America/New_York', 'Europe/Berlin', 'Asia/Kolkata'])('TZ=%s answers in Berlin time', async (timeZone) => {
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'tests/support/openingTable.ts'], {
    cwd: rootDir,
    env: { ...process.env, TZ: timeZone },
  });
  expect(JSON.parse(stdout)).toEqual({
    table: expected,
    instants: ['2019-12-30T23:00:00.000Z', '2026-03-29T01:00:00.000Z', '2026-10-25T11:00:00.000Z'],
  });
});
