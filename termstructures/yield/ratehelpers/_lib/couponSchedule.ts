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

/** Coupon dates from the helper's start to start + tenor, generated backward from maturity. */
export function couponSchedule(helper: RateHelper, tenor: Period, frequency: Frequency): Schedule {
  const start = helper.startDate();
  const maturity = helper.calendar.advancePeriod(start, tenor, helper.convention, helper.endOfMonth);
  return new Schedule({
    effectiveDate: start,
    terminationDate: maturity,
    tenor: Period.fromFrequency(frequency),
    calendar: helper.calendar,
    convention: helper.convention,
    rule: DateGeneration.Backward,
    endOfMonth: helper.endOfMonth,
  });
}
