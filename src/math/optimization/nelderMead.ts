import { InvalidInputError } from '../../errors.js';

/**
 * Options of {@link nelderMead}.
 * @internal
 */
export interface NelderMeadOptions {
  /** Initial simplex edge per coordinate (same units as x); length n; each > 0. */
  readonly steps: ArrayLike<number>;
  /** Lower bounds per coordinate (points are clamped into the box); length n; default −∞. */
  readonly lower?: ArrayLike<number>;
  /** Upper bounds per coordinate; length n; default +∞. */
  readonly upper?: ArrayLike<number>;
  /** Largest number of function evaluations; default 200·n. */
  readonly maxEvaluations?: number;
  /** Stop when max − min of f over the simplex is ≤ `tolerance`·(|f_min| + 1e-30); default 1e-10. */
  readonly tolerance?: number;
}

/**
 * Result of {@link nelderMead}.
 * @internal
 */
export interface NelderMeadResult {
  /** The best point found; length n. */
  readonly x: Float64Array;
  /** f at `x`. */
  readonly value: number;
  /** Function evaluations used. */
  readonly evaluations: number;
  /** True when the tolerance was met before `maxEvaluations`. */
  readonly converged: boolean;
}

/**
 * Minimises f over a box by the Nelder–Mead downhill simplex (points clamped into the box).
 *
 * @remarks
 * Reflection 1, expansion 2, contraction ½, shrink ½ (the standard coefficients); a trial point
 * outside the box is clamped onto it. No derivatives; meant for low dimensions (n ≤ 5).
 * Non-finite f values are treated as +∞.
 *
 * Source: J. A. Nelder, R. Mead (1965), "A simplex method for function minimization", Computer
 * Journal 7, 308–313; coefficients and ordering as in J. C. Lagarias et al. (1998), SIAM J.
 * Optim. 9(1), 112–147, §2.
 * Checked against: the Rosenbrock function's minimum (1, 1) and a bound-active quadratic
 * (test/math/optimization.test.ts).
 *
 * @param f - the objective, called with a `Float64Array` of length n that it must not keep.
 * @param x0 - the starting point; length n ≥ 1.
 * @param options - simplex steps, bounds, budget, tolerance.
 * @returns the best point, its value and the evaluation count.
 * @throws InvalidInputError when lengths disagree or a step is not > 0.
 * @internal
 */
export function nelderMead(f: (x: Float64Array) => number, x0: ArrayLike<number>, options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n < 1) throw InvalidInputError.outOfRange('x0.length', n, '[1, ∞)');
  if (options.steps.length !== n) throw InvalidInputError.outOfRange('options.steps.length', options.steps.length, `{${n}}`);
  const lower = options.lower ?? new Float64Array(n).fill(-Infinity);
  const upper = options.upper ?? new Float64Array(n).fill(Infinity);
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-10;
  const clamp = (x: Float64Array): Float64Array => {
    for (let j = 0; j < n; j++) x[j] = Math.min(Math.max(x[j] as number, lower[j] as number), upper[j] as number);
    return x;
  };
  let evaluations = 0;
  const value = (x: Float64Array): number => {
    evaluations++;
    const v = f(x);
    return Number.isFinite(v) ? v : Infinity;
  };
  const points: Float64Array[] = [clamp(Float64Array.from(x0))];
  for (let j = 0; j < n; j++) {
    const step = options.steps[j] as number;
    if (!(step > 0)) throw InvalidInputError.outOfRange(`options.steps[${j}]`, step, '(0, ∞)');
    const p = Float64Array.from(points[0] as Float64Array);
    p[j] = (p[j] as number) + step;
    if ((p[j] as number) > (upper[j] as number)) p[j] = (points[0] as Float64Array)[j]! - step;
    points.push(clamp(p));
  }
  const values = points.map(value);
  const order = (): void => {
    const idx = values.map((_, i) => i).sort((i, j) => (values[i] as number) - (values[j] as number));
    const p = idx.map((i) => points[i] as Float64Array);
    const v = idx.map((i) => values[i] as number);
    for (let i = 0; i <= n; i++) {
      points[i] = p[i] as Float64Array;
      values[i] = v[i] as number;
    }
  };
  const along = (centroid: Float64Array, worst: Float64Array, t: number): Float64Array => {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = (centroid[j] as number) + t * ((worst[j] as number) - (centroid[j] as number));
    return clamp(x);
  };
  let converged = false;
  while (evaluations < maxEvaluations) {
    order();
    const best = values[0] as number;
    const worstValue = values[n] as number;
    if (worstValue - best <= tolerance * (Math.abs(best) + 1e-30)) {
      converged = true;
      break;
    }
    const centroid = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] = (centroid[j] as number) + (points[i] as Float64Array)[j]! / n;
    const worst = points[n] as Float64Array;
    const xr = along(centroid, worst, -1);
    const fr = value(xr);
    if (fr < best) {
      const xe = along(centroid, worst, -2);
      const fe = value(xe);
      points[n] = fe < fr ? xe : xr;
      values[n] = Math.min(fe, fr);
    } else if (fr < (values[n - 1] as number)) {
      points[n] = xr;
      values[n] = fr;
    } else {
      const outside = fr < worstValue;
      const xc = along(centroid, worst, outside ? -0.5 : 0.5);
      const fc = value(xc);
      if (fc < (outside ? fr : worstValue)) {
        points[n] = xc;
        values[n] = fc;
      } else {
        const x0best = points[0] as Float64Array;
        for (let i = 1; i <= n; i++) {
          points[i] = along(x0best, points[i] as Float64Array, 0.5);
          values[i] = value(points[i] as Float64Array);
        }
      }
    }
  }
  order();
  return { x: points[0] as Float64Array, value: values[0] as number, evaluations, converged };
}
