/**
 * The parameters of the rough Heston model of El Euch & Rosenbaum (2019):
 * dS/S = (r − q) dt + √V dW₁,
 * V_t = V₀ + (1/Γ(α)) ∫₀ᵗ (t − s)^{α−1} κ(θ − V_s) ds + (1/Γ(α)) ∫₀ᵗ (t − s)^{α−1} σ √V_s dW₂,
 * α = H + 1/2, d⟨W₁, W₂⟩ = ρ dt.
 *
 * @remarks
 * Units as {@link HestonParameters}: v0 and θ variances per year, κ per year, σ (ν in some papers,
 * the vol of vol) per year^α. Allowed: v0, θ ≥ 0 (not both 0), κ ≥ 0, σ > 0, ρ ∈ (−1, 1),
 * hurst ∈ (0, 1/2]; hurst = 1/2 is classical Heston.
 * The characteristic function is log E[e^{iu ln(S_T/F_T)}] = κθ I¹h(u, T) + v0 I^{1−α}h(u, T), with
 * D^α h = −½(u² + iu) + (iρσu − κ) h + ½σ² h², h(u, 0) = 0 (Caputo derivative).
 * Source: O. El Euch, M. Rosenbaum (2019), "The characteristic function of rough Heston models",
 * Mathematical Finance 29(1), Theorem 2.1 and Corollary 3.1.
 * @public
 */
export interface RoughHestonParameters {
  /** Initial variance V₀, ≥ 0. */
  readonly v0: number;
  /** Mean-reversion speed κ, per year, ≥ 0. */
  readonly kappa: number;
  /** Long-run variance θ, ≥ 0. */
  readonly theta: number;
  /** Volatility of variance σ (ν), > 0. */
  readonly sigma: number;
  /** Correlation ρ of spot and variance, in (−1, 1). */
  readonly rho: number;
  /** Hurst exponent H ∈ (0, 1/2]; α = H + 1/2. */
  readonly hurst: number;
}
