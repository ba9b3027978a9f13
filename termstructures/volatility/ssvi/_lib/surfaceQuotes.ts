// Internal: checking a surface's per-expiry quotes and measuring fit quality.
import { checkPositive } from '../../../../src/_lib/checks.js';
import { InvalidInputError } from '../../../../src/errors.js';
import type { SviSmileQuotes } from '../../svi/fitSviSmile.js';
import { checkVolQuote } from '../../svi/_lib/checkVolQuote.js';
import type { VolSurfaceSliceFit } from '../VolSurfaceFitQuality.js';

/** One checked expiry: k = ln(K/F), bid/ask/mid vols, weights h (half-spreads, floored). @internal */
export interface CheckedSlice {
  readonly time: number;
  readonly forward: number;
  readonly k: Float64Array;
  readonly bid: Float64Array;
  readonly ask: Float64Array;
  readonly mid: Float64Array;
  readonly h: Float64Array;
  /** ATM total variance: mid w at k = 0 by quadratic interpolation on the three nearest strikes (linear as a fallback; nearest end outside). */
  readonly atmW: number;
}

/** @internal */
export function checkSurfaceQuotes(quotes: readonly SviSmileQuotes[], minHalfSpread: number, minimum: number): CheckedSlice[] {
  if (!Array.isArray(quotes) || quotes.length < 1) throw InvalidInputError.outOfRange('quotes.length', (quotes as unknown[] | undefined)?.length, '[1, ∞)');
  checkPositive('options.minHalfSpread', minHalfSpread);
  return quotes.map((q, s) => {
    const name = `quotes[${s}]`;
    if (typeof q !== 'object' || q === null) throw InvalidInputError.outOfRange(name, q, 'an object { time, forward, strikes, bidVols, askVols }');
    checkPositive(`${name}.time`, q.time);
    checkPositive(`${name}.forward`, q.forward);
    if (s > 0 && !(q.time > (quotes[s - 1] as SviSmileQuotes).time)) throw InvalidInputError.outOfRange(`${name}.time`, q.time, `(${(quotes[s - 1] as SviSmileQuotes).time}, ∞) (strictly increasing expiries)`);
    const n = q.strikes?.length ?? 0;
    if (!(n >= minimum)) throw InvalidInputError.outOfRange(`${name}.strikes.length`, n, `[${minimum}, ∞)`);
    for (const key of ['bidVols', 'askVols', 'midVols'] as const) {
      const col = q[key];
      if (col === undefined && key === 'midVols') continue;
      if (col?.length !== n) throw InvalidInputError.outOfRange(`${name}.${key}.length`, col?.length, `{${n}} (strikes.length)`);
    }
    const k = new Float64Array(n);
    const bid = new Float64Array(n);
    const ask = new Float64Array(n);
    const mid = new Float64Array(n);
    const h = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = checkVolQuote(name, q, i);
      const K = q.strikes[i] as number;
      const b = q.bidVols[i] as number;
      const a = q.askVols[i] as number;
      k[i] = Math.log(K / q.forward);
      if (i > 0 && !((k[i] as number) > (k[i - 1] as number))) throw InvalidInputError.outOfRange(`${name}.strikes[${i}]`, K, `(${q.strikes[i - 1]}, ∞) (ascending strikes)`);
      bid[i] = b;
      ask[i] = a;
      mid[i] = m;
      h[i] = Math.max(0.5 * (a - b), minHalfSpread);
    }
    return { time: q.time, forward: q.forward, k, bid, ask, mid, h, atmW: atmTotalVariance(k, mid, q.time) };
  });
}

function atmTotalVariance(k: Float64Array, mid: Float64Array, time: number): number {
  const n = k.length;
  const wAt = (i: number) => (mid[i] as number) ** 2 * time;
  if ((k[0] as number) >= 0) return wAt(0);
  if ((k[n - 1] as number) <= 0) return wAt(n - 1);
  let i = 0;
  while ((k[i + 1] as number) < 0) i++;
  const x = -(k[i] as number) / ((k[i + 1] as number) - (k[i] as number));
  const linear = (1 - x) * wAt(i) + x * wAt(i + 1);
  if (n < 3) return linear;
  // Quadratic through the three strikes nearest k = 0 (w is smooth and convex near the money),
  // kept only if it stays between the bracketing values' range widened by their difference.
  const j = Math.min(Math.max(Math.abs(k[i] as number) < Math.abs(k[i + 1] as number) ? i - 1 : i, 0), n - 3);
  const [k0, k1, k2] = [k[j] as number, k[j + 1] as number, k[j + 2] as number];
  const [w0, w1, w2] = [wAt(j), wAt(j + 1), wAt(j + 2)];
  const q = (w0 * k1 * k2) / ((k0 - k1) * (k0 - k2)) + (w1 * k0 * k2) / ((k1 - k0) * (k1 - k2)) + (w2 * k0 * k1) / ((k2 - k0) * (k2 - k1));
  const lo = Math.min(wAt(i), wAt(i + 1));
  const hi = Math.max(wAt(i), wAt(i + 1));
  return q > 0 && q >= lo - (hi - lo) && q <= hi + (hi - lo) ? q : linear;
}

/** Isotonic (pool-adjacent-violators) fit of y, then lifted to be strictly increasing. @internal */
export function increasing(y: ArrayLike<number>): Float64Array {
  const blocks: { sum: number; count: number }[] = [];
  for (let i = 0; i < y.length; i++) {
    blocks.push({ sum: y[i] as number, count: 1 });
    while (blocks.length > 1) {
      const b = blocks[blocks.length - 1] as { sum: number; count: number };
      const a = blocks[blocks.length - 2] as { sum: number; count: number };
      if (a.sum / a.count <= b.sum / b.count) break;
      a.sum += b.sum;
      a.count += b.count;
      blocks.pop();
    }
  }
  const out = new Float64Array(y.length);
  let j = 0;
  for (const b of blocks) for (let c = 0; c < b.count; c++) out[j++] = b.sum / b.count;
  for (let i = 1; i < out.length; i++) out[i] = Math.max(out[i] as number, (out[i - 1] as number) * (1 + 1e-6) + 1e-12);
  return out;
}

/** Fit quality of one slice from its model total variances at the quotes. @internal */
export function sliceFit(slice: CheckedSlice, modelW: (k: number) => number): VolSurfaceSliceFit {
  const n = slice.k.length;
  const fittedVols = new Float64Array(n);
  let sq = 0;
  let band = 0;
  let inside = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.sqrt(Math.max(modelW(slice.k[i] as number), 0) / slice.time);
    fittedVols[i] = v;
    sq += (v - (slice.mid[i] as number)) ** 2;
    const lo = slice.bid[i] as number;
    const hi = slice.ask[i] as number;
    const d = v < lo ? lo - v : v > hi ? v - hi : 0;
    band += d * d;
    if (d === 0) inside++;
  }
  return Object.freeze({ time: slice.time, forward: slice.forward, fittedVols, rmseVolPoints: 100 * Math.sqrt(sq / n), rmseBandVolPoints: 100 * Math.sqrt(band / n), insideBidAsk: inside / n, count: n });
}

/** Pooled quality over slices. @internal */
export function pooled(fits: readonly VolSurfaceSliceFit[]): { rmseVolPoints: number; rmseBandVolPoints: number; insideBidAsk: number; count: number } {
  let n = 0;
  let sq = 0;
  let band = 0;
  let inside = 0;
  for (const f of fits) {
    n += f.count;
    sq += f.rmseVolPoints ** 2 * f.count;
    band += f.rmseBandVolPoints ** 2 * f.count;
    inside += f.insideBidAsk * f.count;
  }
  return { rmseVolPoints: Math.sqrt(sq / n), rmseBandVolPoints: Math.sqrt(band / n), insideBidAsk: inside / n, count: n };
}
