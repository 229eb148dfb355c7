// "Open now?": weekly intervals in local time, closed on the state's public holidays.
import { isHolidayState, publicHolidays } from '../calendar/holidays.js';

export interface Interval {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  opens: string;
  closes: string;
}

interface LocalTime {
  date: string;
  weekday: number;
  minutes: number;
}

const weekdays: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

/** Formatters are costly to build and cheap to use: one per time zone, kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function localTime(moment: Date, timeZone: string): LocalTime {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(moment)
      .map((part) => [part.type, part.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: weekdays[parts.weekday!]!,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

const toMinutes = (time: string) => {
  const [hours, minutes] = time.split(':').map(Number);
  return hours! * 60 + minutes!;
};

export interface OpeningQuestion {
  intervals: Interval[];
  timeZone: string;
  /** State code, for its public holidays. */
  state: string;
  at: Date;
}

/** The holiday at that moment in that state, if any. */
export function holidayAt({ timeZone, state, at }: Omit<OpeningQuestion, 'intervals'>): string | null {
  if (!isHolidayState(state)) return null;
  const { date } = localTime(at, timeZone);
  return publicHolidays(state, Number(date.slice(0, 4))).find((holiday) => holiday.date === date)?.name ?? null;
}

/** Whether the office hours are running at `at`; null when there are no weekly intervals to tell. */
export function isOpenAt(question: OpeningQuestion): boolean | null {
  if (question.intervals.length === 0) return null;
  if (holidayAt(question)) return false;
  const { weekday, minutes } = localTime(question.at, question.timeZone);
  return question.intervals.some(
    (interval) => interval.weekday === weekday && toMinutes(interval.opens) <= minutes && minutes < toMinutes(interval.closes),
  );
}
