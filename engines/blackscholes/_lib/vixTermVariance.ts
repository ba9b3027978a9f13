// Internal: the Cboe VIX single-term variance from one expiry's bid/ask quotes.
import { InvalidInputError } from '../../../src/errors.js';

/** One strike of one expiry: bids and asks of the call and the put (price units, 0 = no quote). @internal */
export interface VixStrikeQuote {
  readonly strike: number;
  readonly callBid: number;
  readonly callAsk: number;
  readonly putBid: number;
  readonly putAsk: number;
}

/** The intermediate figures of one term, as the white paper lists them. @internal */
export interface VixTermVariance {
  /** Forward index level F = K_F + e^{RT}(C − P) at the strike K_F of smallest |C − P|. */
  readonly forward: number;
  /** The strike K_F used for the forward. */
  readonly forwardStrike: number;
  /** K0: the listed strike equal to or immediately below F. */
  readonly k0: number;
  /** Strikes of the selected strip, ascending (puts, K0, calls). */
  readonly strikes: readonly number[];
  /** Q(K) for each selected strike (mid of the OTM option; at K0 the mean of call and put mids). */
  readonly prices: readonly number[];
  /** ΔK for each selected strike. */
  readonly deltaK: readonly number[];
  /** Σ ΔK/K² e^{RT} Q(K). */
  readonly sum: number;
  /** σ² = (2/T)·sum − (1/T)(F/K0 − 1)². */
  readonly variance: number;
}

/**
 * One term of the Cboe VIX calculation (Cboe VIX White Paper / Methodology, Steps 1–2).
 *
 * @param quotes - the expiry's strikes (any order; duplicates refused).
 * @param years - T, minutes to expiration / 525,600; > 0.
 * @param rate - R, continuously compounded; finite.
 * @param label - names the term in error messages (`"nearTerm"`).
 * @internal
 */
export function vixTermVariance(quotes: readonly VixStrikeQuote[], years: number, rate: number, label: string): VixTermVariance {
  const rows = [...quotes].sort((a, b) => a.strike - b.strike);
  rows.forEach((q, i) => {
    for (const key of ['strike', 'callBid', 'callAsk', 'putBid', 'putAsk'] as const) {
      const v = q[key];
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || (key === 'strike' && v === 0)) {
        throw InvalidInputError.outOfRange(`${label} quote (strike ${q.strike}).${key}`, v, key === 'strike' ? '(0, ∞)' : '[0, ∞)');
      }
    }
    if (i > 0 && q.strike === (rows[i - 1] as VixStrikeQuote).strike) {
      throw InvalidInputError.outOfRange(`${label} strikes`, q.strike, 'distinct strikes (one row per strike)');
    }
  });
  const growth = Math.exp(rate * years);
  const mid = (bid: number, ask: number): number => (bid + ask) / 2;

  // Step 1a: the forward from the strike where |C − P| (mids) is smallest, among strikes whose
  // call and put both have a non-zero bid.
  let best: VixStrikeQuote | undefined;
  let bestDiff = Infinity;
  for (const q of rows) {
    if (!(q.callBid > 0 && q.putBid > 0)) continue;
    const diff = Math.abs(mid(q.callBid, q.callAsk) - mid(q.putBid, q.putAsk));
    if (diff < bestDiff) {
      bestDiff = diff;
      best = q;
    }
  }
  if (best === undefined) {
    throw InvalidInputError.outOfRange(`${label} quotes`, rows.length, 'at least one strike whose call and put both have a bid > 0');
  }
  const forward = best.strike + growth * (mid(best.callBid, best.callAsk) - mid(best.putBid, best.putAsk));

  // Step 1b: K0, the strike equal to or immediately below F.
  let k0Index = -1;
  rows.forEach((q, i) => {
    if (q.strike <= forward) k0Index = i;
  });
  if (k0Index < 0) throw InvalidInputError.outOfRange(`${label} forward`, forward, `[${rows[0]?.strike}, ∞) (a strike at or below F)`);
  const k0Row = rows[k0Index] as VixStrikeQuote;

  // Step 1c: OTM puts below K0 and calls above, walking outwards; zero bids are skipped and two
  // consecutive zero bids end the walk.
  const walk = (indices: number[], side: 'put' | 'call'): VixStrikeQuote[] => {
    const kept: VixStrikeQuote[] = [];
    let zeros = 0;
    for (const i of indices) {
      const q = rows[i] as VixStrikeQuote;
      const bid = side === 'put' ? q.putBid : q.callBid;
      if (bid > 0) {
        zeros = 0;
        kept.push(q);
      } else if (++zeros === 2) {
        break;
      }
    }
    return kept;
  };
  const below = Array.from({ length: k0Index }, (_, j) => k0Index - 1 - j);
  const above = Array.from({ length: rows.length - k0Index - 1 }, (_, j) => k0Index + 1 + j);
  const puts = walk(below, 'put').reverse();
  const calls = walk(above, 'call');
  const strikes = [...puts.map((q) => q.strike), k0Row.strike, ...calls.map((q) => q.strike)];
  const prices = [
    ...puts.map((q) => mid(q.putBid, q.putAsk)),
    (mid(k0Row.callBid, k0Row.callAsk) + mid(k0Row.putBid, k0Row.putAsk)) / 2,
    ...calls.map((q) => mid(q.callBid, q.callAsk)),
  ];
  if (strikes.length < 2) throw InvalidInputError.outOfRange(`${label} selected strikes`, strikes.length, '[2, ∞) (no OTM option has a bid)');

  // Step 2: ΔK half the distance between neighbours in the strip (one-sided at its ends).
  const n = strikes.length;
  const deltaK = strikes.map((_, i) => {
    const lo = strikes[Math.max(i - 1, 0)] as number;
    const hi = strikes[Math.min(i + 1, n - 1)] as number;
    return i === 0 || i === n - 1 ? hi - lo : (hi - lo) / 2;
  });
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const k = strikes[i] as number;
    sum += ((deltaK[i] as number) / (k * k)) * growth * (prices[i] as number);
  }
  const variance = (2 / years) * sum - (1 / years) * (forward / k0Row.strike - 1) ** 2;
  return { forward, forwardStrike: best.strike, k0: k0Row.strike, strikes, prices, deltaK, sum, variance };
}
