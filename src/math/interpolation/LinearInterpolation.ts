import { InvalidInputError } from '../../errors.js';
import { checkGrid } from './_lib/checkGrid.js';
import { checkValues } from './_lib/checkValues.js';
import { locate } from './_lib/locate.js';

/**
 * Piecewise-linear interpolation of y(x) through the nodes (xs[i], ys[i]).
 *
 * @remarks
 * Outside [xs[0], xs[n−1]] the end segments are prolonged linearly when extrapolation is
 * allowed; otherwise a read there throws.
 * Source: standard; QuantLib `ql/math/interpolations/linearinterpolation.hpp`.
 * Checked against: `test/math/interpolation.test.ts` (reproduces linear functions exactly).
 *
 * @example
 * ```ts
 * import { LinearInterpolation } from 'quantflow';
 * new LinearInterpolation([0, 1, 2], [0, 10, 30]).value(1.5); //=> 20
 * ```
 * @public
 */
export class LinearInterpolation {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  /** cumulative[k] = ∫_{xs[0]}^{xs[k]} y. */
  private readonly cumulative: Float64Array;

  /**
   * @param xs - abscissae, length n ≥ 2, finite and strictly increasing (copied).
   * @param ys - ordinates, length n, finite (copied).
   * @throws InvalidInputError when lengths differ, n < 2, xs not increasing or values not finite.
   */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>) {
    checkGrid('xs', xs);
    checkValues('ys', ys, xs.length, 'xs.length');
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    this.cumulative = new Float64Array(this.xs.length);
    for (let k = 1; k < this.xs.length; k++) {
      const width = (this.xs[k] as number) - (this.xs[k - 1] as number);
      this.cumulative[k] = (this.cumulative[k - 1] as number) + (((this.ys[k - 1] as number) + (this.ys[k] as number)) / 2) * width;
    }
  }

  /** Smallest node abscissa. */
  xMin(): number {
    return this.xs[0] as number;
  }

  /** Largest node abscissa. */
  xMax(): number {
    return this.xs[this.xs.length - 1] as number;
  }

  /**
   * y at x.
   * @param x - the abscissa.
   * @param allowExtrapolation - prolong the end segments outside the nodes.
   * @throws InvalidInputError when x is outside [xMin, xMax] and extrapolation is not allowed.
   */
  value(x: number, allowExtrapolation = false): number {
    if (!allowExtrapolation && !(x >= this.xMin() && x <= this.xMax())) {
      throw InvalidInputError.outOfRange('x', x, `[${this.xMin()}, ${this.xMax()}] (extrapolation not allowed)`);
    }
    const i = locate(this.xs, x);
    const x0 = this.xs[i] as number;
    const x1 = this.xs[i + 1] as number;
    const y0 = this.ys[i] as number;
    const y1 = this.ys[i + 1] as number;
    return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }

  /** dy/dx at x (the slope of the segment containing x). */
  derivative(x: number, allowExtrapolation = false): number {
    this.value(x, allowExtrapolation);
    const i = locate(this.xs, x);
    return ((this.ys[i + 1] as number) - (this.ys[i] as number)) / ((this.xs[i + 1] as number) - (this.xs[i] as number));
  }

  /**
   * The integral ∫_{xMin}^{x} y(s) ds of the interpolant (trapezoids; the prolonged end
   * segments when extrapolating).
   * @param x - the upper limit.
   * @param allowExtrapolation - integrate over the prolonged end segments outside the nodes.
   * @throws InvalidInputError when x is outside [xMin, xMax] and extrapolation is not allowed.
   */
  primitive(x: number, allowExtrapolation = false): number {
    const y = this.value(x, allowExtrapolation);
    const i = locate(this.xs, x);
    return (this.cumulative[i] as number) + (((this.ys[i] as number) + y) / 2) * (x - (this.xs[i] as number));
  }
}
