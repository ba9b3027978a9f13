import { checkPositive } from '../../../src/_lib/checks.js';

/**
 * A rate of change per year (theta, charm) restated per day.
 *
 * @remarks
 * Divides by `daysPerYear`, 365 by default (QuantLib's `thetaPerDay`); pass 252 for trading days.
 *
 * Source: QuantLib conventions (ql/pricingengines/blackcalculator.hpp: thetaPerDay = theta/365).
 *
 * Checked against: test/engines/blackscholes/formulas/greeks.test.ts.
 *
 * @param perYear - a sensitivity per year of calendar time.
 * @param daysPerYear - days in a year, > 0; default 365.
 * @returns the sensitivity per day.
 * @throws InvalidInputError when daysPerYear is not > 0.
 *
 * @example
 * ```ts
 * import { perDay } from 'quantflow';
 * perDay(-3.65);
 * //=> -0.01
 * ```
 * @public
 */
export function perDay(perYear: number, daysPerYear = 365): number {
  checkPositive('daysPerYear', daysPerYear);
  return perYear / daysPerYear;
}
