// Statutory public holidays of the states the graph covers, from `date-holidays` (a well-kept
// calendar of every German state). State-wide ones only: the regional days the library knows
// (Fronleichnam in some municipalities of the Eichsfeld, the Unstrut-Hainich-Kreis, the
// Wartburgkreis and the Landkreis Bautzen) hold in some towns of those districts, not in all,
// and the graph does not know which towns an office follows.
import Holidays from 'date-holidays';

export interface Holiday {
  /** "YYYY-MM-DD" */
  date: string;
  name: string;
}

export const statesWithHolidays = ['TH', 'SN'] as const;
export type HolidayState = (typeof statesWithHolidays)[number];

const calendars = new Map<HolidayState, Holidays>();
const yearsCache = new Map<string, Holiday[]>();

function calendarOf(state: HolidayState): Holidays {
  let calendar = calendars.get(state);
  if (!calendar) {
    calendar = new Holidays('DE', state, { languages: ['de'], types: ['public'] });
    calendars.set(state, calendar);
  }
  return calendar;
}

export function publicHolidays(state: HolidayState, year: number): Holiday[] {
  const key = `${state}:${year}`;
  let holidays = yearsCache.get(key);
  if (!holidays) {
    holidays = calendarOf(state)
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => ({ date: holiday.date.slice(0, 10), name: holiday.name }))
      .sort((x, y) => x.date.localeCompare(y.date));
    yearsCache.set(key, holidays);
  }
  return holidays;
}

export function isHolidayState(code: string): code is HolidayState {
  return (statesWithHolidays as readonly string[]).includes(code);
}
