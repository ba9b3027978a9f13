import { checkFinite, checkPositive } from '../../src/_lib/checks.js';
import { InvalidInputError } from '../../src/errors.js';
import { vixTermVariance, type VixTermVariance } from './_lib/vixTermVariance.js';
import { vixThirtyDayIndex } from './_lib/vixThirtyDayIndex.js';

/**
 * One strike of an option chain: bid and ask of the call and the put at one expiry.
 * @public
 */
export interface CboeOptionQuote {
  /** Which expiry (series) the row belongs to; any label, matched against the terms' `expiry`. */
  readonly expiry: string;
  /** Strike, price units; > 0. */
  readonly strike: number;
  /** Call bid, price units; ≥ 0 (0 = no bid). */
  readonly callBid: number;
  /** Call ask, price units; ≥ 0. */
  readonly callAsk: number;
  /** Put bid, price units; ≥ 0 (0 = no bid). */
  readonly putBid: number;
  /** Put ask, price units; ≥ 0. */
  readonly putAsk: number;
}

/**
 * One of the two expiries the index interpolates between.
 * @public
 */
export interface CboeVolatilityIndexTerm {
  /** The `expiry` label of its rows in the chain. */
  readonly expiry: string;
  /** Minutes from the calculation time to the expiration (settlement) time, N_T; > 0. */
  readonly minutesToExpiry: number;
}

/**
 * Options of {@link cboeVolatilityIndex}.
 * @public
 */
export interface CboeVolatilityIndexOptions {
  /** The near-term expiry (fewer minutes than `nextTerm`). */
  readonly nearTerm: CboeVolatilityIndexTerm;
  /** The next-term expiry. */
  readonly nextTerm: CboeVolatilityIndexTerm;
  /** Risk-free rates R1, R2 to each expiry, continuously compounded decimals (growth e^{RT}). */
  readonly rates: { readonly nearTerm: number; readonly nextTerm: number };
  /** Target horizon N30 in minutes; default 43,200 (30 days). */
  readonly targetMinutes?: number;
}

/**
 * The intermediate figures of one term.
 * @public
 */
export interface CboeVolatilityIndexTermResult {
  /** T = N_T / 525,600, years. */
  readonly years: number;
  /** Forward index level F (price units). */
  readonly forward: number;
  /** The strike whose call and put mids are closest, used for F. */
  readonly forwardStrike: number;
  /** K0, the strike equal to or immediately below F. */
  readonly k0: number;
  /** Strikes of the selected OTM strip, ascending (puts, K0, calls). */
  readonly strikes: readonly number[];
  /** σ², annualised variance of the term. */
  readonly variance: number;
}

/**
 * The index and how it was made.
 * @public
 */
export interface CboeVolatilityIndexResult {
  /** The index, in vol points (100 × annualised vol). */
  readonly value: number;
  /** The 30-day annualised variance (value = 100·√variance). */
  readonly variance: number;
  /** Weight (N2 − N30)/(N2 − N1) of the near term's total variance. */
  readonly nearWeight: number;
  /** Weight (N30 − N1)/(N2 − N1) of the next term's total variance. */
  readonly nextWeight: number;
  readonly nearTerm: CboeVolatilityIndexTermResult;
  readonly nextTerm: CboeVolatilityIndexTermResult;
}

/**
 * A Cboe VIX-style volatility index from an option chain: the 30-day model-free implied variance
 * interpolated between two expiries, × 100.
 *
 * @remarks
 * Per term (white paper Steps 1–2): F = K_F + e^{RT}(C − P) at the strike K_F where the call and put
 * mids differ least (among strikes with both bids > 0); K0 the strike equal to or immediately
 * below F; out-of-the-money puts below K0 and calls above it, walking outwards, skipping zero
 * bids and stopping after two consecutive zero bids; at K0 the mean of the call and put mids;
 * ΔK_i = (K_{i+1} − K_{i−1})/2 over the selected strikes (one-sided at the ends); and
 * σ² = (2/T) Σ ΔK_i/K_i² e^{RT} Q(K_i) − (1/T)(F/K0 − 1)², T = N_T/525,600.
 * Then (Step 3) VIX = 100·√{[T1σ1²(N2 − N30)/(N2 − N1) + T2σ2²(N30 − N1)/(N2 − N1)]·N365/N30}.
 * Outside N1 ≤ N30 ≤ N2 the same formula extrapolates (Cboe uses it only to interpolate).
 * Not modelled: Cboe's quote filters (the 2025 zero-ask exclusion, wide-spread and
 * price-bound filters, "Spread-Based Quote Selection"), the choice of expiries and the
 * Treasury-bill rate construction (the caller gives the expiries, minutes and rates).
 *
 * Source: Cboe, "Cboe Volatility Index — VIX White Paper" (2019) and "Cboe Volatility Index
 * Methodology" (2022 worked example, hypothetical 2022-09-27 10:45:15 ET); Demeterfi, Derman,
 * Kamal & Zou (1999) for the replication it discretises.
 * Checked against: `test/engines/blackscholes/cboeVolatilityIndex.test.ts` — the Methodology's
 * worked-example figures (F1 = 1962.89996, F2 = 1962.40006, K0 = 1960, σ1² = 0.019233906,
 * σ2² = 0.019423884 → VIX 13.93), a flat-vol Black–Scholes chain (index → 100σ), the
 * zero-bid rule on a hand-built chain, and the SPX chain of 2023-09-14 against that day's VIX close.
 *
 * @param chain - rows of the chain (any order), at least the two terms' rows; one row per
 *   (expiry, strike).
 * @param options - the two terms, their rates and the target horizon.
 * @returns the index (vol points), the 30-day variance, the weights and each term's figures.
 * @throws `InvalidInputError` when a quote is negative or not finite, a term has no strike with
 *   both bids > 0 or no strike at or below its forward, minutes are not > 0 or not increasing
 *   from near to next term, a rate is not finite, or the 30-day variance comes out negative.
 *
 * @example
 * ```ts
 * import { cboeVolatilityIndex } from 'quantflow';
 * const vix = cboeVolatilityIndex(rows, {
 *   nearTerm: { expiry: '2023-10-13', minutesToExpiry: 41_745 },
 *   nextTerm: { expiry: '2023-10-16', minutesToExpiry: 46_065 },
 *   rates: { nearTerm: 0.0545, nextTerm: 0.0546 },
 * });
 * vix.value; // ≈ 12.8 on the 2023-09-14 close
 * ```
 * @public
 */
export function cboeVolatilityIndex(chain: readonly CboeOptionQuote[], options: CboeVolatilityIndexOptions): CboeVolatilityIndexResult {
  const { nearTerm, nextTerm, rates } = options;
  const targetMinutes = options.targetMinutes ?? 43_200;
  checkPositive('nearTerm.minutesToExpiry', nearTerm.minutesToExpiry);
  checkPositive('nextTerm.minutesToExpiry', nextTerm.minutesToExpiry);
  checkPositive('targetMinutes', targetMinutes);
  if (!(nextTerm.minutesToExpiry > nearTerm.minutesToExpiry)) {
    throw InvalidInputError.outOfRange('nextTerm.minutesToExpiry', nextTerm.minutesToExpiry, `(${nearTerm.minutesToExpiry}, ∞) (after the near term)`);
  }
  checkFinite('rates.nearTerm', rates?.nearTerm);
  checkFinite('rates.nextTerm', rates?.nextTerm);
  const term = (t: CboeVolatilityIndexTerm, rate: number, label: string): CboeVolatilityIndexTermResult => {
    const rows = chain.filter((q) => q.expiry === t.expiry);
    if (rows.length === 0) throw InvalidInputError.outOfRange(`${label}.expiry`, t.expiry, 'an expiry label present in the chain');
    const years = t.minutesToExpiry / 525_600;
    const r: VixTermVariance = vixTermVariance(rows, years, rate, label);
    return { years, forward: r.forward, forwardStrike: r.forwardStrike, k0: r.k0, strikes: r.strikes, variance: r.variance };
  };
  const near = term(nearTerm, rates.nearTerm, 'nearTerm');
  const next = term(nextTerm, rates.nextTerm, 'nextTerm');
  const index = vixThirtyDayIndex(near.variance, next.variance, nearTerm.minutesToExpiry, nextTerm.minutesToExpiry, targetMinutes);
  if (!(index.variance >= 0)) throw InvalidInputError.outOfRange('30-day variance', index.variance, '[0, ∞) (check the quotes)');
  return { value: index.value, variance: index.variance, nearWeight: index.nearWeight, nextWeight: index.nextWeight, nearTerm: near, nextTerm: next };
}
