import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
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
 * leg's), the fixed-leg frequency and, for a dual-curve bootstrap, an exogenous discount curve
 * with the floating leg's frequency.
 * @public
 */
export interface SwapRateHelperOptions extends RateHelperOptions {
  /** Fixed-leg coupon frequency; default `Annual` (Annual … Monthly). */
  readonly fixedFrequency?: Frequency;
  /**
   * Discount curve of both legs (e.g. an OIS curve); the curve being built then only forecasts
   * the floating coupons. Default: none (single curve).
   */
  readonly discountingCurve?: Handle<YieldTermStructure>;
  /** Floating-leg coupon frequency (its index tenor); default `Semiannual`. Used with `discountingCurve`. */
  readonly floatFrequency?: Frequency;
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
 *
 * With `discountingCurve` (dual curve: OIS discounting, term forecasting) the legs are
 * discounted on that curve D and the floating coupons forecast off the curve being built P over
 * their own accrual periods [s_j, e_j] (QuantLib's par-coupon default: the accrual fraction
 * cancels, so no floating day counter enters), so the par rate is
 * Σ_j D(e_j)·(P(s_j)/P(e_j) − 1) / Σ_i τ_i D(t_i); a tick or relink of the discount curve
 * notifies the helper, and through it the curve being built. The floating schedule runs at
 * `floatFrequency` on the same dates rule as the fixed one. Source: M. Bianchetti, "Two curves,
 * one price", Risk (2010); M. Henrard, Interest Rate Modelling in the Multi-curve Framework
 * (2014), ch. 2.
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
  /** The exogenous discount curve, if any (dual curve). */
  readonly discountingCurve: Handle<YieldTermStructure> | undefined;
  /** Floating-leg coupon frequency (dual curve only). */
  readonly floatFrequency: Frequency;

  /**
   * @param rate - the par fixed rate (decimal): a finite number or a quote handle.
   * @param tenor - the swap's length, a positive Period (e.g. `Period.parse('10Y')`).
   * @param options - start date or settlement days, calendar, rolling, fixed-leg day counter and
   * frequency; for a dual-curve bootstrap the discount curve and the floating leg's frequency.
   * @throws InvalidInputError when the rate is not finite, the tenor is not positive, a
   * frequency is not Annual … Monthly, or `discountingCurve` is not a Handle.
   */
  constructor(rate: number | Handle<Quote>, tenor: Period, options: SwapRateHelperOptions = {}) {
    super(rate, options);
    this.fixedFrequency = options.fixedFrequency ?? Frequency.Annual;
    checkSwapTerms(tenor, this.fixedFrequency, 'options.fixedFrequency');
    this.tenor = tenor;
    this.floatFrequency = options.floatFrequency ?? Frequency.Semiannual;
    checkSwapTerms(tenor, this.floatFrequency, 'options.floatFrequency');
    const discounting = options.discountingCurve;
    if (discounting !== undefined && !(discounting instanceof Handle)) {
      throw InvalidInputError.outOfRange('options.discountingCurve', discounting, 'a Handle<YieldTermStructure>');
    }
    this.discountingCurve = discounting;
    discounting?.registerObserver(this);
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
   * The par fixed rate on `curve` (decimal): (P(start) − P(end)) / Σ τ_i P(t_i) on a single curve;
   * with a discount curve D, Σ_j D(e_j)(P(s_j)/P(e_j) − 1) / Σ_i τ_i D(t_i).
   * @param curve - any yield curve covering the helper's dates (read with extrapolation): the
   * curve being bootstrapped, or a finished one.
   * @throws QuantflowError (code `EMPTY_HANDLE`) when the discount curve handle is empty.
   */
  impliedQuote(curve: YieldTermStructure): number {
    const discount = this.discountingCurve === undefined ? curve : this.discountingCurve.currentLink();
    const dates = this.fixedSchedule().dates();
    let annuity = 0;
    for (let i = 1; i < dates.length; i++) {
      annuity += this.dayCounter.yearFraction(dates[i - 1] as Date, dates[i] as Date) * discount.discount(dates[i] as Date, true);
    }
    if (discount === curve) return (curve.discount(dates[0] as Date, true) - curve.discount(dates[dates.length - 1] as Date, true)) / annuity;
    const floatDates = couponSchedule(this, this.tenor, this.floatFrequency).dates();
    let floating = 0;
    for (let j = 1; j < floatDates.length; j++) {
      const start = floatDates[j - 1] as Date;
      const end = floatDates[j] as Date;
      floating += discount.discount(end, true) * (curve.discount(start, true) / curve.discount(end, true) - 1);
    }
    return floating / annuity;
  }
}
