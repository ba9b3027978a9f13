// Internal: Gauss–Legendre nodes and weights on [−1, 1], computed once by Newton's method on P_n.
// Never re-exported.

/**
 * n-point Gauss–Legendre rule on [−1, 1] (exact for polynomials of degree ≤ 2n − 1).
 * Source: Golub & Welsch (1969) for the rule; nodes by Newton on the three-term recurrence.
 */
export function gaussLegendre(n: number): { x: Float64Array; w: Float64Array } {
  const x = new Float64Array(n);
  const w = new Float64Array(n);
  for (let i = 0; i < Math.ceil(n / 2); i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let it = 0; it < 100; it++) {
      let p0 = 1;
      let p1 = z;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      // p1 = P_n(z), p0 = P_{n−1}(z)
      dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) break;
    }
    // Recompute the derivative at the converged node.
    let p0 = 1;
    let p1 = z;
    for (let k = 2; k <= n; k++) {
      const p2 = ((2 * k - 1) * z * p1 - (k - 1) * p0) / k;
      p0 = p1;
      p1 = p2;
    }
    dp = (n * (z * p1 - p0)) / (z * z - 1);
    const weight = 2 / ((1 - z * z) * dp * dp);
    x[i] = -z;
    x[n - 1 - i] = z;
    w[i] = weight;
    w[n - 1 - i] = weight;
  }
  return { x, w };
}
