/**
 * The strike sums of the COS method for one maturity, in plain TypeScript: the oracle for the
 * WebAssembly kernels `hestonCosScalar` / `hestonCosSimd` and their fallback.
 *
 * @remarks
 * For strikes K_i with d_i − α ∈ [0, β − α] (d_i = ln(K_i/S) clamped to the truncation range),
 * the COS put value (Fang & Oosterlee 2008, eq. (30) with the put coefficients of eq. (29),
 * written for z = ln(S_T/S) on [α, β]) is
 *   P_i = D_r·(K_i·A_i − S·B_i),
 *   A_i = a₀·(d_i − α) + Σ_{k≥1} a_k sin(kθ_i),  B_i = e^(d_i)·Σ_k (b_k cos(kθ_i) + c_k sin(kθ_i)) − e^α·Σ_k b_k,
 * with θ_i = π(d_i − α)/(β − α) and the caller's coefficients a_k = F_k/u_k (a₀ = F₀),
 * b_k = F_k/(1 + u_k²), c_k = F_k·u_k/(1 + u_k²), where F_k = (2/(β − α))·Re[φ(u_k)e^(−iu_kα)]
 * (halved for k = 0) and u_k = kπ/(β − α). cos(kθ), sin(kθ) come from the rotation
 * recurrence (c, s) ← (c·cos θ − s·sin θ, s·cos θ + c·sin θ), with cos θ_i and sin θ_i supplied
 * per strike, so the loop has no transcendental; the WebAssembly loops do the same operations in
 * the same order. No validation (the callers validate).
 * Source: Fang & Oosterlee (2008), "A novel pricing method for European options based on
 * Fourier-cosine series expansions", SIAM J. Sci. Comput. 31(2), §3 (eq. (22), (25), (29), (30)).
 * Checked against: `test/kernels/heston.test.ts` (the WebAssembly loops, bit for bit, on random
 * inputs and the bench surface).
 *
 * @param terms - N, number of cosine terms, ≥ 1.
 * @param a - a_k, length ≥ N.
 * @param b - b_k, length ≥ N.
 * @param c - c_k, length ≥ N.
 * @param m - number of strikes.
 * @param strikes - K_i, length ≥ m.
 * @param dMinusAlpha - d_i − α, length ≥ m.
 * @param expD - e^(d_i), length ≥ m.
 * @param cosTheta - cos θ_i, length ≥ m.
 * @param sinTheta - sin θ_i, length ≥ m.
 * @param spot - S.
 * @param expAlphaSumB - e^α·Σ_k b_k.
 * @param riskFreeDiscount - D_r.
 * @param puts - output, length ≥ m.
 * @internal
 */
export function hestonCosReference(
  terms: number,
  a: Float64Array, b: Float64Array, c: Float64Array,
  m: number,
  strikes: Float64Array, dMinusAlpha: Float64Array, expD: Float64Array, cosTheta: Float64Array, sinTheta: Float64Array,
  spot: number, expAlphaSumB: number, riskFreeDiscount: number,
  puts: Float64Array,
): void {
  for (let i = 0; i < m; i++) {
    const ct = cosTheta[i]!;
    const st = sinTheta[i]!;
    let co = 1;
    let si = 0;
    let sumA = a[0]! * dMinusAlpha[i]!;
    let sumB = b[0]!;
    for (let k = 1; k < terms; k++) {
      const cn = co * ct - si * st;
      si = si * ct + co * st;
      co = cn;
      sumA += a[k]! * si;
      sumB += b[k]! * co + c[k]! * si;
    }
    puts[i] = riskFreeDiscount * (strikes[i]! * sumA - spot * (expD[i]! * sumB - expAlphaSumB));
  }
}
