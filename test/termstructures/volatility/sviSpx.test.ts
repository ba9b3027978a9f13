// @test fitSviSmile on real SPX data: every expiry of Gatheral's 2023-02-15 file and of the Cboe 2023-09-14 chain
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cboeOptionChain } from '../../../src/marketdata/cboeOptionChain.js';
import { gatheralOptionChain } from '../../../src/marketdata/gatheralOptionChain.js';
import type { OptionChainSlice } from '../../../src/marketdata/OptionChainSlice.js';
import { fitSviSmile, type SviFit } from '../../../termstructures/volatility/svi/fitSviSmile.js';

const data = new URL('../../../data/', import.meta.url);

interface Summary {
  readonly fits: readonly { slice: OptionChainSlice; fit: SviFit }[];
  readonly quotes: number;
  readonly rmseVolPoints: number;
  readonly insideBidAsk: number;
  readonly minG: number;
}

/** Fits every slice with at least 5 quotes; overall RMSE and inside share pool all quotes. */
function fitAll(slices: readonly OptionChainSlice[]): Summary {
  const fits = slices.filter((s) => s.strikes.length >= 5).map((slice) => ({ slice, fit: fitSviSmile(slice) }));
  let quotes = 0;
  let sq = 0;
  let inside = 0;
  let minG = Infinity;
  for (const { fit } of fits) {
    quotes += fit.count;
    sq += fit.rmseVolPoints ** 2 * fit.count;
    inside += fit.insideBidAsk * fit.count;
    minG = Math.min(minG, fit.diagnostics.minG);
  }
  const table = fits
    .map(({ slice, fit }) => `${slice.expiry} ${slice.root ?? ''} T=${slice.time.toFixed(4)} n=${fit.count} rmse=${fit.rmseVolPoints.toFixed(3)} inside=${fit.insideBidAsk.toFixed(3)} minG=${fit.diagnostics.minG.toExponential(2)}`)
    .join('\n');
  console.info(table);
  return { fits, quotes, rmseVolPoints: Math.sqrt(sq / quotes), insideBidAsk: inside / quotes, minG };
}

describe('SVI with no butterfly arbitrage on SPX, 2023-02-15 (Gatheral, 48 expiries)', () => {
  const chain = gatheralOptionChain(readFileSync(new URL('spx-implied-vols-gatheral-20230215/spx_implied_vol_20230215.csv', data), 'utf8'), { quoteDate: '2023-02-15' });
  const summary = fitAll(chain.slices);

  it('fits all 48 expiries with min g ≥ 0 and wing slopes ≤ 2 on every slice', () => {
    console.info(`Gatheral 2023-02-15: ${summary.fits.length} expiries, ${summary.quotes} quotes, RMSE ${summary.rmseVolPoints.toFixed(3)} vol points, inside bid/ask ${(100 * summary.insideBidAsk).toFixed(1)} %, min g ${summary.minG}`);
    expect(summary.fits).toHaveLength(48);
    expect(summary.quotes).toBe(6749);
    for (const { slice, fit } of summary.fits) {
      expect(fit.diagnostics.minG, slice.expiry).toBeGreaterThanOrEqual(0);
      expect(fit.diagnostics.arbitrageFree, slice.expiry).toBe(true);
    }
  });

  it('reaches the measured fit quality (thresholds a little looser than measured)', () => {
    expect(summary.rmseVolPoints).toBeLessThan(THRESHOLDS.gatheral.rmse);
    expect(summary.insideBidAsk).toBeGreaterThan(THRESHOLDS.gatheral.inside);
  });
});

describe('SVI with no butterfly arbitrage on SPX, 2023-09-14 (Cboe raw prices → parity forwards → OTM mid vols)', () => {
  const chain = cboeOptionChain(readFileSync(new URL('spx-chain-cboe-20230914/spx_quotedata.csv', data), 'utf8'));
  const summary = fitAll(chain.slices);

  it('fits every series with at least 5 quotes, min g ≥ 0 on every slice', () => {
    console.info(`Cboe 2023-09-14: ${summary.fits.length} series, ${summary.quotes} quotes, RMSE ${summary.rmseVolPoints.toFixed(3)} vol points, inside bid/ask ${(100 * summary.insideBidAsk).toFixed(1)} %, min g ${summary.minG}`);
    expect(summary.fits.length).toBe(chain.slices.filter((s) => s.strikes.length >= 5).length);
    for (const { slice, fit } of summary.fits) expect(fit.diagnostics.arbitrageFree, `${slice.expiry} ${slice.root}`).toBe(true);
  });

  it('reaches the measured fit quality (thresholds a little looser than measured)', () => {
    expect(summary.rmseVolPoints).toBeLessThan(THRESHOLDS.cboe.rmse);
    expect(summary.insideBidAsk).toBeGreaterThan(THRESHOLDS.cboe.inside);
    // Beyond the first week, measured separately (59.3 %, the same as over all series).
    const later = summary.fits.filter(({ slice }) => slice.time > 7 / 365);
    const inside = later.reduce((n, { fit }) => n + fit.insideBidAsk * fit.count, 0) / later.reduce((n, { fit }) => n + fit.count, 0);
    console.info(`Cboe beyond 7 days: inside bid/ask ${(100 * inside).toFixed(1)} %`);
    expect(inside).toBeGreaterThan(THRESHOLDS.cboe.insideAfterWeek);
  });
});

/** Measured on this code (see docs/models/smiles-and-surfaces.md), then loosened by a margin. */
const THRESHOLDS = {
  gatheral: { rmse: 1.45, inside: 0.22 }, // measured 1.357 vol points, 23.3 %
  cboe: { rmse: 1.15, inside: 0.57, insideAfterWeek: 0.57 }, // measured 1.057, 59.3 %, 59.3 %
};
