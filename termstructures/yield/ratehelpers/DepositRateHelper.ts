import { InvalidInputError } from '../../../src/errors.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import type { Date } from '../../../src/time/Date.js';
import { Period } from '../../../src/time/Period.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';
import { RateHelper, type RateHelperOptions } from './RateHelper.js';

/**
 * A deposit (money-market) rate: simple interest from the start date to start + tenor.
 *
 * @remarks
 * On a curve P, the implied rate is (P(start)/P(end) − 1) / τ(start, end), τ by the helper's
 * day counter; the end date is the start advanced by the tenor on the calendar with the rolling
 * rule. The pillar is the end date.
 * Source: QuantLib `ql/termstructures/yield/ratehelpers.hpp` (`DepositRateHelper`).
 * Checked against: `test/termstructures/rateHelpers.test.ts` (closed form on flat curves, the
 * QuantLib 1.29 bootstrapped curves) and `test/termstructures/PiecewiseYieldCurve.test.ts`.
 * @public
 */
export class DepositRateHelper extends RateHelper {
  /** The deposit's tenor. */
  readonly tenor: Period;

  /**
   * @param rate - the simple deposit rate (decimal): a finite number or a quote handle.
   * @param tenor - the deposit's length, a positive Period (e.g. `Period.parse('3M')`).
   * @param options - start date or settlement days, calendar, rolling, day counter.
   * @throws InvalidInputError when the rate is not finite or the tenor is not a positive Period.
   */
  constructor(rate: number | Handle<Quote>, tenor: Period, options: RateHelperOptions = {}) {
    super(rate, options);
    if (!(tenor instanceof Period) || !(tenor.length > 0)) throw InvalidInputError.outOfRange('tenor', String(tenor), 'positive Periods');
    this.tenor = tenor;
  }

  /** The maturity date. */
  maturityDate(): Date {
    return this.calendar.advancePeriod(this.startDate(), this.tenor, this.convention, this.endOfMonth);
  }

  /** The maturity date. */
  pillarDate(): Date {
    return this.maturityDate();
  }

  /**
   * (P(start)/P(end) − 1) / τ on `curve` (decimal).
   * @param curve - any yield curve covering the helper's dates (read with extrapolation).
   */
  impliedQuote(curve: YieldTermStructure): number {
    const start = this.startDate();
    const end = this.maturityDate();
    return simpleForward(curve, start, end, this.dayCounter.yearFraction(start, end));
  }
}

/** (P(start)/P(end) − 1) / τ. */
export function simpleForward(curve: YieldTermStructure, start: Date, end: Date, tau: number): number {
  return (curve.discount(start, true) / curve.discount(end, true) - 1) / tau;
}
