/**
 * The five parameters of the Heston (1993) stochastic-volatility model
 * dS/S = (r − q) dt + √v dW₁, dv = κ(θ − v) dt + σ√v dW₂, d⟨W₁, W₂⟩ = ρ dt.
 *
 * @remarks
 * Units: v0 and θ are variances (per year, e.g. 0.04 = 20 % vol), κ per year, σ per √year.
 * Allowed: v0, κ, θ, σ finite and > 0; ρ ∈ (−1, 1). The Feller condition 2κθ ≥ σ² is not
 * required (see `HestonModel.fellerRatio`).
 * Source: Heston (1993), "A Closed-Form Solution for Options with Stochastic Volatility with
 * Applications to Bond and Currency Options", Rev. Financial Studies 6(2), eq. (1)–(4).
 * @public
 */
export interface HestonParameters {
  /** Initial variance v(0), > 0. */
  readonly v0: number;
  /** Mean-reversion speed κ, per year, > 0. */
  readonly kappa: number;
  /** Long-run variance θ, > 0. */
  readonly theta: number;
  /** Volatility of variance σ, per √year, > 0. */
  readonly sigma: number;
  /** Correlation ρ of the spot and variance Brownian motions, in (−1, 1). */
  readonly rho: number;
}
