/**
 * Solves the linear complementarity problem A·v ≥ d, v ≥ g, (A·v − d)·(v − g) = 0 for a
 * tridiagonal A by the Brennan–Schwartz algorithm.
 *
 * @remarks
 * One Gaussian elimination towards the continuation region, then a substitution starting inside
 * the exercise region that takes max(·, g) node by node. Exact (equal to the LCP solution) when
 * A is an M-matrix and the exercise region is one interval touching the end where the
 * substitution starts: `exerciseAtLow = true` for puts (exercise at low spots), false for calls.
 * O(n), no iteration.
 *
 * Source: Brennan & Schwartz (1977), "The valuation of American put options", J. Finance 32(2),
 * 449–462; Jaillet, Lamberton & Lapeyre (1990), "Variational inequalities and the pricing of
 * American options", Acta Applicandae Math. 21, §4 (proof of exactness).
 * Checked against: `psor` on the same systems (`test/engines/finitedifferences/lcp.test.ts`) and
 * the American references through `FdBlackScholesVanillaEngine`.
 *
 * @param lower - sub-diagonal, length n.
 * @param diag - diagonal, length n.
 * @param upper - super-diagonal, length n.
 * @param rhs - right-hand side, length n.
 * @param obstacle - g, length n.
 * @param exerciseAtLow - true when the exercise region is at low indices (puts).
 * @param out - solution, length n.
 * @param work - two scratch arrays of length n.
 * @returns `out`.
 * @public
 */
export function brennanSchwartz(
  lower: Float64Array,
  diag: Float64Array,
  upper: Float64Array,
  rhs: Float64Array,
  obstacle: Float64Array,
  exerciseAtLow: boolean,
  out: Float64Array,
  work: readonly [Float64Array, Float64Array] = [new Float64Array(diag.length), new Float64Array(diag.length)],
): Float64Array {
  const n = diag.length;
  const [b, d] = work;
  if (exerciseAtLow) {
    // Eliminate the super-diagonal from the top down to row 0, then substitute upwards.
    b[n - 1] = diag[n - 1]!;
    d[n - 1] = rhs[n - 1]!;
    for (let i = n - 2; i >= 0; i--) {
      const m = upper[i]! / b[i + 1]!;
      b[i] = diag[i]! - m * lower[i + 1]!;
      d[i] = rhs[i]! - m * d[i + 1]!;
    }
    out[0] = Math.max(d[0]! / b[0]!, obstacle[0]!);
    for (let i = 1; i < n; i++) out[i] = Math.max((d[i]! - lower[i]! * out[i - 1]!) / b[i]!, obstacle[i]!);
  } else {
    b[0] = diag[0]!;
    d[0] = rhs[0]!;
    for (let i = 1; i < n; i++) {
      const m = lower[i]! / b[i - 1]!;
      b[i] = diag[i]! - m * upper[i - 1]!;
      d[i] = rhs[i]! - m * d[i - 1]!;
    }
    out[n - 1] = Math.max(d[n - 1]! / b[n - 1]!, obstacle[n - 1]!);
    for (let i = n - 2; i >= 0; i--) out[i] = Math.max((d[i]! - upper[i]! * out[i + 1]!) / b[i]!, obstacle[i]!);
  }
  return out;
}
