// Statutory public holidays of the states the graph covers, state-wide ones only. Regional
// holidays (Fronleichnam in some Catholic municipalities of Thüringen and Sachsen) are not
// included: the graph does not yet know which municipalities keep them.

export interface Holiday {
  /** "YYYY-MM-DD" */
  date: string;
  name: string;
}

export const statesWithHolidays = ['TH', 'SN'] as const;
export type HolidayState = (typeof statesWithHolidays)[number];

const iso = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
const plusDays = (date: Date, days: number) => new Date(date.getTime() + days * 86_400_000);

/** Easter Sunday (Gregorian calendar; anonymous algorithm of Meeus/Jones/Butcher). */
export function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return utc(year, month, day);
}

/** Buß- und Bettag: the Wednesday before 23 November. */
function repentanceDay(year: number): Date {
  const november22 = utc(year, 11, 22);
  const back = (november22.getUTCDay() - 3 + 7) % 7; // 3 = Wednesday
  return plusDays(november22, -back);
}

export function publicHolidays(state: HolidayState, year: number): Holiday[] {
  const easter = easterSunday(year);
  const holidays: [Date, string][] = [
    [utc(year, 1, 1), 'Neujahr'],
    [plusDays(easter, -2), 'Karfreitag'],
    [plusDays(easter, 1), 'Ostermontag'],
    [utc(year, 5, 1), 'Tag der Arbeit'],
    [plusDays(easter, 39), 'Christi Himmelfahrt'],
    [plusDays(easter, 50), 'Pfingstmontag'],
    [utc(year, 10, 3), 'Tag der Deutschen Einheit'],
    [utc(year, 10, 31), 'Reformationstag'],
    [utc(year, 12, 25), '1. Weihnachtstag'],
    [utc(year, 12, 26), '2. Weihnachtstag'],
  ];
  // Thüringen: Weltkindertag since 2019 (Feiertagsgesetz, 2019).
  if (state === 'TH' && year >= 2019) holidays.push([utc(year, 9, 20), 'Weltkindertag']);
  if (state === 'SN') holidays.push([repentanceDay(year), 'Buß- und Bettag']);
  return holidays.map(([date, name]) => ({ date: iso(date), name })).sort((x, y) => x.date.localeCompare(y.date));
}

export function isHolidayState(code: string): code is HolidayState {
  return (statesWithHolidays as readonly string[]).includes(code);
}
