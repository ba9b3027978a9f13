// Test helper: the SPX chains the surface tests read, and pooled fit quality (RMSE to mid, RMSE
// outside the bid/ask band, share inside) computed here from fitted vols, independently of the fits' own figures.
import { readFileSync } from 'node:fs';
import { cboeOptionChain } from '../../../../../src/marketdata/cboeOptionChain.js';
import { gatheralOptionChain } from '../../../../../src/marketdata/gatheralOptionChain.js';
import type { OptionChainSlice } from '../../../../../src/marketdata/OptionChainSlice.js';

const data = new URL('../../../../../data/', import.meta.url);

export const gatheralSlices = (): readonly OptionChainSlice[] => gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' }).slices;

export const cboeSlices = (): OptionChainSlice[] =>
  cboeOptionChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8'))
    .slices.filter((s) => s.strikes.length >= 5)
    .sort((a, b) => a.time - b.time);

export function quality(slices: readonly OptionChainSlice[], fitted: readonly ArrayLike<number>[]): { quotes: number; rmse: number; band: number; inside: number } {
  let n = 0;
  let sq = 0;
  let band = 0;
  let inside = 0;
  slices.forEach((s, i) => {
    const v = fitted[i] as ArrayLike<number>;
    for (let j = 0; j < s.strikes.length; j++) {
      const x = v[j] as number;
      const d = x < s.bidVols[j]! ? s.bidVols[j]! - x : x > s.askVols[j]! ? x - s.askVols[j]! : 0;
      sq += (x - s.midVols[j]!) ** 2;
      band += d * d;
      if (d === 0) inside++;
      n++;
    }
  });
  return { quotes: n, rmse: 100 * Math.sqrt(sq / n), band: 100 * Math.sqrt(band / n), inside: inside / n };
}
