/**
 * Raw SVI parameters of one smile: w(k) = a + b·(ρ(k − m) + √((k − m)² + σ²)).
 *
 * @remarks
 * w is the total implied variance σ_BS²(k)·T at log-moneyness k = ln(K/F). Valid when b ≥ 0,
 * |ρ| < 1, σ > 0 and a + b·σ·√(1 − ρ²) ≥ 0 (the minimum of w is non-negative).
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.1, eq. (3.1).
 * @public
 */
export interface SviRawParameters {
  /** Vertical level a (total variance, dimensionless); a + bσ√(1 − ρ²) ≥ 0. */
  readonly a: number;
  /** Wing slope scale b ≥ 0 (total variance per unit of k). */
  readonly b: number;
  /** Skew ρ ∈ (−1, 1): the wings' slopes are b(1 − ρ) (left) and b(1 + ρ) (right). */
  readonly rho: number;
  /** Horizontal shift m (log-moneyness). */
  readonly m: number;
  /** Curvature at the vertex σ > 0 (log-moneyness). */
  readonly sigma: number;
}
