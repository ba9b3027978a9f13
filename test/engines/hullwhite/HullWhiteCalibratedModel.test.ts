import { describe, expect, it } from 'vitest';
import { bachelierBlackFormulaImpliedVol } from '../../../engines/blackscholes/formulas/bachelierBlackFormulaImpliedVol.js';
import { calibrateHullWhite } from '../../../engines/hullwhite/calibrateHullWhite.js';
import { HullWhiteCalibratedModel } from '../../../engines/hullwhite/HullWhiteCalibratedModel.js';
import { JamshidianSwaptionEngine } from '../../../engines/hullwhite/JamshidianSwaptionEngine.js';
import { BachelierSwaptionEngine } from '../../../engines/swaption/BachelierSwaptionEngine.js';
import { OptionType } from '../../../instruments/OptionType.js';
import { SwapType } from '../../../instruments/SwapType.js';
import { HullWhite } from '../../../src/models/HullWhite.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { transaction } from '../../../src/patterns/transaction.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { hullWhiteMarket, referenceSwaption } from './_lib/hullWhiteMarket.js';

function liveMarket() {
  const m = hullWhiteMarket(0.03, 0.04, 0.009);
  const swaptions = [[1, 5], [2, 4], [3, 3], [5, 5]].map(([e, n]) => referenceSwaption(m, SwapType.Payer, `${2025 + e!}-01-02`, n!, 0.03));
  const vols = swaptions.map((s) => {
    s.setPricingEngine(new JamshidianSwaptionEngine(m.model));
    const price = s.NPV();
    s.setPricingEngine(new BachelierSwaptionEngine(m.curve, 0.01));
    const r = s.pricingResults().additionalResults as Record<string, number>;
    return new SimpleQuote(bachelierBlackFormulaImpliedVol(OptionType.Call, 0.03, r['forward']!, r['exerciseTime']!, price / r['annuity']!));
  });
  const quotes = swaptions.map((swaption, i) => ({ swaption, volatility: new Handle<Quote>(vols[i]!), volatilityType: 'normal' as const }));
  const calibrated = new HullWhiteCalibratedModel(m.curve, quotes, { errorType: 'impliedVol' });
  const target = referenceSwaption(m, SwapType.Receiver, '2027-01-04', 7, 0.031);
  target.setPricingEngine(new JamshidianSwaptionEngine(calibrated));
  return { m, vols, quotes, calibrated, target };
}

describe('HullWhiteCalibratedModel', () => {
  it('calibrates lazily on the first read and recovers the generating (a, σ)', () => {
    const { calibrated, target } = liveMarket();
    expect(calibrated.calibrations).toBe(0);
    target.NPV();
    expect(calibrated.calibrations).toBe(1);
    expect(Math.abs(calibrated.a - 0.04)).toBeLessThan(1e-7);
    expect(Math.abs(calibrated.sigma - 0.009)).toBeLessThan(1e-9);
    target.NPV();
    expect(calibrated.calibrations).toBe(1);
  });

  it('a vol tick notifies once and recalibrates on the next read only; a transaction of ticks costs one calibration', () => {
    const { vols, quotes, calibrated, target, m } = liveMarket();
    let emissions = 0;
    const sub = target.results$.subscribe(() => emissions++);
    expect(emissions).toBe(1);
    expect(calibrated.calibrations).toBe(1);
    transaction(() => {
      vols[0]!.setValue(vols[0]!.value() * 1.02);
      vols[1]!.setValue(vols[1]!.value() * 1.02);
    });
    expect(emissions).toBe(2);
    expect(calibrated.calibrations).toBe(2);
    sub.unsubscribe();
    vols[2]!.setValue(vols[2]!.value() * 1.01);
    expect(calibrated.calibrations).toBe(2);
    // Same parameters as a one-off calibration on the same numbers.
    const once = calibrateHullWhite(new HullWhite(m.curve, 0.05, 0.01), quotes.map((q) => ({ ...q, volatility: q.volatility.currentLink().value() })), { errorType: 'impliedVol' });
    expect(Math.abs(calibrated.a - once.a)).toBeLessThan(1e-7);
    expect(Math.abs(calibrated.sigma - once.sigma)).toBeLessThan(1e-9);
    expect(calibrated.calibrations).toBe(3);
  });

  it('an invalid quote gives an error result until it is valid again', () => {
    const { vols, target } = liveMarket();
    const v = vols[3]!.value();
    target.NPV();
    vols[3]!.setValue(Number.NaN);
    expect(() => target.NPV()).toThrow();
    vols[3]!.setValue(v);
    expect(target.NPV()).toBeGreaterThan(0);
  });
});
