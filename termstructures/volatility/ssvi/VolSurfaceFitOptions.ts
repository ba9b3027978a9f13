/**
 * Options shared by the surface fits ({@link fitSviSurface}, {@link fitSsviSurface},
 * {@link fitEssviSurface}).
 * @public
 */
export interface VolSurfaceFitOptions {
  /** Throw `ArbitrageError` (details: `{ diagnostics, parameters }`) when the fitted surface's diagnostics are not clean; default false. */
  readonly throwOnArbitrage?: boolean;
  /** Smallest half-spread used as a weight, in vol (decimal); default 0.0005; > 0. */
  readonly minHalfSpread?: number;
  /** Log-moneyness grid of the arbitrage checks (inside the fit and in the diagnostics); default 241 points over [−3, 1.5]. */
  readonly kGrid?: ArrayLike<number>;
}
