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
 * Each hat-function moment ∫ ξ0(T − s) φ_k(s) ds is taken by a 15-point rule per interval, split
 * at the curve's `breakpoints` (so a piecewise-flat curve is integrated exactly); on the piece
 * ending at T (where E[V_t] − v0 ~ t^α is not smooth) in the variable z with T − s = L z³, so the
 * integrand is ~ z^{3α+2} there.
 * @param grid - the route's grid (ascending, grid[0] = 0), years.
 * @param index - the grid index of each maturity.
 * @param xi0 - the forward-variance curve.
 * @returns row j (length index[j] + 1) for maturity j.
 * @throws InvalidInputError when ξ0 returns a negative or non-finite value (naming t).
 * @internal
 */
export function forwardVarianceWeights(grid: Float64Array, index: Int32Array, xi0: ForwardVarianceCurve): Float64Array[] {
  const breaks = (xi0.breakpoints ?? []).filter((b) => b > 0 && Number.isFinite(b)).sort((a, b) => a - b);
  const rows: Float64Array[] = [];
  for (let j = 0; j < index.length; j++) {
    const kT = index[j]!;
    const tT = grid[kT]!;
    const w = new Float64Array(kT + 1);
    for (let k = 1; k <= kT; k++) {
      const a = grid[k - 1]!;
      const b = grid[k]!;
      const h = b - a;
      // Pieces of [a, b] at s = T − (breakpoint), ascending in s.
      const cuts = [a];
      for (let q = breaks.length - 1; q >= 0; q--) {
        const sb = tT - breaks[q]!;
        if (sb > a + 1e-14 * tT && sb < b - 1e-14 * tT) cuts.push(sb);
      }
      cuts.push(b);
      let lo = 0;
      let hi = 0;
      for (let c = 0; c + 1 < cuts.length; c++) {
        const p = cuts[c]!;
        const len = cuts[c + 1]! - p;
        const atT = k === kT && c + 2 === cuts.length;
        for (let q = 0; q < Y.length; q++) {
          const y = Y[q]!;
          // On the piece ending at T: T − s = len·z³ (z = 1 − y), ds = 3·len·z² dz.
          const z = 1 - y;
          const sq = atT ? tT - len * z * z * z : p + len * y;
          const jac = atT ? 3 * len * z * z : len;
          const v = curveAt(xi0, atT ? len * z * z * z : tT - sq) * W[q]! * jac;
          lo += (v * (b - sq)) / h;
          hi += (v * (sq - a)) / h;
        }
      }
      w[k - 1] = w[k - 1]! + lo;
      w[k] = w[k]! + hi;
    }
    rows.push(w);
  }
  return rows;
}
