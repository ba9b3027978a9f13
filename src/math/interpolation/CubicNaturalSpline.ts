import { checkAbscissa } from './_lib/checkAbscissa.js';
import { checkGrid } from './_lib/checkGrid.js';
import { checkValues } from './_lib/checkValues.js';
import { locate } from './_lib/locate.js';

/**
 * Options of {@link CubicNaturalSpline}.
 * @public
 */
export interface CubicNaturalSplineOptions {
  /**
   * Apply Hyman's monotonicity filter to the node slopes (QuantLib's
   * `MonotonicCubicNaturalSpline`); default false.
   */
  readonly monotonic?: boolean;
}

/**
 * Natural cubic spline through (xs[i], ys[i]): C² piecewise cubic with zero second derivative
 * at both ends, optionally made monotone by Hyman's filter.
 *
 * @remarks
 * The node slopes m solve the tridiagonal system
 * h_i m_{i−1} + 2 (h_{i−1} + h_i) m_i + h_{i−1} m_{i+1} = 3 (h_i S_{i−1} + h_{i−1} S_i), with
 * 2 m_0 + m_1 = 3 S_0 and m_{n−2} + 2 m_{n−1} = 3 S_{n−2} (natural ends), where h_i = x_{i+1} − x_i
 * and S_i the secant slopes; each segment is then the cubic Hermite polynomial of its end values
 * and slopes. The monotonic variant caps each slope at three times the smaller adjacent secant
 * slope (and sets it to 0 at a local extremum or where it points against the data), which keeps
 * the interpolant monotone wherever the data are; it is then C¹ only. Outside the nodes the end
 * cubics are prolonged when extrapolation is allowed.
 * Source: de Boor (2001), A Practical Guide to Splines, ch. IV (slopes of the cubic spline);
 * Hyman (1983), "Accurate monotonicity preserving cubic interpolation", SIAM J. Sci. Stat.
 * Comput. 4(4) (the filter); QuantLib `ql/math/interpolations/cubicinterpolation.hpp`
 * (the same boundary conditions).
 * Checked against: `test/math/curveInterpolations.test.ts` (Burden & Faires' natural spline of
 * e^x, nodes and linear data reproduced, C² with zero end curvature, monotone data kept
 * monotone) and, through log-cubic discount curves, QuantLib 1.29's `MonotonicLogCubic`
 * bootstrap.
 *
 * @example
 * ```ts
 * import { CubicNaturalSpline } from 'quantflow';
 * new CubicNaturalSpline([0, 1, 2], [0, 1, 0]).value(0.5); //=> 0.6875
 * ```
 * @public
 */
export class CubicNaturalSpline {
  private readonly xs: Float64Array;
  private readonly ys: Float64Array;
  private readonly slopes: Float64Array;

  /**
   * @param xs - abscissae, length n ≥ 2, finite and strictly increasing (copied).
   * @param ys - ordinates, length n, finite (copied).
   * @param options - `monotonic` (Hyman filter).
   * @throws InvalidInputError when lengths differ, n < 2, xs not increasing or values not finite.
   */
  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>, options: CubicNaturalSplineOptions = {}) {
    checkGrid('xs', xs);
    checkValues('ys', ys, xs.length, 'xs.length');
    this.xs = Float64Array.from(xs);
    this.ys = Float64Array.from(ys);
    const n = xs.length;
    const h = new Float64Array(n - 1);
    const secant = new Float64Array(n - 1);
    for (let i = 0; i < n - 1; i++) {
      h[i] = (this.xs[i + 1] as number) - (this.xs[i] as number);
      secant[i] = ((this.ys[i + 1] as number) - (this.ys[i] as number)) / (h[i] as number);
    }
    this.slopes = naturalSlopes(h, secant);
    if (options.monotonic === true) hymanFilter(this.slopes, secant);
  }

  /**
   * y at x.
   * @param x - the abscissa.
   * @param allowExtrapolation - prolong the end cubics outside the nodes.
   * @throws InvalidInputError when x is outside [xs[0], xs[n−1]] and extrapolation is not allowed.
   */
  value(x: number, allowExtrapolation = false): number {
    const [a, b, c, d, u] = this.segment(x, allowExtrapolation);
    return a + u * (b + u * (c + u * d));
  }

  /** dy/dx at x; arguments and errors as {@link CubicNaturalSpline.value}. */
  derivative(x: number, allowExtrapolation = false): number {
    const [, b, c, d, u] = this.segment(x, allowExtrapolation);
    return b + u * (2 * c + 3 * d * u);
  }

  /** d²y/dx² at x; arguments and errors as {@link CubicNaturalSpline.value}. */
  secondDerivative(x: number, allowExtrapolation = false): number {
    const [, , c, d, u] = this.segment(x, allowExtrapolation);
    return 2 * c + 6 * d * u;
  }

  /** Coefficients of y = a + b u + c u² + d u³ on x's segment, and u = x − x_i. */
  private segment(x: number, allowExtrapolation: boolean): [number, number, number, number, number] {
    const lo = this.xs[0] as number;
    const hi = this.xs[this.xs.length - 1] as number;
    checkAbscissa(x, lo, hi, allowExtrapolation);
    const i = locate(this.xs, x);
    const h = (this.xs[i + 1] as number) - (this.xs[i] as number);
    const s = ((this.ys[i + 1] as number) - (this.ys[i] as number)) / h;
    const m0 = this.slopes[i] as number;
    const m1 = this.slopes[i + 1] as number;
    return [this.ys[i] as number, m0, (3 * s - 2 * m0 - m1) / h, (m0 + m1 - 2 * s) / (h * h), x - (this.xs[i] as number)];
  }
}

/** Node slopes of the natural cubic spline (tridiagonal system, forward elimination then back substitution). */
function naturalSlopes(h: Float64Array, secant: Float64Array): Float64Array {
  const n = h.length + 1;
  const m = new Float64Array(n);
  if (n === 2) {
    m.fill(secant[0] as number);
    return m;
  }
  // Row i: sub[i] m_{i−1} + diag[i] m_i + sup[i] m_{i+1} = rhs[i].
  const diag = new Float64Array(n);
  const sup = new Float64Array(n);
  const rhs = new Float64Array(n);
  diag[0] = 2;
  sup[0] = 1;
  rhs[0] = 3 * (secant[0] as number);
  for (let i = 1; i < n; i++) {
    const sub = i < n - 1 ? (h[i] as number) : 1;
    let di: number;
    let ri: number;
    if (i < n - 1) {
      di = 2 * ((h[i - 1] as number) + (h[i] as number));
      sup[i] = h[i - 1] as number;
      ri = 3 * ((h[i] as number) * (secant[i - 1] as number) + (h[i - 1] as number) * (secant[i] as number));
    } else {
      di = 2;
      ri = 3 * (secant[n - 2] as number);
    }
    const factor = sub / (diag[i - 1] as number);
    diag[i] = di - factor * (sup[i - 1] as number);
    rhs[i] = ri - factor * (rhs[i - 1] as number);
  }
  m[n - 1] = (rhs[n - 1] as number) / (diag[n - 1] as number);
  for (let i = n - 2; i >= 0; i--) m[i] = ((rhs[i] as number) - (sup[i] as number) * (m[i + 1] as number)) / (diag[i] as number);
  return m;
}

/** Hyman (1983): cap each slope by 3·min(|adjacent secants|); zero at extrema or against the data. */
function hymanFilter(m: Float64Array, secant: Float64Array): void {
  const n = m.length;
  for (let i = 0; i < n; i++) {
    const left = i > 0 ? (secant[i - 1] as number) : (secant[0] as number);
    const right = i < n - 1 ? (secant[i] as number) : (secant[n - 2] as number);
    const mi = m[i] as number;
    if (left * right <= 0 || mi * right <= 0) {
      m[i] = 0;
      continue;
    }
    const cap = 3 * Math.min(Math.abs(left), Math.abs(right));
    if (Math.abs(mi) > cap) m[i] = Math.sign(mi) * cap;
  }
}
