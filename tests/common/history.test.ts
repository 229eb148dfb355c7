import { describe, expect, test } from 'vitest';
import { berlinDate, isValidOn } from '../../src/common/history.js';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('berlinDate', () => {
  test('late evening UTC is already the next day in Berlin', () => {
    expect(berlinDate(new Date('2026-11-22T23:30:00Z'))).toEqual(day('2026-11-23'));
    expect(berlinDate(new Date('2026-07-01T21:59:00Z'))).toEqual(day('2026-07-01'));
    expect(berlinDate(new Date('2026-07-01T22:00:00Z'))).toEqual(day('2026-07-02'));
  });
});

describe('isValidOn', () => {
  const weise = { validFrom: day('2016-06-01'), validTo: day('2019-12-31') };
  test('from is inclusive, to is exclusive, open bounds are open', () => {
    expect(isValidOn(weise, day('2016-06-01'))).toBe(true);
    expect(isValidOn(weise, day('2016-05-31'))).toBe(false);
    expect(isValidOn(weise, day('2019-12-30'))).toBe(true);
    expect(isValidOn(weise, day('2019-12-31'))).toBe(false);
    expect(isValidOn({ validFrom: null, validTo: null }, day('1990-01-01'))).toBe(true);
  });
});
