// What a date as precise as a source states it looks like: "2017", "2019-05" or "2019-05-13" (a
// real day). No imports: the column rule (values.ts, whose pattern the package's JSON Schema
// carries) and the editors' app check with these — the app before sending, since the PartialDate
// scalar refuses a whole request rather than a field.
export const partialDatePattern = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** A full date is a day of the calendar (not 2019-02-30); a year or a month is taken as it is. */
export function isCalendarDate(value: string): boolean {
  if (value.length < 10) return true;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export const isPartialDate = (value: string): boolean => partialDatePattern.test(value) && isCalendarDate(value);
