/**
 * Fit quality of a smile or surface fit to bid/ask implied vols.
 *
 * @remarks
 * Errors are in vol points (1 = 0.01 of vol). `rmseBandVolPoints` counts a fitted vol inside
 * [bid, ask] as no error and otherwise its distance to the nearer side; `rmseVolPoints` is the
 * error to the mid vol; `insideBidAsk` the share of quotes fitted inside [bid, ask].
 * @public
 */
export interface VolSurfaceFitQuality {
  /** RMSE of fitted − mid vol, vol points. */
  readonly rmseVolPoints: number;
  /** RMSE of the distance of the fitted vol to the [bid, ask] band (0 inside), vol points. */
  readonly rmseBandVolPoints: number;
  /** Share of quotes fitted inside [bid, ask], in [0, 1]. */
  readonly insideBidAsk: number;
  /** Number of quotes. */
  readonly count: number;
}

/**
 * One expiry of a surface fit: its fit quality and fitted vols at the quotes' strikes.
 * @public
 */
export interface VolSurfaceSliceFit extends VolSurfaceFitQuality {
  /** Expiry T (years) and forward F of the slice. */
  readonly time: number;
  readonly forward: number;
  /** Fitted vols (decimals) at the slice's strikes. */
  readonly fittedVols: Float64Array;
}
