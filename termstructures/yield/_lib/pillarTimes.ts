import { InvalidInputError } from '../../../src/errors.js';
import { Date } from '../../../src/time/Date.js';
import type { TermStructureOptions } from '../../TermStructure.js';

/**
 * Checks node dates and values of an interpolated curve whose first date is its reference
 * date, and returns the options with that reference date fixed.
 * @throws InvalidInputError when there are fewer than 2 dates, lengths differ, a date is not a
 * Date, dates are not strictly increasing, a value is not finite, or `options.referenceDate`
 * differs from the first date.
 */
export function referenceFromFirstDate(dates: readonly Date[], values: ArrayLike<number>, valuesName: string, options: TermStructureOptions): TermStructureOptions {
  if (!Array.isArray(dates) || dates.length < 2) throw InvalidInputError.outOfRange('dates.length', (dates as unknown[] | undefined)?.length, '[2, ∞)');
  if (values.length !== dates.length) throw InvalidInputError.outOfRange(`${valuesName}.length`, values.length, `{${dates.length}} (dates.length)`);
  dates.forEach((d, i) => {
    if (!(d instanceof Date)) throw InvalidInputError.outOfRange(`dates[${i}]`, d, 'a quantflow Date');
    if (i > 0 && !d.isAfter(dates[i - 1] as Date)) {
      throw InvalidInputError.outOfRange(`dates[${i}]`, d.toISOString(), `(${(dates[i - 1] as Date).toISOString()}, ∞): strictly increasing`);
    }
  });
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) throw InvalidInputError.outOfRange(`${valuesName}[${i}]`, values[i], 'finite numbers');
  }
  const first = dates[0] as Date;
  if (options.referenceDate !== undefined && !(options.referenceDate instanceof Date && options.referenceDate.equals(first))) {
    throw InvalidInputError.outOfRange('options.referenceDate', options.referenceDate instanceof Date ? options.referenceDate.toISOString() : options.referenceDate, `{${first.toISOString()}} (dates[0]) or omitted`);
  }
  return { ...options, referenceDate: first };
}
