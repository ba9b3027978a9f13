import { checkInteger } from '../../../src/_lib/checks.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import type { Date } from '../../../src/time/Date.js';
import { TimeUnit } from '../../../src/time/TimeUnit.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';
import { simpleForward } from './DepositRateHelper.js';
import { RateHelper, type RateHelperOptions } from './RateHelper.js';

/**
 * A forward-rate agreement quote: the simple forward rate from spot + m₁ months to spot + m₂
 * months (an "m₁×m₂" FRA).
 *
 * @remarks
 * On a curve P the implied rate is (P(t₁)/P(t₂) − 1) / τ(t₁, t₂), τ by the helper's day
 * counter, both dates advanced from the start (spot) date on the calendar; no convexity or
 * fixing lag. The pillar is the FRA's end date.
 * Source: QuantLib `ql/termstructures/yield/ratehelpers.hpp` (`FraRateHelper`, months to start
 * and to end).
 * Checked against: `test/termstructures/rateHelpers.test.ts` (closed form on flat curves; a FRA
 * spliced between deposits reprices in a bootstrap).
 * @public
 */
export class FraRateHelper extends RateHelper {
  /** Months from spot to the FRA's start. */
  readonly monthsToStart: number;
  /** Months from spot to the FRA's end. */
  readonly monthsToEnd: number;

  /**
   * @param rate - the FRA rate (simple, decimal): a finite number or a quote handle.
   * @param monthsToStart - integer ≥ 0.
   * @param monthsToEnd - integer > monthsToStart.
   * @param options - start date or settlement days, calendar, rolling, day counter.
   * @throws InvalidInputError when the rate is not finite or the months are out of range.
   */
  constructor(rate: number | Handle<Quote>, monthsToStart: number, monthsToEnd: number, options: RateHelperOptions = {}) {
    super(rate, options);
    checkInteger('monthsToStart', monthsToStart, 0);
    checkInteger('monthsToEnd', monthsToEnd, monthsToStart + 1);
    this.monthsToStart = monthsToStart;
    this.monthsToEnd = monthsToEnd;
  }

  /** The FRA's accrual start date. */
  accrualStartDate(): Date {
    return this.calendar.advance(this.startDate(), this.monthsToStart, TimeUnit.Months, this.convention, this.endOfMonth);
  }

  /** The FRA's accrual end date. */
  accrualEndDate(): Date {
    return this.calendar.advance(this.startDate(), this.monthsToEnd, TimeUnit.Months, this.convention, this.endOfMonth);
  }

  /** The accrual end date. */
  pillarDate(): Date {
    return this.accrualEndDate();
  }

  /**
   * (P(t₁)/P(t₂) − 1) / τ on `curve` (decimal).
   * @param curve - any yield curve covering the helper's dates (read with extrapolation).
   */
  impliedQuote(curve: YieldTermStructure): number {
    const start = this.accrualStartDate();
    const end = this.accrualEndDate();
    return simpleForward(curve, start, end, this.dayCounter.yearFraction(start, end));
  }
}
