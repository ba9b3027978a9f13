import { checkAbscissa } from './_lib/checkAbscissa.js';
import { checkGrid } from './_lib/checkGrid.js';
import { checkValues } from './_lib/checkValues.js';
import { locate } from './_lib/locate.js';

/**
 * Backward-flat (left-continuous step) interpolation: y(x) = ys[i] for x in (xs[i−1], xs[i]].
 *
 * @remarks
 * y(xs[0]) = ys[0]. Past the last node the last value continues (with extrapolation allowed);
 * before the first, the first. {@link BackwardFlatInterpolation.primitive} integrates the steps
 * exactly. Used for piecewise-constant instantaneous forwards (QuantLib's `ForwardCurve`).
 * Source: QuantLib `ql/math/interpolations/backwardflatinterpolation.hpp` (definition).
 * Checked against: `test/math/curveInterpolations.test.ts` (step values, exact integrals).
 *
 * @example
 * ```ts
 * import { BackwardFlatInterpolation } from 'quantflow';
 * new BackwardFlatInterpolation([0, 1, 2], [5, 10, 30]).primitive(1.5); //=> 25
 * ```
 * @public
 */
export class BackwardFlatInterpolation {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** cumulative[k] = ∫_{xs[0]}^{xs[k]} y. */
  private readonly cumulative: Float64Array;

  /**
   * @param xs - abscissae, length n ≥ 2, finite and strictly increasing (copied).
   * @param ys - ordinates, length n, finite (copied); ys[i] holds on (xs[i−1], xs[i]].
   * @throws InvalidInputError when lengths differ, n < 2, xs not increasing or values not finite.
   */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>) {
    checkGrid('xs', xs);
    checkValues('ys', ys, xs.length, 'xs.length');
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    this.cumulative = new Float64Array(xs.length);
    for (let k = 1; k < xs.length; k++) {
      this.cumulative[k] = (this.cumulative[k - 1] as number) + (this.ys[k] as number) * ((this.xs[k] as number) - (this.xs[k - 1] as number));
    }
  }

  /**
   * y at x.
   * @param x - the abscissa.
   * @param allowExtrapolation - continue the end values outside the nodes.
   * @throws InvalidInputError when x is outside [xs[0], xs[n−1]] and extrapolation is not allowed.
   */
  value(x: number, allowExtrapolation = false): number {
    this.check(x, allowExtrapolation);
    const n = this.xs.length;
    if (x <= (this.xs[0] as number)) return this.ys[0] as number;
    if (x > (this.xs[n - 1] as number)) return this.ys[n - 1] as number;
    const i = locate(this.xs, x);
    return (x > (this.xs[i] as number) ? this.ys[i + 1] : this.ys[i]) as number;
  }

  /**
   * The integral ∫_{xs[0]}^{x} y(s) ds (negative for x < xs[0]).
   * @param x - the upper limit.
   * @param allowExtrapolation - integrate over the continued end values outside the nodes.
   * @throws InvalidInputError when x is outside [xs[0], xs[n−1]] and extrapolation is not allowed.
   */
  primitive(x: number, allowExtrapolation = false): number {
    this.check(x, allowExtrapolation);
    const n = this.xs.length;
    const x0 = this.xs[0] as number;
    if (x <= x0) return (this.ys[0] as number) * (x - x0);
    if (x > (this.xs[n - 1] as number)) return (this.cumulative[n - 1] as number) + (this.ys[n - 1] as number) * (x - (this.xs[n - 1] as number));
    const i = locate(this.xs, x);
    return (this.cumulative[i] as number) + (this.ys[i + 1] as number) * (x - (this.xs[i] as number));
  }

  private check(x: number, allowExtrapolation: boolean): void {
    const lo = this.xs[0] as number;
    const hi = this.xs[this.xs.length - 1] as number;
    checkAbscissa(x, lo, hi, allowExtrapolation);
  }
}
