import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BachelierSwaptionEngine } from '../../../engines/swaption/BachelierSwaptionEngine.js';
import { JamshidianSwaptionEngine } from '../../../engines/hullwhite/JamshidianSwaptionEngine.js';
import { selectSwaptionMatrix } from '../../../engines/swaption/selectSwaptionMatrix.js';
import { calibrateHullWhite } from '../../../engines/hullwhite/calibrateHullWhite.js';
import { HullWhite } from '../../../src/models/HullWhite.js';
import { InvalidInputError } from '../../../src/errors.js';
import { calibrateSofrHullWhite, sofrSwaptionMarket } from '../../../examples/hullwhite/sofrSwaptionCalibration.js';

describe('Hull–White on the 2025-01-31 SOFR swaption matrix (real data)', () => {
  const market = sofrSwaptionMarket();

  it('reads the 5 × 5 matrix as the data set README states (1y1y 105.0 bp, 5y5y 98.8 bp)', () => {
    expect(market.vols.expiries).toEqual([1, 2, 3, 4, 5]);
    expect(market.vols.tenors).toEqual([1, 2, 3, 4, 5]);
    expect(market.vols.vols[0]![0]).toBeCloseTo(0.0105, 12);
    expect(market.vols.vols[4]![4]).toBeCloseTo(0.00988, 12);
    expect(market.quotes).toHaveLength(25);
  });

  it('calibrates (a, σ) with an RMSE near 1 bp of normal vol; the model reprices to its own vols', () => {
    const { model, result } = calibrateSofrHullWhite(market);
    // Loose guards: the figures in docs/models/hull-white.md are a ≈ 0.0217, σ ≈ 0.01074, RMSE ≈ 1.0 bp.
    expect(result.a).toBeGreaterThan(0.005);
    expect(result.a).toBeLessThan(0.06);
    expect(result.sigma).toBeGreaterThan(0.009);
    expect(result.sigma).toBeLessThan(0.0125);
    expect(result.volRmse * 1e4).toBeLessThan(2);
    // Check one calibrated price through the public engines: Jamshidian price → Bachelier vol.
    const q = market.quotes[12]!;
    q.swaption.setPricingEngine(new JamshidianSwaptionEngine(model));
    const hw = q.swaption.NPV();
    q.swaption.setPricingEngine(new BachelierSwaptionEngine(market.curve, result.modelVols[12]!));
    expect(Math.abs(q.swaption.NPV() / hw - 1)).toBeLessThan(1e-9);
  });

  it('matches native QuantLib 1.29 on its own bootstrap of the same quotes: dates, ATM strikes, prices, (a, σ)', () => {
    const ql = JSON.parse(readFileSync(new URL('../../reference/quantlib-1.29-hull-white-sofr.json', import.meta.url), 'utf8')) as {
      a: number; sigma: number; swaptions: { exercise_date: string; fixed_rate: number; market_value: number; model_normal_vol: number }[];
    };
    const r = calibrateHullWhite(new HullWhite(market.curve, 0.05, 0.01), market.quotes);
    market.quotes.forEach((q, i) => {
      const c = ql.swaptions[i]!;
      const args = q.swaption.arguments();
      expect(args.exerciseDates[0]!.toISOString()).toBe(c.exercise_date);
      // The two bootstraps agree to ~1e-12 in discount factors (test/examples/desk/sofrCurve.test.ts).
      expect(Math.abs(args.fixedRate - c.fixed_rate)).toBeLessThan(1e-10);
      expect(Math.abs(r.marketPrices[i]! / c.market_value - 1)).toBeLessThan(1e-8);
      expect(Math.abs(r.modelVols[i]! - c.model_normal_vol) * 1e4).toBeLessThan(0.01);
    });
    // Same objective (relative price errors); the optimisers stop within the valley's flatness.
    expect(Math.abs(r.a - ql.a), `a = ${r.a} vs ${ql.a}`).toBeLessThan(2e-5);
    expect(Math.abs(r.sigma - ql.sigma), `σ = ${r.sigma} vs ${ql.sigma}`).toBeLessThan(2e-7);
  });

  it('co-terminal and diagonal selections calibrate too (RMSE < 2 bp)', () => {
    const co = sofrSwaptionMarket('coterminal', 6);
    expect(co.quotes.map((q) => q.swaption.arguments().fixedCoupons.length)).toEqual([5, 4, 3, 2, 1]);
    const r = calibrateHullWhite(new HullWhite(co.curve, 0.05, 0.01), co.quotes, { errorType: 'impliedVol' });
    expect(r.volRmse * 1e4).toBeLessThan(2);
    expect(selectSwaptionMatrix([1, 2, 3], [1, 2, 3], 'diagonal')).toEqual([{ row: 0, column: 0 }, { row: 1, column: 1 }, { row: 2, column: 2 }]);
    expect(() => selectSwaptionMatrix([1], [1], 'coterminal')).toThrow(InvalidInputError);
    expect(() => selectSwaptionMatrix([1], [2], 'diagonal')).toThrow(InvalidInputError);
  });
});
