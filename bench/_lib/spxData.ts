// The real SPX data sets that benches and tests share (data/, each with its README naming the
// source): Gatheral's 2023-02-15 mid/bid/ask vols and the Cboe chain of 2023-09-14 as option-chain
// slices; the 90-quote subsample that the Heston and rough Heston calibrations fit; and the pooled
// fit quality of fitted vols against the quotes (computed here, independently of a fit's own figures).
import { readFileSync } from 'node:fs';
import type { HestonCalibrationSlice } from '../../engines/heston/calibrateHeston.js';
import { cboeOptionChain } from '../../src/marketdata/cboeOptionChain.js';
import { gatheralOptionChain } from '../../src/marketdata/gatheralOptionChain.js';
import type { OptionChainSlice } from '../../src/marketdata/OptionChainSlice.js';

const data = new URL('../../data/', import.meta.url);

/** Every expiry of Gatheral's SPX file of 2023-02-15. */
export const gatheralSlices = (): readonly OptionChainSlice[] => gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' }).slices;

/** The Cboe SPX chain of 2023-09-14: series with at least 5 strikes, by increasing time. */
export const cboeSlices = (): OptionChainSlice[] =>
  cboeOptionChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8'))
    .slices.filter((s) => s.strikes.length >= 5)
    .sort((a, b) => a.time - b.time);

const TARGET_TIMES = [7 / 365, 14 / 365, 1 / 12, 2 / 12, 0.25, 0.5, 0.75, 1, 1.5, 2];
const STRIKES_PER_SLICE = 9;

/**
 * The SPX calibration subsample of Gatheral's 2023-02-15 file (90 mid vols): per target time the
 * nearest unused expiry in [1 week, 2 years]; on it, the quotes nearest to 9 equally spaced ln(K/F)
 * spanning its quotes within |ln K/F| ≤ 0.4. Mid vols; the file's prices are undiscounted (D = 1),
 * the forwards are the chain's (put–call parity per expiry).
 */
export function spxCalibrationSlices(): HestonCalibrationSlice[] {
  const chain = gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' });
  const used = new Set<number>();
  return TARGET_TIMES.map((target) => {
    let best = -1;
    chain.slices.forEach((s, j) => {
      if (s.time < 7 / 365 - 1e-9 || s.time > 2 + 1e-4 || used.has(j)) return;
      if (best < 0 || Math.abs(s.time - target) < Math.abs(chain.slices[best]!.time - target)) best = j;
    });
    used.add(best);
    const s = chain.slices[best]!;
    const x = (i: number) => Math.log(s.strikes[i]! / s.forward);
    const ok = [...s.strikes.keys()].filter((i) => Math.abs(x(i)) <= 0.4 && s.midVols[i]! > 0);
    const lo = x(ok[0]!);
    const hi = x(ok[ok.length - 1]!);
    const pick = new Set<number>();
    for (let a = 0; a < STRIKES_PER_SLICE; a++) {
      const z = lo + ((hi - lo) * a) / (STRIKES_PER_SLICE - 1);
      pick.add(ok.reduce((b, i) => (Math.abs(x(i) - z) < Math.abs(x(b) - z) ? i : b)));
    }
    const idx = [...pick].sort((a, b) => a - b);
    return { time: s.time, forward: s.forward, discount: s.discount, strikes: idx.map((i) => s.strikes[i]!), vols: idx.map((i) => s.midVols[i]!) };
  });
}

/** RMSE to mid and to the [bid, ask] band (vol points), share inside, pooled over slices. */
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
