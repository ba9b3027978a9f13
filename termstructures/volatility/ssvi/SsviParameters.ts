import type { SsviPhi } from './SsviPhi.js';

/**
 * Parameters of an SSVI surface: ATM total variances θ_i at expiries T_i (the θ_t curve's nodes),
 * one correlation ρ and a curvature function φ.
 *
 * @remarks
 * w(k, T) = θ_T/2 · (1 + ρφ(θ_T)k + √((φ(θ_T)k + ρ)² + 1 − ρ²)) with k = ln(K/F(T)); θ_T is the
 * monotone C¹ cubic through (0, 0) and (T_i, θ_i) (Fritsch–Carlson), linear beyond the last node.
 * Source: J. Gatheral, A. Jacquier (2014), Quant. Finance 14(1), 59–71, Def. 4.1 (eq. 4.1).
 * @public
 */
export interface SsviParameters {
  /** Expiries T_i in years, strictly increasing, > 0; length n ≥ 1. */
  readonly times: ArrayLike<number>;
  /** ATM total variances θ_i = σ_ATM(T_i)²T_i, strictly increasing, > 0; length n. */
  readonly thetas: ArrayLike<number>;
  /** Forwards F(T_i) (price units), > 0; length n; ln F is linear in T between them. */
  readonly forwards: ArrayLike<number>;
  /** Correlation ρ ∈ (−1, 1). */
  readonly rho: number;
  /** The curvature function φ(θ). */
  readonly phi: SsviPhi;
}
