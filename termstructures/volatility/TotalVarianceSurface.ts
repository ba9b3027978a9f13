/**
 * Total implied variance w(k, T) = σ_BS(k, T)² T and its first derivatives, at log-forward
 * moneyness k = ln(K / F(T)).
 *
 * @remarks
 * The analytic shape a parametric surface (SVI per slice with interpolation in T, SSVI, eSSVI)
 * gives to Dupire's formula in total-variance form (Gatheral 2006, "The Volatility Surface",
 * eq. 1.10). All four numbers are at the same (k, T); T in years > 0.
 * @public
 */
export interface TotalVarianceDerivatives {
  /** w(k, T), ≥ 0. */
  readonly w: number;
  /** ∂w/∂k at fixed T. */
  readonly dwdk: number;
  /** ∂²w/∂k² at fixed T. */
  readonly d2wdk2: number;
  /** ∂w/∂T at fixed k (≥ 0 on a surface without calendar arbitrage). */
  readonly dwdt: number;
}

/**
 * A surface of total implied variance in log-forward moneyness with analytic derivatives.
 *
 * @remarks
 * Implemented by the SVI, SSVI and eSSVI surfaces; consumed by `LocalVolSurface`.
 * @public
 */
export interface TotalVarianceSurface {
  /** Forward F(T) of the underlying that defines k = ln(K/F(T)); T in years ≥ 0. */
  forward(t: number): number;
  /**
   * w and its derivatives at (k, T).
   * @param k - log-forward moneyness, finite.
   * @param t - time in years, > 0.
   */
  totalVarianceDerivatives(k: number, t: number): TotalVarianceDerivatives;
  /** Latest time at which the surface is defined without extrapolation, in years. */
  maxTime(): number;
}
