import { ConvergenceError, InvalidInputError } from '../../errors.js';

/**
 * Options of {@link brentRoot}.
 * @public
 */
export interface BrentRootOptions {
  /** Absolute tolerance on x: stop when the bracket's half-width is below it; default 1e-12, > 0. */
  readonly accuracy?: number;
  /** Most evaluations of f allowed; default 100, integer ≥ 3. */
  readonly maxEvaluations?: number;
}

/**
 * A root of f in [lower, upper] by Brent's method: bisection safeguarding secant and inverse
 * quadratic interpolation steps.
 *
 * @remarks
 * f(lower) and f(upper) must have opposite signs (or one of them be 0). The bracket always
 * holds a sign change; each step takes the interpolated point when it falls inside the bracket
 * and shrinks it fast enough, else bisects, so convergence is guaranteed and superlinear for
 * smooth f. Stops when |f(x)| = 0 or the bracket half-width is below accuracy (with a
 * rounding floor of 2ε|x|).
 * Source: Brent (1973), Algorithms for Minimization without Derivatives, ch. 4 (procedure
 * `zero`).
 * Checked against: `test/math/brentRoot.test.ts` (closed-form roots, evaluation counts against
 * bisection, bad brackets).
 *
 * @example
 * ```ts
 * import { brentRoot } from 'quantflow';
 * brentRoot((x) => x * x - 2, 0, 2, { accuracy: 1e-15 }); //=> 1.414213562373095   (√2 to within one ulp)
 * ```
 * @param f - the function, finite on [lower, upper].
 * @param lower - left end of the bracket, finite.
 * @param upper - right end of the bracket, finite and > lower.
 * @param options - accuracy and evaluation budget.
 * @returns x with f(x) = 0 to within the accuracy on x.
 * @throws InvalidInputError when the bracket is not finite and increasing, f does not change
 * sign on it, f returns a non-finite value, or the options are out of range.
 * @throws ConvergenceError when the evaluation budget runs out.
 * @public
 */
export function brentRoot(f: (x: number) => number, lower: number, upper: number, options: BrentRootOptions = {}): number {
  const accuracy = options.accuracy ?? 1e-12;
  const maxEvaluations = options.maxEvaluations ?? 100;
  if (!(accuracy > 0) || !Number.isFinite(accuracy)) throw InvalidInputError.outOfRange('options.accuracy', accuracy, '(0, ∞)');
  if (!Number.isInteger(maxEvaluations) || maxEvaluations < 3) throw InvalidInputError.outOfRange('options.maxEvaluations', maxEvaluations, 'integers in [3, ∞)');
  if (!Number.isFinite(lower)) throw InvalidInputError.outOfRange('lower', lower, '(-∞, ∞), finite');
  if (!(upper > lower) || !Number.isFinite(upper)) throw InvalidInputError.outOfRange('upper', upper, `(${lower}, ∞), finite`);
  let evaluations = 0;
  const evaluate = (x: number): number => {
    evaluations++;
    const y = f(x);
    if (!Number.isFinite(y)) throw InvalidInputError.outOfRange(`f(${x})`, y, 'finite numbers');
    return y;
  };
  // b: best estimate; a: previous b; c: the other end of the bracket [b, c].
  let a = lower;
  let b = upper;
  let fa = evaluate(a);
  let fb = evaluate(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (fa * fb > 0) {
    throw InvalidInputError.outOfRange('[lower, upper]', [lower, upper], `a bracket where f changes sign (f(lower) = ${fa}, f(upper) = ${fb})`);
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (;;) {
    if (fb * fc > 0) {
      c = a;
      fc = fa;
      d = b - a;
      e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b;
      b = c;
      c = a;
      fa = fb;
      fb = fc;
      fc = fa;
    }
    const tolerance = 2 * Number.EPSILON * Math.abs(b) + 0.5 * accuracy;
    const half = 0.5 * (c - b);
    if (Math.abs(half) <= tolerance || fb === 0) return b;
    if (evaluations >= maxEvaluations) {
      throw new ConvergenceError(`brentRoot: no root to ${accuracy} within ${maxEvaluations} evaluations (bracket [${Math.min(b, c)}, ${Math.max(b, c)}])`, { evaluations, bracket: [b, c] });
    }
    if (Math.abs(e) >= tolerance && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when only two distinct points, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * half * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * half * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      // Accept if inside the bracket and shrinking faster than bisection's last-but-one step.
      if (2 * p < Math.min(3 * half * q - Math.abs(tolerance * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = half;
        e = d;
      }
    } else {
      d = half;
      e = d;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tolerance ? d : half > 0 ? tolerance : -tolerance;
    fb = evaluate(b);
  }
}
