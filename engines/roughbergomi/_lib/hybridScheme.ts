// Coefficients of the hybrid scheme (κ = 1) for Y_t = √(2H)∫₀ᵗ (t − s)^(H−½) dW_s on t_j = jΔ,
// and the covariances the tests compare: the scheme's own and the exact process's.
// Sources: Bennedsen, Lunde & Pakkanen (2017), Finance Stoch. 21, §2.2 (eq. (2.5)–(2.6), b* of
// Prop. 2.8); McCrickerd & Pakkanen (2018), Quant. Finance 18(11), §2.2 (the 2 × 2 covariance).

/**
 * Γ_k = √(2H)·(b*_k Δ)^α for k = 2 … n (α = H − ½), written without the 1/α power:
 * (b*_k)^α = (k^(α+1) − (k−1)^(α+1))/(α+1), so H = ½ (α = 0) gives Γ_k = 1 exactly.
 * c1, c2: the own-cell integral I = √(2H)∫ (t_{j+1} − s)^α dW_s = c1·z1 + c2·z2 with ΔW = √Δ·z1,
 * Cov(ΔW, I/√(2H)) = Δ^(α+1)/(α+1), Var(I/√(2H)) = Δ^(2α+1)/(2α+1).
 * @internal
 */
export function hybridSchemeCoefficients(H: number, T: number, steps: number): { gamma: Float64Array; c1: number; c2: number; dt: number } {
  const a = H - 0.5;
  const dt = T / steps;
  const s2h = Math.sqrt(2 * H);
  const da = Math.pow(dt, a);
  const gamma = new Float64Array(steps + 1);
  for (let k = 2; k <= steps; k++) gamma[k] = (s2h * da * (Math.pow(k, a + 1) - Math.pow(k - 1, a + 1))) / (a + 1);
  const dH = Math.pow(dt, H);
  const c1 = (s2h * dH) / (H + 0.5);
  const q = 1 / (2 * H) - 1 / ((H + 0.5) * (H + 0.5));
  const c2 = s2h * dH * Math.sqrt(Math.max(q, 0));
  return { gamma, c1, c2, dt };
}

/**
 * The hybrid scheme's exact covariance Cov(Ŷ(t_i), Ŷ(t_j)), i, j = 1 … n, as an n × n row-major
 * matrix (what the simulated paths should reproduce up to sampling error).
 * @internal
 */
export function hybridSchemeCovariance(H: number, T: number, steps: number): Float64Array {
  const { gamma, c1, c2, dt } = hybridSchemeCoefficients(H, T, steps);
  const n = steps;
  const cov = new Float64Array(n * n);
  // Ŷ_i = c1 z1_{i−1} + c2 z2_{i−1} + Σ_{k=2}^{i} Γ_k √Δ z1_{i−k}: weights on z1_m, z2_m (cells m = 0 … n−1).
  const w1 = (i: number, m: number): number => (m === i - 1 ? c1 : m < i - 1 ? gamma[i - m]! * Math.sqrt(dt) : 0);
  for (let i = 1; i <= n; i++) {
    for (let j = i; j <= n; j++) {
      let s = i === j ? c2 * c2 : 0;
      for (let m = 0; m < i; m++) s += w1(i, m) * w1(j, m);
      cov[(i - 1) * n + (j - 1)] = s;
      cov[(j - 1) * n + (i - 1)] = s;
    }
  }
  return cov;
}

/**
 * Exact Cov(Y_s, Y_t) = 2H∫₀^{min} (t − u)^α (s − u)^α du of the Riemann–Liouville process, by the
 * hypergeometric series: for s ≤ t, 2H/(H + ½)·s^(H+½)·t^(H−½)·₂F₁(½ − H, 1; 3/2 + H; s/t)
 * (the series converges for s/t < 1; s = t gives t^(2H)).
 * @internal
 */
export function volterraCovariance(H: number, s: number, t: number): number {
  if (s > t) [s, t] = [t, s];
  if (s === 0) return 0;
  if (s === t) return Math.pow(t, 2 * H);
  const x = s / t;
  let term = 1;
  let sum = 1;
  for (let n = 0; n < 100000; n++) {
    term *= ((0.5 - H + n) * (1 + n)) / ((1.5 + H + n) * (n + 1)) * x;
    sum += term;
    if (Math.abs(term) < 1e-17 * sum) break;
  }
  return ((2 * H) / (H + 0.5)) * Math.pow(s, H + 0.5) * Math.pow(t, H - 0.5) * sum;
}
