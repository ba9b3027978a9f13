import { checkInteger } from '../../../src/_lib/checks.js';
import type { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import type { Date } from '../../../src/time/Date.js';
import { Frequency } from '../../../src/time/Frequency.js';
import type { Period } from '../../../src/time/Period.js';
import type { Schedule } from '../../../src/time/Schedule.js';
import { TimeUnit } from '../../../src/time/TimeUnit.js';
import type { YieldTermStructure } from '../YieldTermStructure.js';
import { checkSwapTerms, couponSchedule } from './_lib/couponSchedule.js';
import { RateHelper, type RateHelperOptions } from './RateHelper.js';

/**
 * Options of {@link OISRateHelper}: the shared conventions (the day counter is the fixed
 * leg's), the payment frequency of both legs and the payment lag.
 * @public
 */
export interface OISRateHelperOptions extends RateHelperOptions {
  /** Coupon frequency of both legs; default `Annual` (Annual … Monthly). */
  readonly paymentFrequency?: Frequency;
  /** Business days from each period's end to its payment; default 0, integer ≥ 0. */
  readonly paymentLag?: number;
}

/**
 * An overnight-indexed swap rate, single curve: a fixed leg against the daily-compounded
 * overnight rate, both forecast and discounted on the curve being built.
 *
 * @remarks
 * Both legs share one schedule from the start date to start + tenor (backward from maturity;
 * a tenor shorter than the frequency gives one period). Compounding the overnight rate over a
 * period [s_i, e_i] on the curve gives P(s_i)/P(e_i) − 1 exactly (the daily factors
 * telescope; no lookback, lockout or spread), paid at p_i = e_i + lag business days. The
 * implied rate is Σ P(p_i)(P(s_i)/P(e_i) − 1) / Σ τ_i P(p_i), τ_i by the helper's day counter.
 * The pillar is the last payment date.
 * Source: QuantLib `ql/termstructures/yield/oisratehelper.hpp` (`OISRateHelper`,
 * telescopic value dates); Lyashenko and Mercurio (2019), "Looking forward to backward-looking
 * rates" (the compounded setting-in-arrears rate).
 * Checked against: `test/termstructures/rateHelpers.test.ts` (flat-curve closed form with and
 * without a payment lag) and `test/termstructures/PiecewiseYieldCurve.test.ts` (OIS curve
 * reprices every quote).
 * @public
 */
export class OISRateHelper extends RateHelper {
  /** The swap's length. */
  readonly tenor: Period;
  /** Coupon frequency of both legs. */
  readonly paymentFrequency: Frequency;
  /** Payment lag in business days. */
  readonly paymentLag: number;

  /**
   * @param rate - the OIS fixed rate (decimal): a finite number or a quote handle.
   * @param tenor - the swap's length, a positive Period.
   * @param options - start date or settlement days, calendar, rolling, fixed-leg day counter,
   * payment frequency and lag.
   * @throws InvalidInputError when the rate is not finite, the tenor is not positive, the
   * frequency is not Annual … Monthly, or the lag is not a non-negative integer.
   */
  constructor(rate: number | Handle<Quote>, tenor: Period, options: OISRateHelperOptions = {}) {
    super(rate, options);
    this.paymentFrequency = options.paymentFrequency ?? Frequency.Annual;
    checkSwapTerms(tenor, this.paymentFrequency, 'options.paymentFrequency');
    this.paymentLag = options.paymentLag ?? 0;
    checkInteger('options.paymentLag', this.paymentLag, 0);
    this.tenor = tenor;
  }

  /** The accrual schedule of both legs (start date first). */
  schedule(): Schedule {
    return couponSchedule(this, this.tenor, this.paymentFrequency);
  }

  /** Payment date of the period ending on `accrualEnd`. */
  paymentDate(accrualEnd: Date): Date {
    return this.paymentLag === 0 ? accrualEnd : this.calendar.advance(accrualEnd, this.paymentLag, TimeUnit.Days);
  }

  /** The last payment date. */
  pillarDate(): Date {
    return this.paymentDate(this.schedule().endDate());
  }

  /**
   * The fair OIS rate on `curve` (decimal).
   * @param curve - any yield curve covering the helper's dates (read with extrapolation).
   */
  impliedQuote(curve: YieldTermStructure): number {
    const { starts, ends, pays, taus } = this.#periods();
    let annuity = 0;
    let floating = 0;
    for (let i = 0; i < starts.length; i++) {
      const pay = curve.discount(pays[i] as Date, true);
      annuity += (taus[i] as number) * pay;
      floating += pay * (curve.discount(starts[i] as Date, true) / curve.discount(ends[i] as Date, true) - 1);
    }
    return floating / annuity;
  }

  #cache: { readonly schedule: Schedule; readonly starts: Date[]; readonly ends: Date[]; readonly pays: Date[]; readonly taus: number[] } | undefined;

  /** Accrual starts and ends, payment dates and fixed-leg year fractions, rebuilt only when the schedule changes. */
  #periods(): { readonly starts: Date[]; readonly ends: Date[]; readonly pays: Date[]; readonly taus: number[] } {
    const schedule = this.schedule();
    if (this.#cache?.schedule === schedule) return this.#cache;
    const dates = schedule.dates();
    const starts = dates.slice(0, -1);
    const ends = dates.slice(1);
    this.#cache = { schedule, starts, ends, pays: ends.map((e) => this.paymentDate(e)), taus: starts.map((d, i) => this.dayCounter.yearFraction(d, ends[i] as Date)) };
    return this.#cache;
  }
}
