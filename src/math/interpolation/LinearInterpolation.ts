import { InvalidInputError } from '../../errors.js';
import { checkGrid } from './_lib/checkGrid.js';
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

  /**
   * @param xs - abscissae, length n ≥ 2, finite and strictly increasing (copied).
   * @param ys - ordinates, length n, finite (copied).
   * @throws InvalidInputError when lengths differ, n < 2, xs not increasing or values not finite.
   */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>) {
    checkGrid('xs', xs);
    if (ys.length !== xs.length) throw InvalidInputError.outOfRange('ys.length', ys.length, `{${xs.length}} (xs.length)`);
    for (let i = 0; i < ys.length; i++) {
      if (!Number.isFinite(ys[i])) throw InvalidInputError.outOfRange(`ys[${i}]`, ys[i], 'finite numbers');
    }
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
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
}
