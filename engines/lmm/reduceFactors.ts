import { InvalidInputError } from '../../src/errors.js';
import { symmetricEigen } from '../../src/math/linearalgebra/symmetricEigen.js';

/**
 * A rank-k pseudo-square root of a covariance or correlation matrix.
 * @public
 */
export interface FactorReduction {
  /** B, n × k row-major: B·Bᵀ approximates the input (exactly on the diagonal with `rescale: 'diagonal'`). */
  readonly pseudoRoot: Float64Array;
  /** Number of rows n. */
  readonly size: number;
  /** Number of factors k. */
  readonly factors: number;
  /** Share of the total variance (trace) the k largest eigenvalues carry, in (0, 1]. */
  readonly varianceKept: number;
  /** All eigenvalues, decreasing (negative ones from round-off included). */
  readonly eigenvalues: Float64Array;
}

/**
 * Reduces a covariance or correlation matrix to k factors by principal components.
 *
 * @remarks
 * B = V_k Λ_k^{1/2} from the k largest eigenpairs (negative eigenvalues, which a parametric or
 * estimated matrix may carry from round-off, are treated as 0). With `rescale: 'diagonal'`
 * each row of B is scaled to the length √a_ii so that B·Bᵀ keeps the input's diagonal (for a
 * correlation matrix the unit diagonal: Rebonato's rescaling; for a covariance, every variance). `varianceKept` = Σ_{i=0}^{k−1} λ_i / Σ_i max(λ_i, 0) before rescaling.
 * Source: R. Rebonato (2004), "Volatility and Correlation", 2nd ed., §20.4 (the
 * spectral decomposition and its rescaling); P. Jäckel (2002), "Monte Carlo Methods in Finance",
 * §6.2.
 * Checked against: k = n reproduces the matrix to 1e-13, the variance kept equals the
 * eigenvalue share, a rank-1 matrix keeps 100 % with one factor (test/engines/lmm/reduceFactors.test.ts).
 *
 * @param matrix - n × n row-major, symmetric, finite.
 * @param n - dimension, integer ≥ 1.
 * @param factors - k, integer in [1, n].
 * @param rescale - 'diagonal' (the input's diagonal kept) or 'none'; default 'none'.
 * @returns the pseudo-root and the variance kept.
 * @throws InvalidInputError for a bad shape, non-symmetric matrix, k outside [1, n] or a
 * matrix without a positive eigenvalue.
 * @public
 */
export function reduceFactors(matrix: ArrayLike<number>, n: number, factors: number, rescale: 'diagonal' | 'none' = 'none'): FactorReduction {
  if (!Number.isInteger(factors) || factors < 1 || factors > n) throw InvalidInputError.outOfRange('factors', factors, `integers in [1, ${n}]`);
  const { values, vectors } = symmetricEigen(matrix, n);
  let total = 0;
  for (let i = 0; i < n; i++) total += Math.max(values[i] as number, 0);
  if (!(total > 0)) throw InvalidInputError.outOfRange('matrix', 'no positive eigenvalue', 'a positive semidefinite matrix with positive trace');
  let kept = 0;
  for (let j = 0; j < factors; j++) kept += Math.max(values[j] as number, 0);
  const b = new Float64Array(n * factors);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let j = 0; j < factors; j++) {
      const x = (vectors[i * n + j] as number) * Math.sqrt(Math.max(values[j] as number, 0));
      b[i * factors + j] = x;
      norm += x * x;
    }
    if (rescale === 'diagonal') {
      if (!(norm > 0)) throw InvalidInputError.outOfRange(`pseudoRoot row ${i}`, norm, '(0, ∞) (a row with no variance in the kept factors cannot be rescaled)');
      const s = Math.sqrt(Math.max(matrix[i * n + i] as number, 0) / norm);
      for (let j = 0; j < factors; j++) b[i * factors + j] = (b[i * factors + j] as number) * s;
    }
  }
  return { pseudoRoot: b, size: n, factors, varianceKept: kept / total, eigenvalues: values };
}
