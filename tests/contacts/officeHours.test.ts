import { describe, expect, test } from 'vitest';
import { publicHolidays } from '../../src/calendar/holidays.js';
import { holidayAt, isOpenAt, nextChangeAfter, osmOpeningHours, weeklyIntervalsFrom } from '../../src/contacts/officeHours.js';

describe('public holidays', () => {
  test('Thüringen 2026 has Weltkindertag, Sachsen has Buß- und Bettag instead', () => {
    const th = publicHolidays('TH', 2026);
    const sn = publicHolidays('SN', 2026);
    expect(th).toContainEqual({ date: '2026-09-20', name: 'Weltkindertag' });
    expect(th.map((h) => h.date)).not.toContain('2026-11-18');
    expect(sn).toContainEqual({ date: '2026-11-18', name: 'Buß- und Bettag' });
    expect(sn.map((h) => h.date)).not.toContain('2026-09-20');
    expect(
      th.filter((h) => ['Karfreitag', 'Ostermontag', 'Christi Himmelfahrt', 'Pfingstmontag'].includes(h.name)).map((h) => h.date),
    ).toEqual(['2026-04-03', '2026-04-06', '2026-05-14', '2026-05-25']);
    expect(th).toHaveLength(11);
    expect(sn).toHaveLength(11);
  });

  test('Weltkindertag only from 2019; Buß- und Bettag falls on the Wednesday before 23 November', () => {
    expect(publicHolidays('TH', 2018).map((h) => h.name)).not.toContain('Weltkindertag');
    expect(publicHolidays('SN', 2023).find((h) => h.name === 'Buß- und Bettag')?.date).toBe('2023-11-22');
    expect(publicHolidays('SN', 2028).find((h) => h.name === 'Buß- und Bettag')?.date).toBe('2028-11-22');
  });
});

describe('isOpenAt', () => {
  // Frau Weise's office hours (Kyffhäuserkreis, Thüringen).
  const intervals = [
    { weekday: 1, opens: '09:00', closes: '11:00' },
    { weekday: 1, opens: '13:00', closes: '20:00' },
    { weekday: 3, opens: '14:00', closes: '17:30' },
    { weekday: 5, opens: '09:00', closes: '11:30' },
  ];
  const ask = (at: string, state = 'TH') => isOpenAt({ intervals, timeZone: 'Europe/Berlin', state, at: new Date(at) });

  test('in local time, summer and winter', () => {
    expect(ask('2016-07-04T08:30:00Z')).toBe(true); // Monday 10:30 CEST
    expect(ask('2016-07-04T09:00:00Z')).toBe(false); // 11:00 CEST, closing time
    expect(ask('2016-07-04T17:59:00Z')).toBe(true); // 19:59 CEST
    expect(ask('2016-12-05T08:30:00Z')).toBe(true); // Monday 09:30 CET
    expect(ask('2016-12-05T07:30:00Z')).toBe(false); // 08:30 CET
    expect(ask('2016-07-06T15:29:00Z')).toBe(true); // Wednesday 17:29 CEST
    expect(ask('2016-07-05T10:00:00Z')).toBe(false); // Tuesday
  });

  test('closed on a public holiday of the state, open on one of another state', () => {
    expect(ask('2016-03-28T08:30:00Z')).toBe(false); // Ostermontag
    expect(holidayAt({ timeZone: 'Europe/Berlin', state: 'TH', at: new Date('2016-03-28T08:30:00Z') })).toBe('Ostermontag');
    // Buß- und Bettag 2026 (Wednesday 18 Nov, 15:00): a holiday in Sachsen only.
    expect(ask('2026-11-18T14:00:00Z', 'SN')).toBe(false);
    expect(ask('2026-11-18T14:00:00Z', 'TH')).toBe(true);
    // Weltkindertag 2028 falls on a Wednesday: a holiday in Thüringen only.
    expect(ask('2028-09-20T13:00:00Z', 'TH')).toBe(false);
    expect(ask('2028-09-20T13:00:00Z', 'SN')).toBe(true);
  });

  test('unknown without weekly intervals (appointments only)', () => {
    expect(isOpenAt({ intervals: [], timeZone: 'Europe/Berlin', state: 'TH', at: new Date() })).toBeNull();
  });
});

describe('opening hours in OpenStreetMap syntax, and when they change next', () => {
  const intervals = [
    { weekday: 3, opens: '14:00', closes: '17:30' },
    { weekday: 1, opens: '13:00', closes: '20:00' },
    { weekday: 1, opens: '09:00', closes: '11:00' },
    { weekday: 5, opens: '09:00', closes: '11:30' },
  ];
  const next = (at: string, state = 'TH') => {
    const change = nextChangeAfter({ intervals, timeZone: 'Europe/Berlin', state, at: new Date(at) });
    return change && { at: change.at.toISOString(), opens: change.opens };
  };

  test('the weekly intervals as OpenStreetMap opening_hours, public holidays closed', () => {
    expect(osmOpeningHours(intervals)).toBe('Mo 09:00-11:00,13:00-20:00; We 14:00-17:30; Fr 09:00-11:30; PH off');
    expect(osmOpeningHours([])).toBeNull();
  });

  test('closing and opening later the same day, and across days', () => {
    expect(next('2026-11-23T08:30:00Z')).toEqual({ at: '2026-11-23T10:00:00.000Z', opens: false }); // Monday 09:30 CET → closes 11:00
    expect(next('2026-11-23T10:30:00Z')).toEqual({ at: '2026-11-23T12:00:00.000Z', opens: true }); // → opens 13:00
    expect(next('2026-11-23T19:30:00Z')).toEqual({ at: '2026-11-25T13:00:00.000Z', opens: true }); // Monday night → Wednesday 14:00
  });

  test('across a public holiday: Reformationstag 2025 is a Friday in Thüringen and Sachsen', () => {
    expect(next('2025-10-29T17:00:00Z')).toEqual({ at: '2025-11-03T08:00:00.000Z', opens: true }); // Wednesday night → Monday 09:00
  });

  test('across the change to summer time: Monday 30 March 2026 opens at 09:00 CEST', () => {
    expect(next('2026-03-27T12:00:00Z')).toEqual({ at: '2026-03-30T07:00:00.000Z', opens: true });
  });

  test('none without weekly intervals (appointments only)', () => {
    expect(nextChangeAfter({ intervals: [], timeZone: 'Europe/Berlin', state: 'TH', at: new Date() })).toBeNull();
  });
});

describe('weekly hours given in OpenStreetMap syntax', () => {
  test('read into weekly intervals, public holidays closed anyway', () => {
    expect(weeklyIntervalsFrom('Mo 09:00-11:00,13:00-20:00; We 14:00-17:30; Fr 09:00-11:30; PH off')).toEqual({
      intervals: [
        { weekday: 1, opens: '09:00', closes: '11:00' },
        { weekday: 1, opens: '13:00', closes: '20:00' },
        { weekday: 3, opens: '14:00', closes: '17:30' },
        { weekday: 5, opens: '09:00', closes: '11:30' },
      ],
    });
    expect(weeklyIntervalsFrom('Mo-Fr 08:00-12:00')).toEqual({
      intervals: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens: '08:00', closes: '12:00' })),
    });
  });

  test('what is not weekly hours is refused with the reason', () => {
    expect(weeklyIntervalsFrom('Dec 24 off; Mo 09:00-10:00')).toEqual({ problem: 'must be the same every week: give dates as exceptions' });
    expect(weeklyIntervalsFrom('Mo 22:00-02:00')).toEqual({ problem: 'must not run past midnight (22:00–02:00): give two intervals' });
    expect(weeklyIntervalsFrom('nonsense')).toMatchObject({ problem: expect.stringMatching(/^is not OpenStreetMap opening_hours syntax/) });
  });
});
