// A bracketing 1-D root finder (Brent 1973) for the yield solve; local to cashflows so that it
// does not collide with the solvers being written under src/math.
import { ConvergenceError } from '../../errors.js';

/**
 * A root of f in [a, b], where f(a) and f(b) have opposite signs (or one is 0), to within
 * `accuracy` in x: Brent's method (inverse quadratic interpolation and secant steps, falling
 * back to bisection whenever they do not shrink the bracket fast enough).
 * Source: R. P. Brent, "Algorithms for Minimization without Derivatives" (1973), ch. 4.
 * @throws ConvergenceError when the bracket is invalid or `maxIterations` is exhausted.
 */
export function brent(f: (x: number) => number, a: number, b: number, accuracy: number, maxIterations: number): number {
  let fa = f(a);
  let fb = f(b);
  if (fa === 0) return a;
  if (fb === 0) return b;
  if (Math.sign(fa) === Math.sign(fb)) {
    throw new ConvergenceError(`brent: [${a}, ${b}] does not bracket a root (f = ${fa}, ${fb})`, { a, b, fa, fb });
  }
  let c = a;
  let fc = fa;
  let d = b - a;
  let e = d;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      // Keep the root between b and c.
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
    const tol = 2 * Number.EPSILON * Math.abs(b) + 0.5 * accuracy;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return b;
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      // Interpolate: secant when a = c, inverse quadratic otherwise.
      const s = fb / fa;
      let p: number;
      let q: number;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qa = fa / fc;
        const r = fb / fc;
        p = s * (2 * m * qa * (qa - r) - (b - a) * (r - 1));
        q = (qa - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m;
        e = m;
      }
    } else {
      d = m;
      e = m;
    }
    a = b;
    fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
  }
  throw new ConvergenceError(`brent: no convergence to ${accuracy} in ${maxIterations} iterations`, { accuracy, maxIterations, x: b, fx: fb });
}
