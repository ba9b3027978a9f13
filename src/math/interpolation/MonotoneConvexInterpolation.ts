import { checkAbscissa } from './_lib/checkAbscissa.js';
import { checkGrid } from './_lib/checkGrid.js';
import { checkValues } from './_lib/checkValues.js';
import { locate } from './_lib/locate.js';

/**
 * Options of {@link MonotoneConvexInterpolation}.
 * @public
 */
export interface MonotoneConvexInterpolationOptions {
  /**
   * Keep f ≥ 0 when every interval average is ≥ 0 (Hagan–West's positivity bounds on the node
   * values); default true. Has no effect when some average is negative.
   */
  readonly positive?: boolean;
}

/** Segment shapes: g = f − (interval average) on u ∈ [0, 1], Hagan & West (2006) §§3–4. */
const enum Shape {
  Zero,
  Quadratic,
  FlatThenRise,
  FallThenFlat,
  TwoParabolas,
}

/**
 * Hagan and West's monotone convex interpolation: a continuous function f whose integral
 * over each interval [x_{i−1}, x_i] is given, kept monotone where the interval averages are
 * and non-negative when they are.
 *
 * @remarks
 * The input is the primitive F at the nodes, F(x_i) = F_0 + ∫_{x_0}^{x_i} f; the averages are
 * f^d_i = (F_i − F_{i−1}) / (x_i − x_{i−1}). Node values are the distance-weighted averages of
 * the neighbouring f^d (the end values from f_0 = f^d_1 − (f_1 − f^d_1)/2
 * and likewise at x_n), bounded to [0, 2·min(adjacent f^d)] when positivity is asked for and
 * all averages are ≥ 0. On each interval g(u) = f − f^d_i, u = (x − x_{i−1})/h_i, is the
 * quadratic through g(0) = g_0, g(1) = g_1 with zero integral when that quadratic is monotone,
 * and otherwise the flat-then-parabola, parabola-then-flat or two-parabola shape of the paper's
 * sectors (ii)–(iv). Where g_0 or g_1 is 0 (within rounding), the sectors' breakpoints reach the
 * interval's end and their limit is a jump; the quadratic is used instead, which keeps f
 * continuous but dips (or peaks) by a third of the other g: monotonicity is then kept only
 * where the averages are strictly monotone. f is continuous everywhere, F reproduces the
 * nodes, and the integral of g is computed in closed form. Outside the nodes f is flat at its
 * end value (extrapolation must be allowed).
 * Source: Hagan and West (2006), "Interpolation methods for curve construction", Applied
 * Mathematical Finance 13(2), §§3–4 (monotone convex method); the closed-form integrals are
 * derived from the same shapes.
 * Checked against: `test/math/curveInterpolations.test.ts` (node integrals reproduced,
 * continuity at the nodes, F′ = f by finite differences, positivity and linear data as
 * properties).
 *
 * @example
 * ```ts
 * import { MonotoneConvexInterpolation } from 'quantflow';
 * const f = new MonotoneConvexInterpolation([0, 1, 2], [0, 0.02, 0.05]);
 * f.primitive(2); //=> 0.05
 * ```
 * @public
 */
export class MonotoneConvexInterpolation {
  private readonly xs: Float64Array;
  private readonly primitives: Float64Array;
  private readonly averages: Float64Array;
  private readonly nodes: Float64Array;
  private readonly shapes: Shape[] = [];
  /** Per interval i: g at its ends (g0 = f_{i−1} − f^d_i, g1 = f_i − f^d_i) and the breakpoint η. */
  private readonly g0s: Float64Array;
  private readonly g1s: Float64Array;
  private readonly etas: Float64Array;

  /**
   * @param xs - nodes x_0 < … < x_n, length n + 1 ≥ 2, finite (copied).
   * @param primitives - F(x_i), length n + 1, finite (copied); F(x_0) is the constant of
   * integration.
   * @param options - `positive` (default true).
   * @throws InvalidInputError when lengths differ, there are fewer than 2 nodes, xs is not
   * increasing or values are not finite.
   */
  constructor(xs: ArrayLike<number>, primitives: ArrayLike<number>, options: MonotoneConvexInterpolationOptions = {}) {
    checkGrid('xs', xs);
    checkValues('primitives', primitives, xs.length, 'xs.length');
    this.xs = Float64Array.from(xs);
    this.primitives = Float64Array.from(primitives);
    const n = xs.length - 1;
    const x = this.xs;
    const fd = new Float64Array(n + 1); // fd[i], i = 1..n
    for (let i = 1; i <= n; i++) {
      fd[i] = ((this.primitives[i] as number) - (this.primitives[i - 1] as number)) / ((x[i] as number) - (x[i - 1] as number));
    }
    const f = new Float64Array(n + 1);
    if (n === 1) {
      f[0] = fd[1] as number;
      f[1] = fd[1] as number;
    } else {
      for (let i = 1; i < n; i++) {
        const span = (x[i + 1] as number) - (x[i - 1] as number);
        f[i] = (((x[i] as number) - (x[i - 1] as number)) / span) * (fd[i + 1] as number) + (((x[i + 1] as number) - (x[i] as number)) / span) * (fd[i] as number);
      }
      f[0] = (fd[1] as number) - 0.5 * ((f[1] as number) - (fd[1] as number));
      f[n] = (fd[n] as number) - 0.5 * ((f[n - 1] as number) - (fd[n] as number));
      let allNonNegative = true;
      for (let i = 1; i <= n; i++) if (!((fd[i] as number) >= 0)) allNonNegative = false;
      if ((options.positive ?? true) && allNonNegative) {
        const bound = (v: number, hi: number): number => Math.min(Math.max(v, 0), hi);
        f[0] = bound(f[0] as number, 2 * (fd[1] as number));
        for (let i = 1; i < n; i++) f[i] = bound(f[i] as number, 2 * Math.min(fd[i] as number, fd[i + 1] as number));
        f[n] = bound(f[n] as number, 2 * (fd[n] as number));
      }
    }
    this.averages = fd;
    this.nodes = f;
    this.etas = new Float64Array(n + 1);
    this.g0s = new Float64Array(n + 1);
    this.g1s = new Float64Array(n + 1);
    this.shapes.push(Shape.Zero); // no interval 0
    for (let i = 1; i <= n; i++) {
      const g0 = (f[i - 1] as number) - (fd[i] as number);
      const g1 = (f[i] as number) - (fd[i] as number);
      // A g within rounding of 0 counts as 0: otherwise a node value equal to the average up to
      // rounding would put the breakpoint within ~1e-14 of a node (a jump in all but name). An
      // average is known to about ε·|F|/h (the difference of two primitives over h).
      const h = (x[i] as number) - (x[i - 1] as number);
      const scale = Math.max(Math.abs(this.primitives[i - 1] as number), Math.abs(this.primitives[i] as number)) / h;
      const tolerance = 64 * Number.EPSILON * (scale + Math.max(Math.abs(f[i - 1] as number), Math.abs(f[i] as number), Math.abs(fd[i] as number)));
      const [shape, eta] = classify(g0, g1, tolerance);
      this.shapes.push(shape);
      this.etas[i] = eta;
      this.g0s[i] = g0;
      this.g1s[i] = g1;
    }
  }

  /**
   * f(x), the interpolated function (for a yield curve: the instantaneous forward rate when
   * the primitives are −ln P).
   * @param x - the abscissa.
   * @param allowExtrapolation - continue f flat at its end values outside the nodes.
   * @throws InvalidInputError when x is outside [x_0, x_n] and extrapolation is not allowed.
   */
  value(x: number, allowExtrapolation = false): number {
    const i = this.interval(x, allowExtrapolation);
    if (i === 0) return this.nodes[0] as number;
    if (i > this.xs.length - 1) return this.nodes[this.xs.length - 1] as number;
    const x0 = this.xs[i - 1] as number;
    const u = (x - x0) / ((this.xs[i] as number) - x0);
    return (this.averages[i] as number) + this.g(i, u);
  }

  /**
   * F(x) = F(x_0) + ∫_{x_0}^{x} f(s) ds, exact for the piecewise shapes (for a yield curve:
   * −ln P(x)).
   * @param x - the upper limit.
   * @param allowExtrapolation - integrate the flat continuation outside the nodes.
   * @throws InvalidInputError when x is outside [x_0, x_n] and extrapolation is not allowed.
   */
  primitive(x: number, allowExtrapolation = false): number {
    const i = this.interval(x, allowExtrapolation);
    const n = this.xs.length - 1;
    if (i === 0) return (this.primitives[0] as number) + (this.nodes[0] as number) * (x - (this.xs[0] as number));
    if (i > n) return (this.primitives[n] as number) + (this.nodes[n] as number) * (x - (this.xs[n] as number));
    const x0 = this.xs[i - 1] as number;
    const h = (this.xs[i] as number) - x0;
    const u = (x - x0) / h;
    return (this.primitives[i - 1] as number) + (this.averages[i] as number) * (x - x0) + h * this.integralOfG(i, u);
  }

  /** 0 before x_0, n + 1 after x_n, else the interval i ∈ [1, n] holding x. */
  private interval(x: number, allowExtrapolation: boolean): number {
    const n = this.xs.length - 1;
    const lo = this.xs[0] as number;
    const hi = this.xs[n] as number;
    checkAbscissa(x, lo, hi, allowExtrapolation);
    if (x < lo) return 0;
    if (x > hi) return n + 1;
    return locate(this.xs, x) + 1;
  }

  private g(i: number, u: number): number {
    const g0 = this.g0s[i] as number;
    const g1 = this.g1s[i] as number;
    const eta = this.etas[i] as number;
    switch (this.shapes[i] as Shape) {
      case Shape.Zero:
        return 0;
      case Shape.Quadratic:
        return g0 * (1 - 4 * u + 3 * u * u) + g1 * (3 * u * u - 2 * u);
      case Shape.FlatThenRise:
        return u <= eta ? g0 : g0 + (g1 - g0) * ((u - eta) / (1 - eta)) ** 2;
      case Shape.FallThenFlat:
        return u < eta ? g1 + (g0 - g1) * ((eta - u) / eta) ** 2 : g1;
      case Shape.TwoParabolas: {
        const a = (-g0 * g1) / (g0 + g1);
        return u <= eta ? a + (g0 - a) * ((eta - u) / eta) ** 2 : a + (g1 - a) * ((u - eta) / (1 - eta)) ** 2;
      }
    }
  }

  /** ∫_0^u g, closed form per shape. */
  private integralOfG(i: number, u: number): number {
    const g0 = this.g0s[i] as number;
    const g1 = this.g1s[i] as number;
    const eta = this.etas[i] as number;
    switch (this.shapes[i] as Shape) {
      case Shape.Zero:
        return 0;
      case Shape.Quadratic:
        return g0 * (u - 2 * u * u + u * u * u) + g1 * (u * u * u - u * u);
      case Shape.FlatThenRise:
        return u <= eta ? g0 * u : g0 * u + ((g1 - g0) * (u - eta) ** 3) / (3 * (1 - eta) ** 2);
      case Shape.FallThenFlat:
        return u < eta ? g1 * u + ((g0 - g1) * (eta ** 3 - (eta - u) ** 3)) / (3 * eta * eta) : g1 * u + ((g0 - g1) * eta) / 3;
      case Shape.TwoParabolas: {
        const a = (-g0 * g1) / (g0 + g1);
        if (u <= eta) return a * u + ((g0 - a) * (eta ** 3 - (eta - u) ** 3)) / (3 * eta * eta);
        return a * u + ((g0 - a) * eta) / 3 + ((g1 - a) * (u - eta) ** 3) / (3 * (1 - eta) ** 2);
      }
    }
  }
}

/** Hagan–West sector of (g0, g1) and its breakpoint η. */
function classify(g0: number, g1: number, tolerance: number): [Shape, number] {
  if (g0 === 0 && g1 === 0) return [Shape.Zero, 0];
  if (Math.abs(g0) <= tolerance || Math.abs(g1) <= tolerance) return [Shape.Quadratic, 0];
  // (i): the quadratic is monotone on [0, 1].
  if ((g0 < 0 && -0.5 * g0 <= g1 && g1 <= -2 * g0) || (g0 > 0 && -0.5 * g0 >= g1 && g1 >= -2 * g0)) return [Shape.Quadratic, 0];
  // (ii): g1 beyond −2 g0: flat at g0, then a parabola up to g1.
  if ((g0 < 0 && g1 > -2 * g0) || (g0 > 0 && g1 < -2 * g0)) return [Shape.FlatThenRise, (g1 + 2 * g0) / (g1 - g0)];
  // (iii): g1 between 0 and −g0/2: a parabola from g0, then flat at g1.
  if ((g0 > 0 && 0 > g1 && g1 > -0.5 * g0) || (g0 < 0 && 0 < g1 && g1 < -0.5 * g0)) return [Shape.FallThenFlat, (3 * g1) / (g1 - g0)];
  // (iv): same signs: two parabolas meeting at their common extremum A.
  return [Shape.TwoParabolas, g1 / (g1 + g0)];
}
