// "When can I go?": weekly intervals in the office's time zone (Europe/Berlin), closed on the
// state's public holidays. The OpenStreetMap `opening_hours` syntax is what the intervals are
// published as, and the `opening_hours` library answers "open at" and "next change" from it.
// That library reads dates in the process's own time zone; the office's wall-clock time is
// handed to it as such a local date and its answers turned back into instants, so a server
// running in UTC or New York answers as one in Berlin does.
import opening_hours from 'opening_hours';
import { isHolidayState, publicHolidays } from '../calendar/holidays.js';

export interface Interval {
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  opens: string;
  closes: string;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

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
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(moment: Date, timeZone: string): WallClock {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(moment)
      .map((part) => [part.type, Number(part.value)]),
  );
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

const wallClockDay = ({ year, month, day }: WallClock) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/** The office's wall-clock time as a date of the process's time zone (what `opening_hours` reads). */
const asLocalDate = (clock: WallClock) => new Date(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);

/** The instant at which the office's clock shows what `local` shows in the process's time zone. */
function instantOf(local: Date, timeZone: string): Date {
  const shown = Date.UTC(local.getFullYear(), local.getMonth(), local.getDate(), local.getHours(), local.getMinutes(), local.getSeconds());
  const offsetAt = (instant: number) => {
    const clock = wallClock(new Date(instant), timeZone);
    return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - instant;
  };
  const first = shown - offsetAt(shown);
  // Near a change of daylight saving time the offset at the guess may differ: once more.
  return new Date(shown - offsetAt(first));
}

/** The instant at which the clock of `timeZone` shows `day` ("YYYY-MM-DD") at `time` ("HH:MM"). */
export function instantAt(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  return instantOf(new Date(year!, month! - 1, date!, hour!, minute!), timeZone);
}

const osmDays = ['', 'Mo', 'Tu', 'We', 'Th', 'Fr', 'Sa', 'Su'];
const osmMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The weekly intervals in OpenStreetMap syntax, public holidays closed: "Mo 09:00-11:00,13:00-20:00; We 14:00-17:30; PH off". */
export function osmOpeningHours(intervals: Interval[]): string | null {
  if (intervals.length === 0) return null;
  const byDay = new Map<number, string[]>();
  for (const { weekday, opens, closes } of [...intervals].sort((a, b) => a.weekday - b.weekday || a.opens.localeCompare(b.opens))) {
    byDay.set(weekday, [...(byDay.get(weekday) ?? []), `${opens}-${closes}`]);
  }
  return [...[...byDay].map(([weekday, times]) => `${osmDays[weekday]} ${times.join(',')}`), 'PH off'].join('; ');
}

/** OSM rules for the state's holidays as dates ("2026 Oct 03 off"), from last year to two years ahead. */
function holidayRules(state: string, year: number): string[] {
  if (!isHolidayState(state)) return [];
  return [year - 1, year, year + 1, year + 2].flatMap((each) =>
    publicHolidays(state, each).map(
      ({ date }) => `${date.slice(0, 4)} ${osmMonths[Number(date.slice(5, 7)) - 1]} ${date.slice(8, 10)} off`,
    ),
  );
}

export interface OpeningException {
  firstDay: Date;
  lastDay: Date;
  /** Both empty: closed. */
  opens: string | null;
  closes: string | null;
}

const osmDay = (day: Date) => `${day.getUTCFullYear()} ${osmMonths[day.getUTCMonth()]} ${String(day.getUTCDate()).padStart(2, '0')}`;

/** Closures and special hours as OSM rules, which override the weekly ones and the holidays before them. */
function exceptionRules(exceptions: OpeningException[]): string[] {
  return exceptions.map(({ firstDay, lastDay, opens, closes }) => {
    const days = firstDay.getTime() === lastDay.getTime() ? osmDay(firstDay) : `${osmDay(firstDay)}-${osmDay(lastDay)}`;
    return `${days} ${opens && closes ? `${opens}-${closes}` : 'off'}`;
  });
}

const evaluators = new Map<string, opening_hours>();

/** A parsed evaluator per set of intervals, exceptions, state and year (parsing costs a millisecond, asking microseconds). */
function evaluatorFor(question: OpeningQuestion, year: number): opening_hours {
  const weekly = osmOpeningHours(question.intervals)!.replace('; PH off', '');
  const exceptions = exceptionRules(question.exceptions ?? []);
  const key = `${question.state}|${year}|${weekly}|${exceptions.join(';')}`;
  let evaluator = evaluators.get(key);
  if (!evaluator) {
    if (evaluators.size >= 1_000) evaluators.clear();
    evaluator = new opening_hours([weekly, ...holidayRules(question.state, year), ...exceptions].join('; '), null);
    evaluators.set(key, evaluator);
  }
  return evaluator;
}

export interface OpeningQuestion {
  intervals: Interval[];
  timeZone: string;
  /** State code, for its public holidays. */
  state: string;
  /** Closures and special hours. */
  exceptions?: OpeningException[];
  at: Date;
}

/** The holiday at that moment in that state, if any. */
export function holidayAt({ timeZone, state, at }: Omit<OpeningQuestion, 'intervals'>): string | null {
  if (!isHolidayState(state)) return null;
  const clock = wallClock(at, timeZone);
  return publicHolidays(state, clock.year).find((holiday) => holiday.date === wallClockDay(clock))?.name ?? null;
}

/** Whether the office hours are running at `at`; null when there are no weekly intervals to tell. */
export function isOpenAt(question: OpeningQuestion): boolean | null {
  if (question.intervals.length === 0) return null;
  const clock = wallClock(question.at, question.timeZone);
  return evaluatorFor(question, clock.year).getState(asLocalDate(clock));
}

export interface OpeningChange {
  /** When it opens or closes next. */
  at: Date;
  /** True if it opens then, false if it closes. */
  opens: boolean;
}

/** The next opening or closing after `at` (within a year), across days and holidays; null without weekly intervals. */
export function nextChangeAfter(question: OpeningQuestion): OpeningChange | null {
  if (question.intervals.length === 0) return null;
  const clock = wallClock(question.at, question.timeZone);
  const evaluator = evaluatorFor(question, clock.year);
  const local = asLocalDate(clock);
  const next = evaluator.getNextChange(local, new Date(local.getTime() + 366 * 86_400_000));
  if (!next) return null;
  return { at: instantOf(next, question.timeZone), opens: !evaluator.getState(local) };
}

const twoDigits = (value: number) => String(value).padStart(2, '0');
const clockOf = (date: Date) => `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;

/**
 * Weekly intervals from OpenStreetMap syntax ("Mo-Fr 09:00-12:00; We 14:00-17:30; PH off"), as
 * editors may give them instead of intervals; a reason where the text is not weekly hours
 * (dates, school holidays, times past midnight), which need intervals plus exceptions.
 */
export function weeklyIntervalsFrom(text: string): { intervals: Interval[] } | { problem: string } {
  // Public holidays are closed in any case (the state's calendar); other holiday rules are not weekly.
  const weekly = text.replace(/;?\s*PH\s+off\s*$/i, '').trim();
  let evaluator: opening_hours;
  try {
    evaluator = new opening_hours(weekly, null, 0); // mode 0: time ranges only
  } catch (error) {
    return { problem: `is not OpenStreetMap opening_hours syntax: ${String(error).split('\n')[0]!.slice(0, 200)}` };
  }
  if (!evaluator.isWeekStable()) return { problem: 'must be the same every week: give dates as exceptions' };
  // A week in January, when no time zone changes its clocks.
  const intervals: Interval[] = [];
  for (const [from, to, unknown] of evaluator.getOpenIntervals(new Date(2024, 0, 8), new Date(2024, 0, 15))) {
    if (unknown) return { problem: 'must say when it is open, not "unknown"' };
    if (to.getDate() !== from.getDate() || to.getHours() * 60 + to.getMinutes() === 0) {
      return { problem: `must not run past midnight (${clockOf(from)}–${clockOf(to)}): give two intervals` };
    }
    intervals.push({ weekday: ((from.getDay() + 6) % 7) + 1, opens: clockOf(from), closes: clockOf(to) });
  }
  return { intervals };
}
