/**
 * Parameters of an eSSVI surface: per expiry T_i the ATM total variance θ_i, correlation ρ_i and
 * ψ_i = θ_iφ_i.
 *
 * @remarks
 * Slice i: w(k) = ½(θ_i + ρ_iψ_i k + √((ψ_i k + ρ_iθ_i)² + θ_i²(1 − ρ_i²))), k = ln(K/F(T_i)), the
 * SSVI slice with a maturity-dependent ρ.
 * Source: S. Hendriks, C. Martini (2019), "The extended SSVI volatility surface", J. Comput.
 * Finance 22(5); J. Corbetta, P. Cohort, I. Laachir, C. Martini (2019), "Robust calibration and
 * arbitrage-free interpolation of SSVI slices", Decis. Econ. Finance 42(2), 665–677.
 * @public
 */
export interface EssviParameters {
  /** Expiries T_i in years, strictly increasing, > 0; length n ≥ 1. */
  readonly times: ArrayLike<number>;
  /** ATM total variances θ_i, strictly increasing, > 0; length n. */
  readonly thetas: ArrayLike<number>;
  /** Correlations ρ_i ∈ (−1, 1); length n. */
  readonly rhos: ArrayLike<number>;
  /** ψ_i = θ_iφ_i > 0 (the slices' ATM skew scale; ∂w/∂k at k = 0 is ρ_iψ_i); length n. */
  readonly psis: ArrayLike<number>;
  /** Forwards F(T_i) (price units), > 0; length n; ln F is linear in T between them. */
  readonly forwards: ArrayLike<number>;
}
