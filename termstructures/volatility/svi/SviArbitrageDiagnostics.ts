/**
 * Butterfly-arbitrage diagnostics of one SVI slice, returned with every fit.
 *
 * @remarks
 * The slice is free of butterfly arbitrage iff g(k) ≥ 0 for all k and w(k) → ∞ as k → ±∞
 * (Gatheral–Jacquier 2014, Lemma 2.2; g from eq. 2.1). `minG` is the minimum of g over a grid
 * (uniform over the range plus a fine grid of ±10σ around the vertex m), refined by golden-section
 * search next to the smallest grid value. Beyond the grid, g tends to 1/4 − s²/16 for a wing slope
 * s, which is ≥ 0 exactly when s ≤ 2 (Roger Lee's moment bound), so `arbitrageFree` also asks for
 * both wing slopes ≤ 2.
 * Source: J. Gatheral, A. Jacquier (2014), Quant. Finance 14(1), 59–71, §2.2 and §3;
 * R. Lee (2004), "The moment formula for implied volatility at extreme strikes", Math. Finance 14(3).
 * @public
 */
export interface SviArbitrageDiagnostics {
  /** Minimum of g(k) over the grid (refined); ≥ 0 for an arbitrage-free slice. −∞ where w ≤ 0. */
  readonly minG: number;
  /** Log-moneyness k = ln(K/F) where `minG` is attained. */
  readonly argminG: number;
  /** The grid's range [from, to] in log-moneyness and its number of points. */
  readonly grid: { readonly from: number; readonly to: number; readonly points: number };
  /** Minimum total variance a + bσ√(1 − ρ²) (dimensionless); ≥ 0. */
  readonly minTotalVariance: number;
  /** Slope of w as k → −∞: b(1 − ρ); ≤ 2 (Lee). */
  readonly leftWingSlope: number;
  /** Slope of w as k → +∞: b(1 + ρ); ≤ 2 (Lee). */
  readonly rightWingSlope: number;
  /** minG ≥ 0, both wing slopes ≤ 2 and the minimum total variance ≥ 0. */
  readonly arbitrageFree: boolean;
}
