import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import type { Date } from '../../../src/time/Date.js';
import { Frequency } from '../../../src/time/Frequency.js';
import type { Period } from '../../../src/time/Period.js';
import type { Schedule } from '../../../src/time/Schedule.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';
import { checkSwapTerms, couponSchedule } from './_lib/couponSchedule.js';
import { RateHelper, type RateHelperOptions } from './RateHelper.js';

/**
 * Options of {@link SwapRateHelper}: the shared conventions (the day counter is the fixed
 * leg's) and the fixed-leg frequency.
 * @public
 */
export interface SwapRateHelperOptions extends RateHelperOptions {
  /** Fixed-leg coupon frequency; default `Annual` (Annual … Monthly). */
  readonly fixedFrequency?: Frequency;
}

/**
 * A par swap rate, single curve: a fixed leg against a floating leg forecast off the curve
 * being built and discounted on it.
 *
 * @remarks
 * The fixed schedule runs from the start date to start + tenor, generated backward from the
 * maturity at the fixed frequency and rolled on the calendar. With the floating leg's index
 * periods equal to its coupon periods, forecasting and discounting on the same curve make it
 * worth P(start) − P(end) (the coupons telescope), so the implied par rate is
 * (P(start) − P(end)) / Σ τ_i P(t_i), τ_i the fixed accruals by the helper's day counter. This
 * is QuantLib's `SwapRateHelper` without a separate discount curve when the index's fixing and
 * value dates coincide with the coupon dates (no fixing lag, same calendar); the floating
 * frequency then does not enter. The pillar is the last fixed payment date.
 * Source: QuantLib `ql/termstructures/yield/ratehelpers.hpp` (`SwapRateHelper`); Hull,
 * Options, Futures and Other Derivatives, ch. 7 (a swap valued from bond prices).
 * Checked against: `test/termstructures/rateHelpers.test.ts` (flat-curve closed form, the
 * QuantLib 1.29 curves reprice their quotes) and `test/termstructures/PiecewiseYieldCurve.test.ts`.
 * @public
 */
export class SwapRateHelper extends RateHelper {
  /** The swap's length. */
  readonly tenor: Period;
  /** Fixed-leg coupon frequency. */
  readonly fixedFrequency: Frequency;

  /**
   * @param rate - the par fixed rate (decimal): a finite number or a quote handle.
   * @param tenor - the swap's length, a positive Period (e.g. `Period.parse('10Y')`).
   * @param options - start date or settlement days, calendar, rolling, fixed-leg day counter and
   * frequency.
   * @throws InvalidInputError when the rate is not finite, the tenor is not positive, or the
   * frequency is not Annual … Monthly.
   */
  constructor(rate: number | Handle<Quote>, tenor: Period, options: SwapRateHelperOptions = {}) {
    super(rate, options);
    this.fixedFrequency = options.fixedFrequency ?? Frequency.Annual;
    checkSwapTerms(tenor, this.fixedFrequency, 'options.fixedFrequency');
    this.tenor = tenor;
  }

  /** The fixed-leg schedule (start date first). */
  fixedSchedule(): Schedule {
    return couponSchedule(this, this.tenor, this.fixedFrequency);
  }

  /** The last fixed payment date (the maturity, rolled). */
  pillarDate(): Date {
    return this.fixedSchedule().endDate();
  }

  /**
   * The par fixed rate (P(start) − P(end)) / Σ τ_i P(t_i) on `curve` (decimal).
   * @param curve - any yield curve covering the helper's dates (read with extrapolation).
   */
  impliedQuote(curve: YieldTermStructure): number {
    const dates = this.fixedSchedule().dates();
    let annuity = 0;
    for (let i = 1; i < dates.length; i++) {
      annuity += this.dayCounter.yearFraction(dates[i - 1] as Date, dates[i] as Date) * curve.discount(dates[i] as Date, true);
    }
    const floating = curve.discount(dates[0] as Date, true) - curve.discount(dates[dates.length - 1] as Date, true);
    return floating / annuity;
  }
}
