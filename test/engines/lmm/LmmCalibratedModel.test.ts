// @test LmmCalibratedModel: lazy recalibration on vol-quote and curve ticks, once per tick and per transaction
import { describe, expect, it, vi } from 'vitest';
import { calibrateLiborMarketModel } from '../../../engines/lmm/calibrateLiborMarketModel.js';
import { LmmCalibratedModel } from '../../../engines/lmm/LmmCalibratedModel.js';
import { Handle } from '../../../src/patterns/Handle.js';
import { transaction } from '../../../src/patterns/transaction.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { Date } from '../../../src/time/Date.js';
import { FlatForward } from '../../../termstructures/yield/FlatForward.js';
import type { YieldTermStructure } from '../../../termstructures/yield/YieldTermStructure.js';

describe('LmmCalibratedModel (a lazy calibration on quotes and a curve)', () => {
  it('calibrates on the first read, once per tick and per transaction, never without a read, and equals calibrateLiborMarketModel', () => {
    const spy = vi.spyOn(LmmCalibratedModel.prototype as unknown as { performCalculations: () => void }, 'performCalculations');
    try {
      const rate = new SimpleQuote(0.03);
      const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle<Quote>(rate), { referenceDate: Date.fromISO('2025-01-02') }));
      const rateTimes = Array.from({ length: 11 }, (_, i) => 0.5 * (i + 1));
      const capletQuotes = [1, 3, 5, 7, 9].map((i) => ({ index: i, quote: new SimpleQuote(0.2 - 0.005 * i) }));
      const swaptionQuotes = [
        { start: 1, end: 5, fixedEvery: 2, kind: 'black' as const, quote: new SimpleQuote(0.18) },
        { start: 3, end: 9, fixedEvery: 2, kind: 'black' as const, quote: new SimpleQuote(0.17) },
        { start: 1, end: 9, fixedEvery: 2, kind: 'black' as const, quote: new SimpleQuote(0.175) },
      ];
      const model = new LmmCalibratedModel(
        curve,
        rateTimes,
        capletQuotes.map((q) => ({ index: q.index, volatility: new Handle<Quote>(q.quote) })),
        swaptionQuotes.map(({ quote, ...q }) => ({ ...q, volatility: new Handle<Quote>(quote) })),
        { globalSeed: { generations: 10 } },
      );
      let notifications = 0;
      const sub = model.changes$.subscribe(() => notifications++);
      expect(spy).toHaveBeenCalledTimes(0);
      const first = model.calibration();
      model.model();
      expect(spy).toHaveBeenCalledTimes(1);
      const direct = calibrateLiborMarketModel(
        capletQuotes.map((q) => ({ index: q.index, volatility: q.quote.value() })),
        swaptionQuotes.map(({ quote, ...q }) => ({ ...q, volatility: quote.value() })),
        { rateTimes, discounts: rateTimes.map((t) => Math.exp(-0.03 * t)), globalSeed: { generations: 10 } },
      );
      expect(first.abcd).toEqual(direct.abcd);
      for (const r of first.capletResiduals) expect(Math.abs(r)).toBeLessThan(1e-12);
      swaptionQuotes[0]!.quote.setValue(0.182);
      expect(notifications).toBe(1);
      expect(spy).toHaveBeenCalledTimes(1);
      const second = model.calibration();
      expect(spy).toHaveBeenCalledTimes(2);
      expect(second.swaptionRmse).toBeLessThan(1);
      transaction(() => {
        rate.setValue(0.031);
        capletQuotes[2]!.quote.setValue(0.19);
      });
      expect(notifications).toBe(2);
      model.model();
      model.model();
      expect(spy).toHaveBeenCalledTimes(3);
      // The curve tick reached the forwards.
      expect(model.model().forwards[0]).toBeCloseTo((Math.exp(0.031 * 0.5) - 1) / 0.5, 12);
      sub.unsubscribe();
    } finally {
      spy.mockRestore();
    }
  });
});
