// Districts come and go (Eisenach became part of the Wartburgkreis on 2021-07-01): lists show
// those that exist on the day asked for.
import { berlinDate, validOn } from '../common/history.js';

/** Districts of a state (or all) that exist on a day: today unless `asOf`. */
export function districtsWhere(args: { state?: string | null; asOf?: Date | null }, now: Date) {
  const day = args.asOf ?? berlinDate(now);
  return { stateId: args.state ?? undefined, ...validOn(day) };
}
