import { InvalidInputError } from '../../src/errors.js';
import { LinearInterpolation } from '../../src/math/interpolation/LinearInterpolation.js';
import type { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { fromZeroRates, type MinusLogDiscount } from './_lib/minusLogDiscount.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * How a {@link ZeroCurve} fills in between its pillars:
 * - `linear`: the zero rate linear in t (QuantLib's `ZeroCurve` = `InterpolatedZeroCurve<Linear>`);
 * - `monotoneConvex`: Hagan–West monotone convex forwards whose integral is z(t)·t, from
 *   (0, 0) through the pillars.
 * @public
 */
export type ZeroInterpolation = 'linear' | 'monotoneConvex';

/**
 * Options of {@link ZeroCurve}: the term-structure options (a fixed reference date is
 * required) and the interpolation.
 * @public
 */
export interface ZeroCurveOptions extends TermStructureOptions {
  /** Default `linear`. */
  readonly interpolation?: ZeroInterpolation;
}

/**
 * A curve through given continuously compounded zero rates, by default linearly interpolated
 * in the zero rate against time, flat beyond the last pillar when extrapolation is enabled.
 *
 * @remarks
 * P(0, t) = exp(−z(t) t). With `linear`, before the first pillar the zero rate is flat at its
 * first value (unless the first pillar is the reference date itself), and past the last it
 * stays flat (QuantLib 1.29 instead keeps the instantaneous forward flat there). With
 * `monotoneConvex` the instantaneous forward is Hagan–West's from the reference date (z·t = 0
 * there) through the pillars, flat past the last pillar.
 * Source: QuantLib `ql/termstructures/yield/zerocurve.hpp` (`ZeroCurve` = linear in zero rates;
 * its extrapolation past the last date differs, as said above); Hagan and West (2006), Applied Mathematical Finance 13(2), §§3–4 (monotone convex).
 * Checked against: `test/termstructures/yield.test.ts` (pillars reproduced exactly, linear
 * interpolation midpoints) and `test/termstructures/interpolatedCurves.test.ts` (monotone
 * convex: pillars, continuity of forwards).
 *
 * @public
 */
export class ZeroCurve extends YieldTermStructure {
  private readonly dates: readonly Date[];
  /** The interpolation in use. */
  readonly interpolation: ZeroInterpolation;
  private readonly linear: LinearInterpolation;
  private readonly times: Float64Array;
  private readonly minusLogDiscount: MinusLogDiscount | null;

  /**
   * @param dates - pillar dates, ascending, the first on or after the reference date; length ≥ 2.
   * @param zeroRates - continuously compounded zero rates (decimals) at the pillars, same length.
   * @param options - must give a fixed `referenceDate`, plus day counter, interpolation
   * (default `linear`) etc.
   * @throws InvalidInputError when lengths differ, dates are not increasing or precede the
   * reference date, rates are not finite, no fixed reference date is given, or the
   * interpolation is unknown.
   */
  constructor(dates: readonly Date[], zeroRates: ArrayLike<number>, options: ZeroCurveOptions) {
    super(options);
    if (options.referenceDate === undefined) {
      throw InvalidInputError.outOfRange('options.referenceDate', undefined, 'a fixed Date (pillars are dates)');
    }
    if (zeroRates.length !== dates.length) {
      throw InvalidInputError.outOfRange('zeroRates.length', zeroRates.length, `{${dates.length}} (dates.length)`);
    }
    this.dates = [...dates];
    this.times = Float64Array.from(dates, (d) => this.timeFromReference(d));
    if (this.times.length > 0 && (this.times[0] as number) < 0) {
      throw InvalidInputError.outOfRange('dates[0]', dates[0]?.toISOString(), `[${options.referenceDate.toISOString()}, ∞)`);
    }
    this.linear = new LinearInterpolation(this.times, zeroRates);
    this.interpolation = options.interpolation ?? 'linear';
    if (this.interpolation !== 'linear' && this.interpolation !== 'monotoneConvex') {
      throw InvalidInputError.outOfRange('options.interpolation', this.interpolation, "{'linear', 'monotoneConvex'}");
    }
    this.minusLogDiscount = this.interpolation === 'linear' ? null : fromZeroRates(this.times, Float64Array.from(zeroRates), this.interpolation);
  }

  override maxDate(): Date {
    return this.dates[this.dates.length - 1] as Date;
  }

  /** The pillar times (years from the reference date). */
  pillarTimes(): Float64Array {
    return Float64Array.from(this.times);
  }

  protected discountImpl(t: number): number {
    if (this.minusLogDiscount !== null) return Math.exp(-this.minusLogDiscount(t));
    const first = this.times[0] as number;
    const last = this.times[this.times.length - 1] as number;
    const z = this.linear.value(Math.min(Math.max(t, first), last));
    return Math.exp(-z * t);
  }
}
