// @test fitSviSurface on real SPX data (subsets of expiries; the full 48-expiry and 58-series fits are in `npm run bench -- volsurface`)
import { describe, expect, it } from 'vitest';
import { fitSviSurface } from '../../../../termstructures/volatility/svi/fitSviSurface.js';
import { cboeSlices, gatheralSlices, quality } from '../../../../bench/_lib/spxData.js';

/** Measured on these subsets, then loosened. */
const THRESHOLDS = {
  gatheral: { rmse: 1.1, band: 0.9, inside: 0.29 }, // measured 1.001, 0.798, 31.9 % (3 expiries, 270 quotes)
  cboe: { rmse: 1.6, band: 1.1, inside: 0.4 }, // measured 1.429, 0.974, 43.8 % (3 series, 274 quotes)
};

describe('SVI surface with calendar floors on SPX', () => {
  it('Gatheral 2023-02-15, every 16th expiry: clean diagnostics, fit quality as measured', () => {
    const slices = gatheralSlices().filter((_s, i) => i % 16 === 3);
    const fit = fitSviSurface(slices, { throwOnArbitrage: true });
    const q = quality(slices, fit.slices.map((s) => s.fittedVols));
    console.info('Gatheral SVI surface subset', slices.length, q);
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    expect(fit.sliceDiagnostics.every((d) => d.arbitrageFree)).toBe(true);
    expect(q.rmse).toBeLessThan(THRESHOLDS.gatheral.rmse);
    expect(q.band).toBeLessThan(THRESHOLDS.gatheral.band);
    expect(q.inside).toBeGreaterThan(THRESHOLDS.gatheral.inside);
  }, 120_000);

  it('Cboe 2023-09-14 from raw prices (parity forwards), every 20th series: clean diagnostics, fit quality as measured', () => {
    const slices = cboeSlices().filter((_s, i) => i % 20 === 5);
    const fit = fitSviSurface(slices, { throwOnArbitrage: true });
    const q = quality(slices, fit.slices.map((s) => s.fittedVols));
    console.info('Cboe SVI surface subset', slices.length, q);
    expect(fit.diagnostics.arbitrageFree).toBe(true);
    expect(q.rmse).toBeLessThan(THRESHOLDS.cboe.rmse);
    expect(q.band).toBeLessThan(THRESHOLDS.cboe.band);
    expect(q.inside).toBeGreaterThan(THRESHOLDS.cboe.inside);
  }, 120_000);
});
