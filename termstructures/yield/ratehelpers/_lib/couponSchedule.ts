import { InvalidInputError } from '../../../../src/errors.js';
import { DateGeneration } from '../../../../src/time/DateGeneration.js';
import { Frequency } from '../../../../src/time/Frequency.js';
import { Period } from '../../../../src/time/Period.js';
import { Schedule } from '../../../../src/time/Schedule.js';
import type { RateHelper } from '../RateHelper.js';

const REGULAR: readonly Frequency[] = [Frequency.Annual, Frequency.Semiannual, Frequency.EveryFourthMonth, Frequency.Quarterly, Frequency.Bimonthly, Frequency.Monthly];

/** Throws unless `tenor` is a positive Period and `frequency` a regular coupon frequency (Annual … Monthly). */
export function checkSwapTerms(tenor: Period, frequency: Frequency, frequencyName: string): void {
  if (!(tenor instanceof Period) || !(tenor.length > 0)) throw InvalidInputError.outOfRange('tenor', String(tenor), 'positive Periods');
  if (!REGULAR.includes(frequency)) throw InvalidInputError.outOfRange(frequencyName, frequency, '{1, 2, 3, 4, 6, 12} (Annual … Monthly)');
}

/** The last schedule built per helper and (tenor, frequency), with the start date (serial) it was built from. */
const built = new WeakMap<RateHelper, Map<string, { readonly start: number; readonly schedule: Schedule }>>();

/**
 * Coupon dates from the helper's start to start + tenor, generated backward from maturity. The
 * maturity is start + tenor unadjusted (rolled by the schedule), as QuantLib's `MakeOIS` and
 * `MakeVanillaSwap`: generating backward from the rolled date would put a stub of a few days at
 * the front whenever start + tenor falls on a holiday.
 * Memoised per helper, tenor and frequency on its start date (a dual-curve swap helper asks for
 * its fixed and its floating schedule; calendars and rules are immutable): a bootstrap evaluates each helper dozens of times and the schedule changes only
 * when the evaluation date moves a floating start.
 */
export function couponSchedule(helper: RateHelper, tenor: Period, frequency: Frequency): Schedule {
  const start = helper.startDate();
  const key = `${tenor.toString()}/${frequency}`;
  let mine = built.get(helper);
  if (mine === undefined) built.set(helper, (mine = new Map()));
  const cached = mine.get(key);
  if (cached !== undefined && cached.start === start.serialNumber) return cached.schedule;
  const maturity = start.addPeriod(tenor);
  const schedule = new Schedule({
    effectiveDate: start,
    terminationDate: maturity,
    tenor: Period.fromFrequency(frequency),
    calendar: helper.calendar,
    convention: helper.convention,
    rule: DateGeneration.Backward,
    endOfMonth: helper.endOfMonth,
  });
  mine.set(key, { start: start.serialNumber, schedule });
  return schedule;
}
