/**
 * Static-arbitrage diagnostics of a total-variance surface, returned with every surface fit (SVI,
 * SSVI, eSSVI).
 *
 * @remarks
 * Butterfly: g(k) of Gatheral–Jacquier (2014, eq. 2.1) from the surface's analytic w, ∂w/∂k,
 * ∂²w/∂k², on `kGrid` at each slice's expiry (the minimum refined by golden-section search next
 * to the smallest grid value). Calendar: ∂w/∂T at fixed k (analytic) on `kGrid` × a T-grid of
 * every slice expiry, eight points inside each interval between expiries (from 0 to the first) and
 * one beyond the last; `minDwdt[j]` is the minimum over T at `kGrid[j]`. No arbitrage on the grid
 * iff every min g ≥ 0 and every ∂w/∂T ≥ 0 (their Lemma 2.2 and §2.1).
 * Source: J. Gatheral, A. Jacquier (2014), "Arbitrage-free SVI volatility surfaces", Quant.
 * Finance 14(1), 59–71, §2.
 * @public
 */
export interface VolSurfaceArbitrageDiagnostics {
  /** The log-forward moneyness grid k = ln(K/F(T)) of the checks. */
  readonly kGrid: Float64Array;
  /** Per slice (expiry order): its expiry in years, min g over the grid and where. */
  readonly slices: readonly { readonly time: number; readonly minG: number; readonly argminG: number }[];
  /** The smallest of the slices' min g. */
  readonly minG: number;
  /** Per grid strike, min over the T-grid of ∂w/∂T (per year); length = kGrid.length. */
  readonly minDwdt: Float64Array;
  /** The smallest of `minDwdt`. */
  readonly minDwdtOverall: number;
  /** minG ≥ 0 and minDwdtOverall ≥ 0. */
  readonly arbitrageFree: boolean;
}
