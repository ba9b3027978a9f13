import { InvalidInputError } from '../../src/errors.js';
import { Compounding } from '../../src/rates/Compounding.js';
import { InterestRate } from '../../src/rates/InterestRate.js';
import { Date } from '../../src/time/Date.js';
import type { DayCounter } from '../../src/time/DayCounter.js';
import { Frequency } from '../../src/time/Frequency.js';
import { TermStructure, type DateOrTime } from '../TermStructure.js';

/**
 * Conventions for a zero or forward rate read as an {@link InterestRate}.
 * @public
 */
export interface RateConventions {
  /** The rate's compounding rule. */
  readonly compounding: Compounding;
  /** Events per year; required to be regular (Annual … Daily) for compounded rules; default `Annual`. */
  readonly frequency?: Frequency;
  /**
   * Day counter of the returned rate when the points are dates; default the curve's. With
   * times the rate is on the curve's own day counter, and another one is refused.
   */
  readonly dayCounter?: DayCounter;
  /** Allow reads beyond `maxTime()` for this call; default false. */
  readonly extrapolate?: boolean;
}

/** QuantLib's dt for instantaneous rates (years). */
const DT = 1e-4;

/**
 * A discount curve: discount factors, zero rates and forward rates.
 *
 * @remarks
 * Subclasses implement `discountImpl(t)` for t ≥ 0 with D(0) = 1. `zeroRate(x)` and
 * `forwardRate(x1, x2)` return continuously compounded rates on the curve's day counter, as
 * numbers; given {@link RateConventions} they return an {@link InterestRate} under those
 * conventions instead (QuantLib's `zeroRate(d, dayCounter, comp, freq)`). The zero rate at
 * t < dt and a forward over less than dt are taken over dt = 1e-4 years, as QuantLib does.
 * Source: QuantLib `ql/termstructures/yieldtermstructure.hpp` / `.cpp`.
 * Checked against: `test/termstructures/yield.test.ts` (flat curves: closed forms under every
 * compounding) and `test/termstructures/interpolatedCurves.test.ts`.
 * @public
 */
export abstract class YieldTermStructure extends TermStructure {
  /** Discount factor for time t ≥ 0 (already range-checked). */
  protected abstract discountImpl(t: number): number;

  /**
   * Discount factor P(0, t).
   * @param x - a date on or after the reference date, or a time in years ≥ 0.
   * @param extrapolate - allow reads beyond `maxTime()` for this call.
   * @returns the discount factor, > 0.
   * @throws InvalidInputError for negative times, or beyond `maxTime()` without extrapolation.
   */
  discount(x: DateOrTime, extrapolate = false): number {
    return this.discountImpl(this.checkedTime(x, extrapolate));
  }

  /**
   * Zero rate to a date or time: r(t) = −ln P(0, t) / t continuously compounded, or the rate
   * with the same compound factor 1/P(0, t) under the given conventions.
   *
   * @param x - date or time in years ≥ 0.
   * @param extrapolateOrConventions - `extrapolate` (boolean, default false) for the
   * continuous rate as a number, or {@link RateConventions} for an {@link InterestRate}.
   * @returns the rate as a decimal (0.05 = 5 %), or an InterestRate whose accrual period is
   * the reference date to `x`.
   * @throws InvalidInputError as {@link YieldTermStructure.discount}, for a bad compounding or
   * frequency, or for a day counter given with a time.
   */
  zeroRate(x: DateOrTime, extrapolate?: boolean): number;
  /**
   * Zero rate to a date or time as an {@link InterestRate} under the given conventions.
   * @param x - date or time in years ≥ 0.
   * @param conventions - compounding, frequency, day counter (dates only), extrapolation.
   * @returns the rate with compound factor 1/P(0, t) over the reference date → x.
   * @throws InvalidInputError as the number form, for a bad compounding or frequency, or for a
   * day counter other than the curve's given with a time.
   */
  zeroRate(x: DateOrTime, conventions: RateConventions): InterestRate;
  zeroRate(x: DateOrTime, extrapolateOrConventions: boolean | RateConventions = false): number | InterestRate {
    if (typeof extrapolateOrConventions === 'boolean') {
      const t = this.checkedTime(x, extrapolateOrConventions);
      const tau = t < DT ? DT : t;
      return -Math.log(this.discountImpl(tau)) / tau;
    }
    const c = extrapolateOrConventions;
    const dayCounter = this.rateDayCounter(x, c);
    const t = this.checkedTime(x, c.extrapolate ?? false);
    const frequency = c.frequency ?? Frequency.Annual;
    if (t < DT || !(x instanceof Date)) {
      const tau = t < DT ? DT : t;
      return InterestRate.impliedRate(1 / this.discountImpl(tau), dayCounter, c.compounding, frequency, tau);
    }
    return InterestRate.impliedRate(1 / this.discountImpl(t), dayCounter, c.compounding, frequency, this.referenceDate(), x);
  }

  /**
   * Forward rate between two dates or times: ln(P(t1)/P(t2)) / (t2 − t1) continuously
   * compounded, or the rate with compound factor P(t1)/P(t2) under the given conventions;
   * instantaneous (over dt = 1e-4 around t1) when t2 − t1 < dt.
   *
   * @param x1 - start (date or time ≥ 0).
   * @param x2 - end (date or time ≥ start; both dates or both times for a day counter of its own).
   * @param extrapolateOrConventions - `extrapolate` (boolean) for a number, or
   * {@link RateConventions} for an {@link InterestRate}.
   * @throws InvalidInputError as {@link YieldTermStructure.discount}, when t2 < t1, for a bad
   * compounding or frequency, or for a day counter given with times.
   */
  forwardRate(x1: DateOrTime, x2: DateOrTime, extrapolate?: boolean): number;
  /**
   * Forward rate between two dates or times as an {@link InterestRate} under the given
   * conventions.
   * @param x1 - start (date or time ≥ 0).
   * @param x2 - end (≥ start); both dates for a day counter of the rate's own.
   * @param conventions - compounding, frequency, day counter (dates only), extrapolation.
   * @returns the rate with compound factor P(t1)/P(t2) over x1 → x2 (over dt when t2 − t1 < dt).
   * @throws InvalidInputError as the number form, for a bad compounding or frequency, or for a
   * day counter other than the curve's given with times.
   */
  forwardRate(x1: DateOrTime, x2: DateOrTime, conventions: RateConventions): InterestRate;
  forwardRate(x1: DateOrTime, x2: DateOrTime, extrapolateOrConventions: boolean | RateConventions = false): number | InterestRate {
    const conventions = typeof extrapolateOrConventions === 'boolean' ? null : extrapolateOrConventions;
    const extrapolate = conventions === null ? (extrapolateOrConventions as boolean) : (conventions.extrapolate ?? false);
    const dayCounter = conventions === null ? this.dayCounter : this.rateDayCounter(x1 instanceof Date && x2 instanceof Date ? x1 : 0, conventions);
    const t1 = this.checkedTime(x1, extrapolate);
    const t2 = this.checkedTime(x2, extrapolate);
    if (t2 < t1) throw InvalidInputError.outOfRange('t2', t2, `[t1 = ${t1}, ∞)`);
    let compound: number;
    let tau: number;
    if (t2 - t1 < DT) {
      const lo = Math.max(t1 - DT / 2, 0);
      compound = this.discountImpl(lo) / this.discountImpl(lo + DT);
      tau = DT;
    } else {
      compound = this.discountImpl(t1) / this.discountImpl(t2);
      tau = t2 - t1;
    }
    if (conventions === null) return Math.log(compound) / tau;
    const frequency = conventions.frequency ?? Frequency.Annual;
    if (tau === DT || !(x1 instanceof Date && x2 instanceof Date)) {
      return InterestRate.impliedRate(compound, dayCounter, conventions.compounding, frequency, tau);
    }
    return InterestRate.impliedRate(compound, dayCounter, conventions.compounding, frequency, x1, x2);
  }

  /** The day counter of a rate read with conventions: dates may choose one; times use the curve's. */
  private rateDayCounter(x: DateOrTime, conventions: RateConventions): DayCounter {
    if (conventions === null || typeof conventions !== 'object') {
      throw InvalidInputError.outOfRange('extrapolateOrConventions', conventions, 'a boolean or RateConventions');
    }
    const dayCounter = conventions.dayCounter ?? this.dayCounter;
    if (!(x instanceof Date) && !dayCounter.equals(this.dayCounter)) {
      throw InvalidInputError.outOfRange('conventions.dayCounter', dayCounter.name(), `{${this.dayCounter.name()}} (the curve's, since the point is a time)`);
    }
    return dayCounter;
  }
}
