/**
 * Solves a tridiagonal system A·v = d by the Thomas algorithm (Gaussian elimination without
 * pivoting).
 *
 * @remarks
 * Row i reads lower[i]·v[i−1] + diag[i]·v[i] + upper[i]·v[i+1] = rhs[i] (lower[0] and
 * upper[n−1] are ignored). Stable for diagonally dominant matrices, which the θ-scheme
 * matrices of `FdBlackScholesSolver` are for the grids it is given. O(n), no allocation when
 * `work` is passed.
 *
 * Source: Press et al., *Numerical Recipes* (3rd ed.), §2.4.
 * Checked against: `test/engines/finitedifferences/solveTridiagonal.test.ts` (A·v = d residual).
 *
 * @param lower - sub-diagonal, length n.
 * @param diag - diagonal, length n, non-zero pivots.
 * @param upper - super-diagonal, length n.
 * @param rhs - right-hand side, length n.
 * @param out - solution, length n (may alias `rhs`).
 * @param work - scratch, length n (allocated when absent).
 * @returns `out`.
 * @public
 */
export function solveTridiagonal(
  lower: Float64Array,
  diag: Float64Array,
  upper: Float64Array,
  rhs: Float64Array,
  out: Float64Array,
  work: Float64Array = new Float64Array(diag.length),
): Float64Array {
  const n = diag.length;
  let beta = diag[0]!;
  out[0] = rhs[0]! / beta;
  for (let i = 1; i < n; i++) {
    work[i] = upper[i - 1]! / beta;
    beta = diag[i]! - lower[i]! * work[i]!;
    out[i] = (rhs[i]! - lower[i]! * out[i - 1]!) / beta;
  }
  for (let i = n - 2; i >= 0; i--) out[i] = out[i]! - work[i + 1]! * out[i + 1]!;
  return out;
}
