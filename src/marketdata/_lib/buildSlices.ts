// Internal: turns per-expiry out-of-the-money quotes into OptionChainSlices (one batch inversion).
import { impliedBlackVolatilityBatch } from '../../kernels/impliedVol.js';
import type { OptionChainSlice } from '../OptionChainSlice.js';
import type { SkipTally } from './SkipTally.js';

/** One kept quote: strike, type (+1 call, −1 put), mid price, and either bid/ask prices or vols. @internal */
export interface SliceQuote {
  readonly strike: number;
  readonly type: 1 | -1;
  readonly mid: number;
  readonly bid?: number;
  readonly ask?: number;
  readonly bidVol?: number;
  readonly askVol?: number;
}

/** One expiry's terms and quotes, before inversion. @internal */
export type SliceInput = Pick<OptionChainSlice, 'expiry' | 'root' | 'settlement' | 'time' | 'forward' | 'discount' | 'parity'> & {
  readonly quotes: readonly SliceQuote[];
};

/**
 * Inverts every price of every slice in one {@link impliedBlackVolatilityBatch} call and builds
 * the slices (strikes ascending). A quote with a price outside (0, D·F) for a call or (0, D·K) for
 * a put (no time value to invert, or above the upper bound) is skipped under
 * `"price outside (0, upper bound)"`; slices left empty are dropped. Sorted by time, then root.
 * @internal
 */
export function buildSlices(inputs: readonly SliceInput[], tally: SkipTally): OptionChainSlice[] {
  const prices: number[] = [];
  const forwards: number[] = [];
  const strikes: number[] = [];
  const times: number[] = [];
  const discounts: number[] = [];
  const types: number[] = [];
  const kept = inputs.map((s) =>
    s.quotes
      .filter((q) => {
        const upper = s.discount * (q.type > 0 ? s.forward : q.strike);
        const ps = q.bidVol === undefined ? [q.mid, q.bid as number, q.ask as number] : [q.mid];
        const ok = ps.every((p) => p > 0 && p < upper);
        if (!ok) tally.skipItem('price outside (0, upper bound)', `${s.expiry}${s.root === undefined ? '' : ' ' + s.root} K=${q.strike}`);
        return ok;
      })
      .sort((a, b) => a.strike - b.strike),
  );
  inputs.forEach((s, j) => {
    for (const q of kept[j] as SliceQuote[]) {
      for (const p of q.bidVol === undefined ? [q.mid, q.bid as number, q.ask as number] : [q.mid]) {
        prices.push(p);
        forwards.push(s.forward);
        strikes.push(q.strike);
        times.push(s.time);
        discounts.push(s.discount);
        types.push(q.type);
      }
    }
  });
  const vols = impliedBlackVolatilityBatch({
    prices: Float64Array.from(prices),
    forwards: Float64Array.from(forwards),
    strikes: Float64Array.from(strikes),
    expiries: Float64Array.from(times),
    discounts: Float64Array.from(discounts),
    optionTypes: Float64Array.from(types),
  });
  let at = 0;
  const slices: OptionChainSlice[] = [];
  inputs.forEach((s, j) => {
    const qs = kept[j] as SliceQuote[];
    const n = qs.length;
    const slice = {
      strikes: new Float64Array(n),
      optionTypes: new Int8Array(n),
      midPrices: new Float64Array(n),
      bidVols: new Float64Array(n),
      askVols: new Float64Array(n),
      midVols: new Float64Array(n),
    };
    qs.forEach((q, i) => {
      slice.strikes[i] = q.strike;
      slice.optionTypes[i] = q.type;
      slice.midPrices[i] = q.mid;
      slice.midVols[i] = vols[at++] as number;
      slice.bidVols[i] = q.bidVol ?? (vols[at++] as number);
      slice.askVols[i] = q.askVol ?? (vols[at++] as number);
    });
    if (n === 0) return;
    slices.push(
      Object.freeze({
        expiry: s.expiry,
        ...(s.root === undefined ? {} : { root: s.root }),
        ...(s.settlement === undefined ? {} : { settlement: s.settlement }),
        time: s.time,
        forward: s.forward,
        discount: s.discount,
        ...(s.parity === undefined ? {} : { parity: Object.freeze({ ...s.parity }) }),
        ...slice,
      }),
    );
  });
  slices.sort((a, b) => a.time - b.time || (a.root ?? '').localeCompare(b.root ?? ''));
  return slices;
}
