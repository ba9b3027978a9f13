import { InvalidInputError } from '../../src/errors.js';
import type { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { CurveNodes } from './_lib/CurveNodes.js';
import { fromForwards } from './_lib/minusLogDiscount.js';
import { referenceFromFirstDate } from './_lib/pillarTimes.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * How an {@link InterpolatedForwardCurve} fills in its instantaneous forwards:
 * - `backwardFlat`: f(t) = f_i on (t_{i−1}, t_i] (QuantLib's `ForwardCurve`);
 * - `linear`: f linear between nodes.
 * @public
 */
export type ForwardInterpolation = 'backwardFlat' | 'linear';

/**
 * Options of {@link InterpolatedForwardCurve}: the term-structure options (the reference date,
 * when given, must be the first node date) and the interpolation.
 * @public
 */
export interface InterpolatedForwardCurveOptions extends TermStructureOptions {
  /** Default `backwardFlat`. */
  readonly interpolation?: ForwardInterpolation;
}

/**
 * A curve through given instantaneous forward rates: P(0, t) = exp(−∫_0^t f(s) ds).
 *
 * @remarks
 * The forwards are continuously compounded instantaneous rates on the curve's day counter; the
 * first node is the reference date. The integral is exact for both interpolations; past the
 * last node (with extrapolation enabled) the forward stays at its last value, as in QuantLib.
 * Source: QuantLib `ql/termstructures/yield/forwardcurve.hpp` (`InterpolatedForwardCurve`).
 * Checked against: `test/termstructures/interpolatedCurves.test.ts` (closed-form integrals of
 * step and linear forwards, positive and decreasing discount factors for positive forwards as a
 * property).
 *
 * @example
 * ```ts
 * import { Date, InterpolatedForwardCurve } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * const curve = new InterpolatedForwardCurve([today, today.addDays(365), today.addDays(730)], [0.02, 0.03, 0.04]);
 * curve.discount(1); //=> 0.9704455335485082   (e^{−0.03})
 * ```
 * @public
 */
export class InterpolatedForwardCurve extends YieldTermStructure {
  /** The interpolation in use. */
  readonly interpolation: ForwardInterpolation;
  private readonly nodes: CurveNodes;

  /**
   * @param dates - node dates, strictly increasing, the first the reference date; length ≥ 2.
   * @param forwards - instantaneous forward rates (decimals, continuous) at the nodes, same
   * length, finite.
   * @param options - day counter (default Act/365F), interpolation (default `backwardFlat`); a
   * `referenceDate`, if given, must equal `dates[0]`.
   * @throws InvalidInputError when lengths differ or are < 2, dates are not increasing, a
   * forward is not finite, or the interpolation is unknown.
   */
  constructor(dates: readonly Date[], forwards: ArrayLike<number>, options: InterpolatedForwardCurveOptions = {}) {
    super(referenceFromFirstDate(dates, forwards, 'forwards', options));
    this.interpolation = options.interpolation ?? 'backwardFlat';
    if (!['backwardFlat', 'linear'].includes(this.interpolation)) {
      throw InvalidInputError.outOfRange('options.interpolation', this.interpolation, "{'backwardFlat', 'linear'}");
    }
    const interpolation = this.interpolation;
    this.nodes = new CurveNodes(dates, (d) => this.timeFromReference(d), forwards, (times, values) => fromForwards(times, values, interpolation));
  }

  /** The last node date. */
  override maxDate(): Date {
    return this.nodes.lastDate();
  }

  /** The node dates. */
  dates(): Date[] {
    return [...this.nodes.dates];
  }

  /** The node times (years from the reference date by the day counter). */
  times(): Float64Array {
    return Float64Array.from(this.nodes.times);
  }

  /** The node forwards. */
  forwards(): Float64Array {
    return Float64Array.from(this.nodes.values);
  }

  /** exp(−F(t)) through the nodes. */
  protected discountImpl(t: number): number {
    return this.nodes.discount(t);
  }
}
