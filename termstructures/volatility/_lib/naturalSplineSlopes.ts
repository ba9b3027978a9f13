// Natural cubic spline in slope (Hermite) form, allocation-free, for the bicubic variance surface.
// Slopes m solve h_i m_{i−1} + 2(h_{i−1} + h_i) m_i + h_{i−1} m_{i+1} = 3(h_i S_{i−1} + h_{i−1} S_i)
// with 2m_0 + m_1 = 3S_0 and m_{n−2} + 2m_{n−1} = 3S_{n−2} (zero curvature at both ends;
// de Boor 2001, ch. IV), by the Thomas algorithm (Press et al., Numerical Recipes §2.4).

/**
 * Fills `slopes` (length n) for the natural spline through (xs, ys); `work` is scratch of length n.
 * xs strictly increasing, n ≥ 2.
 */
export function naturalSplineSlopes(xs: ArrayLike<number>, ys: ArrayLike<number>, slopes: Float64Array, work: Float64Array): void {
  const n = xs.length;
  if (n === 2) {
    const s = (ys[1]! - ys[0]!) / (xs[1]! - xs[0]!);
    slopes[0] = s;
    slopes[1] = s;
    return;
  }
  // Row 0: diag 2, upper 1.
  let hPrev = xs[1]! - xs[0]!;
  let sPrev = (ys[1]! - ys[0]!) / hPrev;
  let beta = 2;
  slopes[0] = (3 * sPrev) / beta;
  let upperPrev = 1;
  for (let i = 1; i < n; i++) {
    let lower: number;
    let diag: number;
    let upper: number;
    let rhs: number;
    if (i < n - 1) {
      const h = xs[i + 1]! - xs[i]!;
      const s = (ys[i + 1]! - ys[i]!) / h;
      lower = h;
      diag = 2 * (hPrev + h);
      upper = hPrev;
      rhs = 3 * (h * sPrev + hPrev * s);
      hPrev = h;
      sPrev = s;
    } else {
      lower = 1;
      diag = 2;
      upper = 0;
      rhs = 3 * sPrev;
    }
    work[i] = upperPrev / beta;
    beta = diag - lower * work[i]!;
    slopes[i] = (rhs - lower * slopes[i - 1]!) / beta;
    upperPrev = upper;
  }
  for (let i = n - 2; i >= 0; i--) slopes[i] = slopes[i]! - work[i + 1]! * slopes[i + 1]!;
}

/** Value at x of the spline with node slopes `slopes`; the end cubics are prolonged outside the nodes. */
export function naturalSplineValue(xs: ArrayLike<number>, ys: ArrayLike<number>, slopes: ArrayLike<number>, x: number): number {
  const n = xs.length;
  let i = 0;
  if (x >= xs[n - 1]!) i = n - 2;
  else if (x > xs[0]!) {
    let hi = n - 1;
    while (hi - i > 1) {
      const mid = (i + hi) >>> 1;
      if (xs[mid]! <= x) i = mid;
      else hi = mid;
    }
  }
  const h = xs[i + 1]! - xs[i]!;
  const s = (ys[i + 1]! - ys[i]!) / h;
  const m0 = slopes[i]!;
  const m1 = slopes[i + 1]!;
  const b = (3 * s - m1 - 2 * m0) / h;
  const c = (m1 + m0 - 2 * s) / (h * h);
  const u = x - xs[i]!;
  return ys[i]! + u * (m0 + u * (b + u * c));
}
