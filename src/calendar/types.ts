import { badInput } from '../common/errors.js';
import { builder } from '../graphql/builder.js';
import { StateCode } from '../states/types.js';
import { type Holiday, isHolidayState, publicHolidays, statesWithHolidays } from './holidays.js';

const PublicHoliday = builder.objectRef<Holiday>('PublicHoliday').implement({
  description: 'A state-wide statutory public holiday (gesetzlicher Feiertag).',
  fields: (t) => ({
    date: t.string({ description: 'The day, "YYYY-MM-DD".', resolve: (holiday) => holiday.date }),
    name: t.exposeString('name', { description: 'German name, e.g. "Buß- und Bettag".' }),
  }),
});

builder.queryField('publicHolidays', (t) =>
  t.field({
    type: [PublicHoliday],
    description: `State-wide public holidays of a state in a year, as "open now" uses them (states: ${statesWithHolidays.join(', ')}).`,
    args: {
      state: t.arg({ type: StateCode, required: true, description: 'The state.' }),
      year: t.arg.int({ required: true, description: 'The year, e.g. 2026.' }),
    },
    resolve: (_root, { state, year }) => {
      if (!isHolidayState(state))
        throw badInput(`No holiday calendar for ${state}: the graph knows ${statesWithHolidays.join(', ')}.`, 'state');
      if (year < 1991 || year > 2100) throw badInput(`Year ${year} is outside 1991–2100.`, 'year');
      return publicHolidays(state, year);
    },
  }),
);
