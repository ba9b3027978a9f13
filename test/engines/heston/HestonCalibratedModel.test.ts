// @test HestonCalibratedModel: lazy recalibration on vol-quote ticks, once per tick and per transaction, warm-started
import { describe, expect, it, vi } from 'vitest';
import { calibrateHeston, type HestonCalibrationOptions } from '../../../engines/heston/calibrateHeston.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';
import { HestonCalibratedModel } from '../../../engines/heston/HestonCalibratedModel.js';
import { CalibrationError } from '../../../src/errors.js';
import { impliedBlackVolatilityBatch } from '../../../src/kernels/impliedVol.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { transaction } from '../../../src/patterns/transaction.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';

const STRIKES = Float64Array.of(80, 90, 100, 110, 120);
const TIMES = [0.25, 0.5, 1, 2];
const TRUTH = { v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.5, rho: -0.7 };

function volGrid(): Float64Array[] {
  const { calls } = cosHestonBatch({ spot: 100, strikes: STRIKES, expiries: TIMES, riskFreeRates: 0, dividendYields: 0, params: TRUTH }, { truncation: 40 });
  return TIMES.map((t, j) => impliedBlackVolatilityBatch({ prices: calls.slice(j * 5, j * 5 + 5), forwards: 100, strikes: STRIKES, expiries: t, optionTypes: 1 }));
}

describe('HestonCalibratedModel (a lazy calibration on quotes)', () => {
  const setup = (options: HestonCalibrationOptions = {}) => {
    const vols = volGrid();
    const quotes = vols.map((row) => Array.from(row, (v) => new SimpleQuote(v)));
    const model = new HestonCalibratedModel(TIMES.map((t, j) => ({ time: t, forward: 100, strikes: STRIKES, vols: quotes[j]!.map((q) => new Handle<Quote>(q)) })), options);
    return { vols, quotes, model };
  };

  it('calibrates on the first read, once per tick and once per transaction, never without a read, warm-started', () => {
    const spy = vi.spyOn(HestonCalibratedModel.prototype as unknown as { performCalculations: () => void }, 'performCalculations');
    try {
      const { vols, quotes, model } = setup();
      let notifications = 0;
      const sub = model.changes$.subscribe(() => notifications++);
      expect(spy).toHaveBeenCalledTimes(0);
      const first = model.calibration();
      model.parameters();
      expect(spy).toHaveBeenCalledTimes(1);
      expect(first.parameters).toEqual(calibrateHeston(TIMES.map((t, j) => ({ time: t, forward: 100, strikes: STRIKES, vols: vols[j]! }))).parameters);
      expect(Math.abs(first.parameters.rho - TRUTH.rho)).toBeLessThan(1e-5);
      quotes[1]![2]!.setValue(vols[1]![2]! + 0.002);
      expect(notifications).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      const second = model.calibration();
      model.parameters();
      expect(spy).toHaveBeenCalledTimes(2);
      // Warm start: fewer iterations than the cold first calibration.
      expect(second.iterations).toBeLessThan(first.iterations);
      transaction(() => {
        quotes[0]![0]!.setValue(vols[0]![0]! + 0.001);
        quotes[2]![4]!.setValue(vols[2]![4]! - 0.001);
        quotes[3]![1]!.setValue(vols[3]![1]! + 0.001);
      });
      expect(notifications).toBe(2);
      model.parameters();
      model.parameters();
      expect(spy).toHaveBeenCalledTimes(3);
      sub.unsubscribe();
    } finally {
      spy.mockRestore();
    }
  });

  it('caches a failed calibration until the next tick, then recovers', () => {
    const { vols, quotes, model } = setup({ maxVolRmse: 0.01 });
    model.parameters();
    transaction(() => {
      for (const row of quotes) row.forEach((q, i) => q.setValue(i % 2 === 0 ? 0.2 : 0.6));
    });
    expect(() => model.parameters()).toThrow(CalibrationError);
    expect(() => model.parameters()).toThrow(CalibrationError);
    transaction(() => {
      quotes.forEach((row, j) => row.forEach((q, i) => q.setValue(vols[j]![i]!)));
    });
    expect(Math.abs(model.parameters().v0 - TRUTH.v0)).toBeLessThan(1e-5);
  });
});
