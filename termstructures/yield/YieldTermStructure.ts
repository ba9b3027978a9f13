import { InvalidInputError } from '../../src/errors.js';
import { TermStructure, type DateOrTime } from '../TermStructure.js';

/**
 * A discount curve: discount factors, continuously compounded zero rates and forward rates.
 *
 * @remarks
 * Subclasses implement `discountImpl(t)` for t ≥ 0 with D(0) = 1. Rates here are continuously
 * compounded on the curve's day counter; zeroRate(0) is the instantaneous short rate, taken
 * over dt = 1e-4 as QuantLib does.
 * Source: QuantLib `ql/termstructures/yieldtermstructure.hpp`.
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
   * Continuously compounded zero rate r(t) = −ln P(0, t) / t.
   * @param x - date or time in years ≥ 0.
   * @returns the rate as a decimal (0.05 = 5 %).
   * @throws InvalidInputError as {@link YieldTermStructure.discount}.
   */
  zeroRate(x: DateOrTime, extrapolate = false): number {
    const t = this.checkedTime(x, extrapolate);
    const dt = 1e-4;
    if (t < dt) return -Math.log(this.discountImpl(dt)) / dt;
    return -Math.log(this.discountImpl(t)) / t;
  }

  /**
   * Continuously compounded forward rate between t1 and t2 (instantaneous when t2 − t1 is tiny).
   * @param x1 - start (date or time ≥ 0).
   * @param x2 - end (date or time ≥ start).
   * @throws InvalidInputError as {@link YieldTermStructure.discount}, or when t2 < t1.
   */
  forwardRate(x1: DateOrTime, x2: DateOrTime, extrapolate = false): number {
    const t1 = this.checkedTime(x1, extrapolate);
    const t2 = this.checkedTime(x2, extrapolate);
    if (t2 < t1) throw InvalidInputError.outOfRange('t2', t2, `[t1 = ${t1}, ∞)`);
    const dt = 1e-4;
    if (t2 - t1 < dt) {
      const lo = Math.max(t1 - dt / 2, 0);
      return Math.log(this.discountImpl(lo) / this.discountImpl(lo + dt)) / dt;
    }
    return Math.log(this.discountImpl(t1) / this.discountImpl(t2)) / (t2 - t1);
  }
}
