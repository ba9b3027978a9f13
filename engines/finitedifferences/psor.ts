import { ConvergenceError } from '../../src/errors.js';

/**
 * Solves the linear complementarity problem A·v ≥ d, v ≥ g, (A·v − d)·(v − g) = 0 for a
 * tridiagonal A by projected successive over-relaxation.
 *
 * @remarks
 * Gauss–Seidel sweeps v_i ← max(g_i, v_i + ω((d_i − l_i v_{i−1} − u_i v_{i+1})/a_i − v_i)) from
 * the initial guess in `out` until the largest change is ≤ tolerance·max(1, max|v|). Converges
 * for symmetric-positive-definite-like (diagonally dominant) A and 0 < ω < 2; works for any
 * shape of exercise region, unlike {@link brennanSchwartz}.
 *
 * Source: Cryer (1971), "The solution of a quadratic programming problem using systematic
 * overrelaxation", SIAM J. Control 9(3), 385–392; Wilmott, Howison & Dewynne (1995), *The
 * Mathematics of Financial Derivatives*, §9.4.
 * Checked against: {@link brennanSchwartz} on the same systems (`lcp.test.ts`).
 *
 * @param lower - sub-diagonal, length n.
 * @param diag - diagonal, length n.
 * @param upper - super-diagonal, length n.
 * @param rhs - right-hand side, length n.
 * @param obstacle - g, length n.
 * @param out - initial guess on entry, solution on return; length n.
 * @param omega - relaxation factor in (0, 2).
 * @param tolerance - relative stopping tolerance, > 0.
 * @param maxIterations - sweep limit, ≥ 1.
 * @returns the number of sweeps used.
 * @throws ConvergenceError when `maxIterations` sweeps do not reach the tolerance.
 * @public
 */
export function psor(
  lower: Float64Array,
  diag: Float64Array,
  upper: Float64Array,
  rhs: Float64Array,
  obstacle: Float64Array,
  out: Float64Array,
  omega = 1.5,
  tolerance = 1e-12,
  maxIterations = 100_000,
): number {
  const n = diag.length;
  for (let it = 1; it <= maxIterations; it++) {
    let change = 0;
    let size = 1;
    for (let i = 0; i < n; i++) {
      const left = i > 0 ? lower[i]! * out[i - 1]! : 0;
      const right = i < n - 1 ? upper[i]! * out[i + 1]! : 0;
      const old = out[i]!;
      const gs = (rhs[i]! - left - right) / diag[i]!;
      const v = Math.max(obstacle[i]!, old + omega * (gs - old));
      out[i] = v;
      change = Math.max(change, Math.abs(v - old));
      size = Math.max(size, Math.abs(v));
    }
    if (change <= tolerance * size) return it;
  }
  throw new ConvergenceError(`psor: no convergence in ${maxIterations} sweeps (tolerance ${tolerance}, omega ${omega})`, {
    maxIterations,
    tolerance,
    omega,
  });
}
