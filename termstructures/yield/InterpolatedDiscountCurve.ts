import { InvalidInputError } from '../../src/errors.js';
import type { Date } from '../../src/time/Date.js';
import type { TermStructureOptions } from '../TermStructure.js';
import { CurveNodes } from './_lib/CurveNodes.js';
import { fromDiscounts } from './_lib/minusLogDiscount.js';
import { referenceFromFirstDate } from './_lib/pillarTimes.js';
import { YieldTermStructure } from './YieldTermStructure.js';

/**
 * How an {@link InterpolatedDiscountCurve} fills in between its nodes:
 * - `logLinear`: ln P linear in t (piecewise-flat instantaneous forwards; QuantLib's
 *   `DiscountCurve` = `InterpolatedDiscountCurve<LogLinear>`);
 * - `logCubic`: ln P on a natural cubic spline with Hyman's monotone filter (QuantLib's
 *   `MonotonicLogCubic`);
 * - `monotoneConvex`: Hagan–West monotone convex forwards with −ln P as their integral.
 * @public
 */
export type DiscountInterpolation = 'logLinear' | 'logCubic' | 'monotoneConvex';

/**
 * Options of {@link InterpolatedDiscountCurve}: the term-structure options (the reference date,
 * when given, must be the first node date) and the interpolation.
 * @public
 */
export interface InterpolatedDiscountCurveOptions extends TermStructureOptions {
  /** Default `logLinear`. */
  readonly interpolation?: DiscountInterpolation;
}

/**
 * A discount curve through given discount factors, interpolated in ln P.
 *
 * @remarks
 * The first node is the reference date with P = 1. Between nodes, see
 * {@link DiscountInterpolation}; past the last node (with extrapolation enabled) the
 * instantaneous forward stays at its value at the last node, as in QuantLib.
 * Source: QuantLib `ql/termstructures/yield/discountcurve.hpp` (`InterpolatedDiscountCurve`);
 * Hagan and West (2006), Applied Mathematical Finance 13(2), §§3–4 (monotone convex).
 * Checked against: `test/termstructures/interpolatedCurves.test.ts` (nodes reproduced,
 * log-linear closed form, flat-forward extrapolation, positive and decreasing discount factors
 * for positive forwards as a property) and, through `PiecewiseYieldCurve`, QuantLib 1.29.
 *
 * @example
 * ```ts
 * import { Date, InterpolatedDiscountCurve } from 'quantflow';
 * const today = Date.fromISO('2025-01-02');
 * const curve = new InterpolatedDiscountCurve([today, today.addDays(365), today.addDays(730)], [1, 0.97, 0.94]);
 * curve.discount(1.5); //=> 0.9548821916864928   (√(0.97 · 0.94))
 * ```
 * @public
 */
export class InterpolatedDiscountCurve extends YieldTermStructure {
  /** The interpolation in use. */
  readonly interpolation: DiscountInterpolation;
  private readonly nodes: CurveNodes;

  /**
   * @param dates - node dates, strictly increasing, the first the reference date; length ≥ 2.
   * @param discounts - discount factors at the nodes, same length, each finite and > 0, the
   * first exactly 1.
   * @param options - day counter (default Act/365F), interpolation (default `logLinear`); a
   * `referenceDate`, if given, must equal `dates[0]`.
   * @throws InvalidInputError when lengths differ or are < 2, dates are not increasing, a
   * discount factor is not positive and finite, the first is not 1, or the interpolation is
   * unknown.
   */
  constructor(dates: readonly Date[], discounts: ArrayLike<number>, options: InterpolatedDiscountCurveOptions = {}) {
    super(referenceFromFirstDate(dates, discounts, 'discounts', options));
    this.interpolation = options.interpolation ?? 'logLinear';
    if (!['logLinear', 'logCubic', 'monotoneConvex'].includes(this.interpolation)) {
      throw InvalidInputError.outOfRange('options.interpolation', this.interpolation, "{'logLinear', 'logCubic', 'monotoneConvex'}");
    }
    for (let i = 0; i < discounts.length; i++) {
      if (!((discounts[i] as number) > 0)) throw InvalidInputError.outOfRange(`discounts[${i}]`, discounts[i], '(0, ∞)');
    }
    if (discounts[0] !== 1) throw InvalidInputError.outOfRange('discounts[0]', discounts[0], '{1} (the reference date)');
    const interpolation = this.interpolation;
    this.nodes = new CurveNodes(dates, (d) => this.timeFromReference(d), discounts, (times, values) => fromDiscounts(times, values, interpolation));
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

  /** The node discount factors. */
  discounts(): Float64Array {
    return Float64Array.from(this.nodes.values);
  }

  /** exp(−F(t)) through the nodes. */
  protected discountImpl(t: number): number {
    return this.nodes.discount(t);
  }
}
