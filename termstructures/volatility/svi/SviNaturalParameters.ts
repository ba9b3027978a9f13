/**
 * Natural SVI parameters of one smile:
 * w(k) = Δ + (ω/2)·(1 + ζρ(k − μ) + √((ζ(k − μ) + ρ)² + (1 − ρ²))).
 *
 * @remarks
 * Valid when ω ≥ 0, Δ ∈ ℝ, μ ∈ ℝ, |ρ| < 1, ζ > 0. The Heston large-maturity smile is of this form.
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §3.2, eq. (3.2).
 * @public
 */
export interface SviNaturalParameters {
  /** Shift Δ of the total variance (dimensionless). */
  readonly delta: number;
  /** Shift μ in log-moneyness. */
  readonly mu: number;
  /** Skew ρ ∈ (−1, 1). */
  readonly rho: number;
  /** Level ω ≥ 0 (total variance). */
  readonly omega: number;
  /** Curvature ζ > 0 (per unit of log-moneyness). */
  readonly zeta: number;
}
