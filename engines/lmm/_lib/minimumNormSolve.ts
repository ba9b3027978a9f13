// Least-squares normal equations that Gaussian elimination calls singular: with one factor the
// swap rate and annuity are functions of one state, so the six regressors are nearly collinear.
import { symmetricEigen } from '../../../src/math/linearalgebra/symmetricEigen.js';

/**
 * Minimum-norm solution of the normal equations (AᵀA)x = Aᵀy through the eigen-decomposition of
 * the equilibrated matrix D⁻¹AᵀAD⁻¹ (D = diag √(AᵀA)_ii), directions with eigenvalue below
 * `rcond` × the largest dropped: the truncated-SVD least-squares solution of the design A
 * (singular values below √rcond relative are treated as zero).
 * Source: G. H. Golub, C. F. Van Loan (2013), "Matrix Computations", 4th ed., §5.5.4 (rank-deficient
 * least squares, truncated SVD), §3.5.2 (equilibration).
 * @param ata - AᵀA, row-major n × n, symmetric positive semidefinite.
 * @param atb - Aᵀy, length n.
 * @param n - number of regressors.
 * @param rcond - relative eigenvalue cutoff, default 1e-12.
 * @returns x, length n (0 for all-zero columns).
 * @internal
 */
export function minimumNormSolve(ata: ArrayLike<number>, atb: ArrayLike<number>, n: number, rcond = 1e-12): Float64Array {
  const d = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = ata[i * n + i] as number;
    d[i] = v > 0 ? Math.sqrt(v) : 0;
  }
  const m = new Float64Array(n * n);
  const b = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    b[i] = (d[i] as number) > 0 ? (atb[i] as number) / (d[i] as number) : 0;
    for (let j = 0; j < n; j++) {
      const s = (d[i] as number) * (d[j] as number);
      m[i * n + j] = s > 0 ? (ata[i * n + j] as number) / s : 0;
    }
  }
  // Exact symmetry for the eigen-solver.
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) m[i * n + j] = m[j * n + i] = 0.5 * ((m[i * n + j] as number) + (m[j * n + i] as number));
  const { values, vectors } = symmetricEigen(m, n);
  const top = values[0] as number;
  const x = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const lambda = values[k] as number;
    if (!(lambda > rcond * top)) continue;
    let c = 0;
    for (let i = 0; i < n; i++) c += (vectors[i * n + k] as number) * (b[i] as number);
    c /= lambda;
    for (let i = 0; i < n; i++) x[i] = (x[i] as number) + c * (vectors[i * n + k] as number);
  }
  for (let i = 0; i < n; i++) x[i] = (d[i] as number) > 0 ? (x[i] as number) / (d[i] as number) : 0;
  return x;
}
