// QuantLib 1.29 values of these engines are in test/engines/hullwhite/calibrateHullWhite.test.ts
// (the testCachedHullWhite swaptions); here: parity, limits, vega, cash settlement.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DiscountingSwapEngine } from '../../../engines/discounting/DiscountingSwapEngine.js';
import { BachelierSwaptionEngine } from '../../../engines/swaption/BachelierSwaptionEngine.js';
import { BlackSwaptionEngine } from '../../../engines/swaption/BlackSwaptionEngine.js';
import { EuropeanExercise } from '../../../instruments/exercises/EuropeanExercise.js';
import { SettlementType } from '../../../instruments/SettlementType.js';
import { Swaption } from '../../../instruments/Swaption.js';
import { SwapType } from '../../../instruments/SwapType.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Handle } from '../../../src/patterns/Handle.js';
import type { Quote } from '../../../src/quotes/Quote.js';
import { SimpleQuote } from '../../../src/quotes/SimpleQuote.js';
import { Date } from '../../../src/time/Date.js';
import { hullWhiteMarket, referenceSwap, referenceSwaption } from '../hullwhite/_lib/hullWhiteMarket.js';

describe('Black / Bachelier swaption engines', () => {
  it('payer − receiver = the forward swap (discounting engine), any vol and strike', () => {
    const m = hullWhiteMarket();
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.06, noNaN: true }), fc.double({ min: 0.05, max: 0.8, noNaN: true }), fc.integer({ min: 1, max: 8 }), (K, vol, n) => {
        const swap = referenceSwap(m, SwapType.Payer, '2026-07-02', n, K);
        swap.setPricingEngine(new DiscountingSwapEngine(m.curve));
        for (const engine of [new BlackSwaptionEngine(m.curve, vol), new BlackSwaptionEngine(m.curve, vol, { displacement: 0.02 }), new BachelierSwaptionEngine(m.curve, vol / 50)]) {
          const p = referenceSwaption(m, SwapType.Payer, '2026-07-02', n, K);
          const r = referenceSwaption(m, SwapType.Receiver, '2026-07-02', n, K);
          p.setPricingEngine(engine);
          r.setPricingEngine(engine);
          expect(Math.abs(p.NPV() - r.NPV() - swap.NPV())).toBeLessThan(1e-14);
        }
      }),
      { numRuns: 20 },
    );
  });

  it('vega = ∂V/∂σ by central differences; a tiny vol gives the intrinsic value A·max(F − K, 0)', () => {
    const m = hullWhiteMarket();
    const vol = new SimpleQuote(0.25);
    const s = referenceSwaption(m, SwapType.Payer, '2027-01-04', 5, 0.031);
    for (const [engine, base, h] of [[new BlackSwaptionEngine(m.curve, new Handle<Quote>(vol)), 0.25, 1e-5], [new BachelierSwaptionEngine(m.curve, new Handle<Quote>(vol)), 0.008, 1e-7]] as const) {
      vol.setValue(base);
      s.setPricingEngine(engine);
      const vega = s.result('vega');
      vol.setValue(base + h);
      const up = s.NPV();
      vol.setValue(base - h);
      const down = s.NPV();
      expect(Math.abs(vega - (up - down) / (2 * h)) / vega).toBeLessThan(1e-7);
      vol.setValue(1e-12);
      const { forward, annuity } = s.pricingResults().additionalResults as Record<string, number>;
      expect(Math.abs(s.NPV() - annuity! * Math.max(forward! - 0.031, 0))).toBeLessThan(1e-15);
    }
  });

  it('cash settlement uses the par-yield annuity Â(F)·P(0, t_s) (equal to the physical one for a single fixed period)', () => {
    const m = hullWhiteMarket();
    const engine = new BachelierSwaptionEngine(m.curve, 0.009);
    const make = (n: number, st: SettlementType) => {
      const s = new Swaption(referenceSwap(m, SwapType.Payer, '2026-01-02', n, 0.03), new EuropeanExercise(Date.fromISO('2026-01-02')), st);
      s.setPricingEngine(engine);
      return s;
    };
    expect(Math.abs(make(1, SettlementType.Cash).NPV() - make(1, SettlementType.Physical).NPV())).toBeLessThan(1e-15);
    const cash = make(5, SettlementType.Cash);
    const F = cash.result('forward');
    let expected = 0;
    let compound = 1;
    for (const c of cash.arguments().fixedCoupons) {
      compound /= 1 + F * c.accrualFraction;
      expected += c.accrualFraction * compound;
    }
    expected *= m.curve.currentLink().discount(Date.fromISO('2026-01-02'));
    expect(Math.abs(cash.result('annuity') - expected)).toBeLessThan(1e-15);
  });

  it('reprices once on a vol tick; rejects bad input', () => {
    const m = hullWhiteMarket();
    const vol = new SimpleQuote(0.2);
    const s = referenceSwaption(m, SwapType.Payer, '2027-01-04', 5, 0.03);
    s.setPricingEngine(new BlackSwaptionEngine(m.curve, new Handle<Quote>(vol)));
    let n = 0;
    const sub = s.results$.subscribe(() => n++);
    vol.setValue(0.21);
    expect(n).toBe(2);
    sub.unsubscribe();
    expect(() => new BlackSwaptionEngine(m.curve, 0)).toThrow(InvalidInputError);
    expect(() => new BlackSwaptionEngine(m.curve, 0.2, { displacement: -0.01 })).toThrow(InvalidInputError);
    expect(() => new BachelierSwaptionEngine({} as never, 0.01)).toThrow(InvalidInputError);
  });
});
