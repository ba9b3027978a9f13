/**
 * One expiry (and, for Cboe files, one root) of an option chain: forward, discount factor and the
 * out-of-the-money quotes as bid, ask and mid implied vols.
 *
 * @remarks
 * Strikes ascending. At each strike the out-of-the-money option is kept (call for K ≥ F, put for
 * K < F); only two-sided quotes are kept. Vols are Black-76 implied vols on `forward` with
 * `discount` and `time`, by {@link impliedBlackVolatilityBatch}. A slice is a valid
 * {@link SviSmileQuotes} (fields `time`, `forward`, `strikes`, `bidVols`, `askVols`, `midVols`).
 * @public
 */
export interface OptionChainSlice {
  /** Expiration date, ISO `YYYY-MM-DD`. */
  readonly expiry: string;
  /** OCC root (`"SPX"`, `"SPXW"`) for Cboe files; undefined for Gatheral's file (roots not given). */
  readonly root?: string;
  /** Settlement: `"AM"` (SPX monthlies, at the open) or `"PM"` (SPXW, at the close); undefined when unknown. */
  readonly settlement?: 'AM' | 'PM';
  /** Time to expiry T in years (Gatheral: the file's Texp, ACT/365.25; Cboe: minutes/525,600 from the quote time to settlement). */
  readonly time: number;
  /** Forward F (price units): the file's for Gatheral; from put–call parity for Cboe. */
  readonly forward: number;
  /** Discount factor D to expiry: 1 for Gatheral (prices in forward terms); from parity for Cboe. */
  readonly discount: number;
  /** Put–call parity regression: pairs used and RMS residual (price units); Cboe only. */
  readonly parity?: { readonly pairs: number; readonly residualRms: number };
  /** Strikes (price units), ascending; length n. */
  readonly strikes: Float64Array;
  /** +1 where the kept quote is a call, −1 a put; length n. */
  readonly optionTypes: Int8Array;
  /** Mid prices of the kept options as quoted (discounted by `discount`); length n. */
  readonly midPrices: Float64Array;
  /** Bid implied vols (decimals); length n. */
  readonly bidVols: Float64Array;
  /** Ask implied vols (decimals); length n, each ≥ the bid. */
  readonly askVols: Float64Array;
  /** Implied vols of the mid prices (decimals); length n, between bid and ask. */
  readonly midVols: Float64Array;
}
