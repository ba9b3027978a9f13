// Internal: dense linear solve by Gaussian elimination with partial pivoting (small systems).

/**
 * Solves A·x = b for a small dense n × n system (row-major `a`, length n²), in place on copies.
 *
 * @remarks
 * Gaussian elimination with partial (row) pivoting, Golub & Van Loan (2013), Matrix
 * Computations, 4th ed., §3.4 (Algorithm 3.4.1). Meant for n ≤ ~10 (normal equations of a
 * five-parameter fit, small KKT systems).
 *
 * @param a - the matrix, row-major, length n².
 * @param b - the right-hand side, length n.
 * @returns x, length n; `undefined` when a pivot is below `1e-14` times the largest entry of
 *   its column (numerically singular).
 * @internal
 */
export function solveLinearSystem(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array | undefined {
  const n = b.length;
  const m = Float64Array.from(a);
  const x = Float64Array.from(b);
  let scale = 0;
  for (let i = 0; i < n * n; i++) scale = Math.max(scale, Math.abs(m[i] as number));
  if (!(scale > 0)) return undefined;
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r * n + col] as number) > Math.abs(m[pivot * n + col] as number)) pivot = r;
    const p = m[pivot * n + col] as number;
    if (!(Math.abs(p) > 1e-14 * scale)) return undefined;
    if (pivot !== col) {
      for (let c = 0; c < n; c++) {
        const t = m[col * n + c] as number;
        m[col * n + c] = m[pivot * n + c] as number;
        m[pivot * n + c] = t;
      }
      const t = x[col] as number;
      x[col] = x[pivot] as number;
      x[pivot] = t;
    }
    for (let r = col + 1; r < n; r++) {
      const f = (m[r * n + col] as number) / p;
      if (f === 0) continue;
      for (let c = col; c < n; c++) m[r * n + c] = (m[r * n + c] as number) - f * (m[col * n + c] as number);
      x[r] = (x[r] as number) - f * (x[col] as number);
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r] as number;
    for (let c = r + 1; c < n; c++) s -= (m[r * n + c] as number) * (x[c] as number);
    x[r] = s / (m[r * n + r] as number);
  }
  return x;
}
