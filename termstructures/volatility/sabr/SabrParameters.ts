/**
 * The four SABR parameters of one expiry: dF = α̂ F^β dW₁, dα̂ = ν α̂ dW₂, d⟨W₁, W₂⟩ = ρ dt, α̂(0) = α.
 *
 * @remarks
 * Source: P. S. Hagan, D. Kumar, A. S. Lesniewski, D. E. Woodward (2002), "Managing smile risk",
 * Wilmott Magazine, September, 84–108, eq. (2.1).
 * @public
 */
export interface SabrParameters {
  /** α > 0: initial vol of the forward, in units of F^{1−β} per √year (for β = 1 an annualised Black vol). */
  readonly alpha: number;
  /** β ∈ [0, 1]: CEV exponent of the forward (0 normal, 1 lognormal). */
  readonly beta: number;
  /** ν ≥ 0: vol of vol, per √year. */
  readonly nu: number;
  /** ρ ∈ (−1, 1): correlation of the forward's and the vol's Brownian motions. */
  readonly rho: number;
}
