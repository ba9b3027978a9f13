import { InvalidInputError } from '../../../src/errors.js';
import { KRONROD_NODES, KRONROD_WEIGHTS } from '../../../src/math/integration/_lib/kronrod15.js';
import type { ForwardVarianceCurve } from '../../../src/models/roughHestonForwardVariance.js';

// The 15 Kronrod abscissae and weights mapped to [0, 1] (used as one 15-point rule, exact to degree 22).
const Y: number[] = [];
const W: number[] = [];
for (let i = 0; i < KRONROD_NODES.length; i++) {
  const x = KRONROD_NODES[i]!;
  const w = KRONROD_WEIGHTS[i]!;
  Y.push(0.5 * (1 - x));
  W.push(0.5 * w);
  if (x !== 0) {
    Y.push(0.5 * (1 + x));
    W.push(0.5 * w);
  }
}

function curveAt(xi0: ForwardVarianceCurve, x: number): number {
  const v = xi0(x);
  if (typeof v !== 'number' || !(v >= 0) || !Number.isFinite(v)) throw InvalidInputError.outOfRange(`forwardVariance(${x})`, v, '[0, ∞)');
  return v;
}

/**
 * Product-integration weights of ∫₀^{T} g(s) ξ0(T − s) ds = Σ_k w_k g(t_k) for g piecewise linear
 * on the grid t_0 = 0 < … < t_K = T (the Adams scheme's interpolant), one row per maturity.
 *
 * @remarks
 * Each hat-function moment ∫ ξ0(T − s) φ_k(s) ds is taken by a 15-point rule per interval; on
 * the interval ending at T (where E[V_t] − v0 ~ t^α is not smooth) in the variable z with
 * T − s = h z³, so the integrand is ~ z^{3α+2} there.
 * @param grid - the route's grid (ascending, grid[0] = 0), years.
 * @param index - the grid index of each maturity.
 * @param xi0 - the forward-variance curve.
 * @returns row j (length index[j] + 1) for maturity j.
 * @throws InvalidInputError when ξ0 returns a negative or non-finite value (naming t).
 * @internal
 */
export function forwardVarianceWeights(grid: Float64Array, index: Int32Array, xi0: ForwardVarianceCurve): Float64Array[] {
  const rows: Float64Array[] = [];
  for (let j = 0; j < index.length; j++) {
    const kT = index[j]!;
    const tT = grid[kT]!;
    const w = new Float64Array(kT + 1);
    for (let k = 1; k < kT; k++) {
      const a = grid[k - 1]!;
      const h = grid[k]! - a;
      let lo = 0;
      let hi = 0;
      for (let q = 0; q < Y.length; q++) {
        const v = curveAt(xi0, tT - (a + h * Y[q]!)) * W[q]! * h;
        lo += v * (1 - Y[q]!);
        hi += v * Y[q]!;
      }
      w[k - 1] = w[k - 1]! + lo;
      w[k] = w[k]! + hi;
    }
    // Last interval [t_{K−1}, T]: T − s = h z³, ds = 3h z² dz; φ_{K−1} = z³, φ_K = 1 − z³.
    const h = tT - grid[kT - 1]!;
    let lo = 0;
    let hi = 0;
    for (let q = 0; q < Y.length; q++) {
      const z = Y[q]!;
      const z3 = z * z * z;
      const v = curveAt(xi0, h * z3) * W[q]! * 3 * h * z * z;
      lo += v * z3;
      hi += v * (1 - z3);
    }
    w[kT - 1] = w[kT - 1]! + lo;
    w[kT] = w[kT]! + hi;
    rows.push(w);
  }
  return rows;
}
