// Internal: a small dense complex linear solve (Gaussian elimination with partial pivoting) for
// the Padé denominators. Never re-exported.

/**
 * Solves M q = rhs for n×n complex M (row-major, re/im interleaved: entry (l, j) at
 * 2(l·n + j)); returns q interleaved. M and rhs are overwritten.
 */
export function padeSolve(n: number, M: Float64Array, rhs: Float64Array): Float64Array {
  for (let col = 0; col < n; col++) {
    let piv = col;
    let best = -1;
    for (let r = col; r < n; r++) {
      const v = Math.hypot(M[2 * (r * n + col)]!, M[2 * (r * n + col) + 1]!);
      if (v > best) {
        best = v;
        piv = r;
      }
    }
    if (piv !== col) {
      for (let j = 0; j < n; j++) {
        for (let t = 0; t < 2; t++) {
          const a = 2 * (col * n + j) + t;
          const b = 2 * (piv * n + j) + t;
          const tmp = M[a]!;
          M[a] = M[b]!;
          M[b] = tmp;
        }
      }
      for (let t = 0; t < 2; t++) {
        const tmp = rhs[2 * col + t]!;
        rhs[2 * col + t] = rhs[2 * piv + t]!;
        rhs[2 * piv + t] = tmp;
      }
    }
    const pr = M[2 * (col * n + col)]!;
    const pi = M[2 * (col * n + col) + 1]!;
    const p2 = pr * pr + pi * pi;
    for (let r = col + 1; r < n; r++) {
      const xr = M[2 * (r * n + col)]!;
      const xi = M[2 * (r * n + col) + 1]!;
      // f = x / p
      const fr = (xr * pr + xi * pi) / p2;
      const fi = (xi * pr - xr * pi) / p2;
      for (let j = col; j < n; j++) {
        const ar = M[2 * (col * n + j)]!;
        const ai = M[2 * (col * n + j) + 1]!;
        M[2 * (r * n + j)] = M[2 * (r * n + j)]! - (fr * ar - fi * ai);
        M[2 * (r * n + j) + 1] = M[2 * (r * n + j) + 1]! - (fr * ai + fi * ar);
      }
      const br = rhs[2 * col]!;
      const bi = rhs[2 * col + 1]!;
      rhs[2 * r] = rhs[2 * r]! - (fr * br - fi * bi);
      rhs[2 * r + 1] = rhs[2 * r + 1]! - (fr * bi + fi * br);
    }
  }
  const q = new Float64Array(2 * n);
  for (let r = n - 1; r >= 0; r--) {
    let sr = rhs[2 * r]!;
    let si = rhs[2 * r + 1]!;
    for (let j = r + 1; j < n; j++) {
      const ar = M[2 * (r * n + j)]!;
      const ai = M[2 * (r * n + j) + 1]!;
      sr -= ar * q[2 * j]! - ai * q[2 * j + 1]!;
      si -= ar * q[2 * j + 1]! + ai * q[2 * j]!;
    }
    const pr = M[2 * (r * n + r)]!;
    const pi = M[2 * (r * n + r) + 1]!;
    const p2 = pr * pr + pi * pi;
    q[2 * r] = (sr * pr + si * pi) / p2;
    q[2 * r + 1] = (si * pr - sr * pi) / p2;
  }
  return q;
}
