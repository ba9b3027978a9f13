import { InvalidInputError } from '../../errors.js';

/**
 * Eigen-decomposition of a real symmetric matrix, eigenvalues in decreasing order.
 * @internal
 */
export interface SymmetricEigenResult {
  /** Eigenvalues λ₀ ≥ λ₁ ≥ … ≥ λ_{n−1}; length n. */
  readonly values: Float64Array;
  /**
   * Orthonormal eigenvectors as columns of a row-major n × n matrix: entry i·n + j is component i
   * of the eigenvector of `values[j]`. Each column's largest-magnitude component is positive.
   */
  readonly vectors: Float64Array;
  /** Jacobi sweeps used. */
  readonly sweeps: number;
}

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by the cyclic Jacobi method.
 *
 * @remarks
 * Plane rotations annihilate each off-diagonal entry in turn (row-cyclic order, with the
 * threshold strategy of the first three sweeps) until the off-diagonal norm is below
 * 1e-15 × the Frobenius norm. Quadratically convergent; accurate eigenvectors even for close
 * eigenvalues; O(n³) per sweep, meant for n ≲ 100 (correlation and covariance matrices).
 * Source: G. H. Golub, C. F. Van Loan (2013), "Matrix Computations", 4th ed., §8.5.2–8.5.3
 * (cyclic Jacobi); rotation formulas as in W. H. Press et al. (2007), "Numerical Recipes", 3rd ed.,
 * §11.1, eq. 11.1.8–11.1.18.
 * Checked against: A·v = λ·v and VᵀV = I on random symmetric matrices, a 2 × 2 closed form and
 * the trace/determinant identities (test/math/linearalgebra/symmetricEigen.test.ts).
 *
 * @param matrix - row-major n × n, symmetric (|a_ij − a_ji| ≤ 1e-12·max|a|), finite; length n².
 * @param n - the dimension, integer ≥ 1.
 * @returns eigenvalues (decreasing) and eigenvectors (columns).
 * @throws InvalidInputError when the length is not n², an entry is not finite or the matrix is
 * not symmetric.
 * @internal
 */
export function symmetricEigen(matrix: ArrayLike<number>, n: number): SymmetricEigenResult {
  if (!Number.isInteger(n) || n < 1) throw InvalidInputError.outOfRange('n', n, 'integers in [1, ∞)');
  if (matrix.length !== n * n) throw InvalidInputError.outOfRange('matrix.length', matrix.length, `{${n * n}} (n²)`);
  const a = Float64Array.from(matrix);
  let scale = 0;
  for (let i = 0; i < n * n; i++) {
    const x = a[i] as number;
    if (!Number.isFinite(x)) throw InvalidInputError.outOfRange(`matrix[${i}]`, x, 'finite numbers');
    scale = Math.max(scale, Math.abs(x));
  }
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = Math.abs((a[i * n + j] as number) - (a[j * n + i] as number));
      if (d > 1e-12 * scale) throw InvalidInputError.outOfRange(`matrix[${i * n + j}] − matrix[${j * n + i}]`, d, `[0, ${1e-12 * scale}] (symmetric)`);
      const m = 0.5 * ((a[i * n + j] as number) + (a[j * n + i] as number));
      a[i * n + j] = m;
      a[j * n + i] = m;
    }
  }
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  let frob = 0;
  for (let i = 0; i < n * n; i++) frob += (a[i] as number) ** 2;
  const target = 1e-15 * Math.sqrt(frob);
  let sweeps = 0;
  for (; sweeps < 100; sweeps++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += (a[i * n + j] as number) ** 2;
    if (Math.sqrt(2 * off) <= target) break;
    const threshold = sweeps < 3 ? (0.2 * Math.sqrt(off)) / (n * n) : 0;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[p * n + q] as number;
        if (Math.abs(apq) <= threshold || apq === 0) continue;
        const app = a[p * n + p] as number;
        const aqq = a[q * n + q] as number;
        const theta = (aqq - app) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = a[k * n + p] as number;
          const akq = a[k * n + q] as number;
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = a[p * n + k] as number;
          const aqk = a[q * n + k] as number;
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k * n + p] as number;
          const vkq = v[k * n + q] as number;
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => (a[j * n + j] as number) - (a[i * n + i] as number));
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((col, j) => {
    values[j] = a[col * n + col] as number;
    let big = 0;
    for (let i = 0; i < n; i++) if (Math.abs(v[i * n + col] as number) > Math.abs(big)) big = v[i * n + col] as number;
    const sign = big < 0 ? -1 : 1;
    for (let i = 0; i < n; i++) vectors[i * n + j] = sign * (v[i * n + col] as number);
  });
  return { values, vectors, sweeps };
}
