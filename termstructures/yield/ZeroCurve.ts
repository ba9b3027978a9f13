import { InvalidInputError } from '../../src/errors.js';
import { LinearInterpolation } from '../../src/math/interpolation/LinearInterpolation.js';
import type { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * A curve through given continuously compounded zero rates, linearly interpolated in the
 * zero rate against time, flat beyond the last pillar when extrapolation is enabled.
 *
 * @remarks
 * P(0, t) = exp(−z(t) t). Before the first pillar the zero rate is flat at its first value
 * (unless the first pillar is the reference date itself).
 * Source: QuantLib `ql/termstructures/yield/zerocurve.hpp` (`ZeroCurve` = linear in zero rates;
 * flat extrapolation of the zero rate past the last date as QuantLib's `InterpolatedZeroCurve`).
 * Checked against: `test/termstructures/yield.test.ts` (pillars reproduced exactly, linear
 * interpolation midpoints).
 *
 * @public
 */
export class ZeroCurve extends YieldTermStructure {
  private readonly dates: readonly Date[];
  private readonly interpolation: LinearInterpolation;
  private readonly times: Float64Array;

  /**
   * @param dates - pillar dates, ascending, the first on or after the reference date; length ≥ 2.
   * @param zeroRates - continuously compounded zero rates (decimals) at the pillars, same length.
   * @param options - must give a fixed `referenceDate`, plus day counter etc.
   * @throws InvalidInputError when lengths differ, dates are not increasing or precede the
   * reference date, rates are not finite, or no fixed reference date is given.
   */
  constructor(dates: readonly Date[], zeroRates: ArrayLike<number>, options: TermStructureOptions) {
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
    this.interpolation = new LinearInterpolation(this.times, zeroRates);
  }

  override maxDate(): Date {
    return this.dates[this.dates.length - 1] as Date;
  }

  /** The pillar times (years from the reference date). */
  pillarTimes(): Float64Array {
    return Float64Array.from(this.times);
  }

  protected discountImpl(t: number): number {
    const first = this.times[0] as number;
    const last = this.times[this.times.length - 1] as number;
    const z = this.interpolation.value(Math.min(Math.max(t, first), last));
    return Math.exp(-z * t);
  }
}
