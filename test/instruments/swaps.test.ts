import fc from 'fast-check';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscountingSwapEngine } from '../../engines/discounting/DiscountingSwapEngine.js';
import { OvernightIndexedSwap } from '../../instruments/OvernightIndexedSwap.js';
import { SwapType } from '../../instruments/SwapType.js';
import { VanillaSwap } from '../../instruments/VanillaSwap.js';
import { FixingsStore } from '../../src/indexes/FixingsStore.js';
import { Sofr } from '../../src/indexes/Sofr.js';
import { RelinkableHandle } from '../../src/patterns/RelinkableHandle.js';
import { Handle } from '../../src/patterns/Handle.js';
import { SimpleQuote } from '../../src/quotes/SimpleQuote.js';
import { Settings } from '../../src/settings.js';
import { Actual360 } from '../../src/time/Actual360.js';
import { Period } from '../../src/time/Period.js';
import { Thirty360, Thirty360Convention } from '../../src/time/Thirty360.js';
import { transaction } from '../../src/patterns/transaction.js';
import { FlatForward } from '../../termstructures/yield/FlatForward.js';
import { PiecewiseYieldCurve } from '../../termstructures/yield/PiecewiseYieldCurve.js';
import { OISRateHelper } from '../../termstructures/yield/ratehelpers/OISRateHelper.js';
import type { YieldTermStructure } from '../../termstructures/yield/YieldTermStructure.js';
import { euribor6m, flat, ql, scaledErr, schedule, setToday, today } from './_lib/rates.js';

beforeEach(setToday);
afterAll(() => Settings.instance.evaluationDate.reset());

function vanilla(type: SwapType, fixedRate: number, spread: number, forecast: Handle<YieldTermStructure>, discount: Handle<YieldTermStructure>): VanillaSwap {
  const swap = new VanillaSwap(
    type, 1e6, schedule('2025-01-06', '2030-01-06', '1Y'), fixedRate, new Thirty360(Thirty360Convention.BondBasis),
    schedule('2025-01-06', '2030-01-06', '6M'), euribor6m(forecast), spread, new Actual360(),
  );
  swap.setPricingEngine(new DiscountingSwapEngine(discount));
  return swap;
}

describe('VanillaSwap on DiscountingSwapEngine', () => {
  it('matches QuantLib 1.29 (two flat curves: forecast 3.2 %, discount 3 %): NPV, fair rate and spread, leg NPVs and BPS', () => {
    const r = ql.vanillaSwap;
    const swap = vanilla(SwapType.Payer, r.fixedRate, r.spread, flat(0.032), flat(0.03));
    // Same dates, same formulas; differences are rounding: 1e-12 relative to max(1, |value|).
    const pairs: [string, number, number][] = [
      ['NPV', swap.NPV(), r.NPV], ['fairRate', swap.fairRate(), r.fairRate], ['fairSpread', swap.fairSpread(), r.fairSpread],
      ['legNPV0', swap.legNPV(0), r.legNPV[0]], ['legNPV1', swap.legNPV(1), r.legNPV[1]],
      ['legBPS0', swap.legBPS(0), r.legBPS[0]], ['legBPS1', swap.legBPS(1), r.legBPS[1]],
    ];
    for (const [name, got, want] of pairs) expect(scaledErr(got, want), `${name}: got ${got}, QuantLib ${want}`).toBeLessThan(1e-10);
  });

  it('has NPV 0 at its fair rate and at its fair spread; fairRate = K − NPV/(BPS₀/1e-4); receiver = −payer', () => {
    const forecast = flat(0.032), discount = flat(0.03);
    const swap = vanilla(SwapType.Payer, 0.03, 0.001, forecast, discount);
    const atFair = vanilla(SwapType.Payer, swap.fairRate(), 0.001, forecast, discount);
    expect(Math.abs(atFair.NPV())).toBeLessThan(1e-8); // 1e6 nominal: 1e-14 relative
    const atSpread = vanilla(SwapType.Payer, 0.03, swap.fairSpread(), forecast, discount);
    expect(Math.abs(atSpread.NPV())).toBeLessThan(1e-8);
    expect(swap.fairRate()).toBeCloseTo(0.03 - swap.NPV() / (swap.legBPS(0) / 1e-4), 15);
    // NPV(K) is linear in K with slope legBPS(0)/1e-4.
    const bumped = vanilla(SwapType.Payer, 0.0301, 0.001, forecast, discount);
    expect(bumped.NPV() - swap.NPV()).toBeCloseTo(swap.legBPS(0), 8);
    const receiver = vanilla(SwapType.Receiver, 0.03, 0.001, forecast, discount);
    expect(receiver.NPV()).toBeCloseTo(-swap.NPV(), 8);
    expect(swap.fixedLegNPV() + swap.floatingLegNPV()).toBeCloseTo(swap.NPV(), 8);
  });

  it('property: a parallel bump of the curve raises payer NPVs and lowers receiver NPVs', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.0, max: 0.08, noNaN: true }), fc.double({ min: 0.0, max: 0.08, noNaN: true }), fc.double({ min: 1e-4, max: 0.01, noNaN: true }), (level, fixed, bump) => {
        const rate = new SimpleQuote(level);
        const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle(rate), { referenceDate: today }));
        const payer = vanilla(SwapType.Payer, fixed, 0, curve, curve);
        const receiver = vanilla(SwapType.Receiver, fixed, 0, curve, curve);
        const [p0, r0] = [payer.NPV(), receiver.NPV()];
        rate.setValue(level + bump);
        return payer.NPV() > p0 && receiver.NPV() < r0;
      }),
      { numRuns: 40, seed: 4 },
    );
  });

  it('property: a parallel bump of every quote of a bootstrapped OIS curve moves every payer NPV up and every receiver NPV down', () => {
    const tenors = ['6M', '1Y', '2Y', '3Y', '5Y', '7Y', '10Y'];
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0.005, max: 0.07, noNaN: true }), { minLength: tenors.length, maxLength: tenors.length }),
        fc.double({ min: 0.01, max: 0.06, noNaN: true }),
        fc.double({ min: 1e-4, max: 0.005, noNaN: true }),
        (levels, fixed, bump) => {
          const quotes = levels.map((l) => new SimpleQuote(l));
          const helpers = tenors.map((t, i) => new OISRateHelper(new Handle(quotes[i] as SimpleQuote), Period.parse(t), { startDate: today, dayCounter: new Actual360() }));
          const curve = new Handle<YieldTermStructure>(new PiecewiseYieldCurve(helpers, { referenceDate: today }));
          const payer = vanilla(SwapType.Payer, fixed, 0, curve, curve);
          const receiver = vanilla(SwapType.Receiver, fixed, 0, curve, curve);
          const [p0, r0] = [payer.NPV(), receiver.NPV()];
          transaction(() => { for (const q of quotes) q.setValue(q.value() + bump); });
          return payer.NPV() > p0 && receiver.NPV() < r0;
        },
      ),
      { numRuns: 30, seed: 7 },
    );
  });

  it('reprices once per curve tick through a relinkable discount handle', () => {
    const discount = new RelinkableHandle<YieldTermStructure>(new FlatForward(0.03, { referenceDate: today }));
    const swap = vanilla(SwapType.Payer, 0.03, 0, flat(0.032), discount);
    const seen: number[] = [];
    const sub = swap.results$.subscribe((r) => { if (r.ok) seen.push(r.npv); });
    discount.linkTo(new FlatForward(0.035, { referenceDate: today }));
    sub.unsubscribe();
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBeCloseTo(vanilla(SwapType.Payer, 0.03, 0, flat(0.032), flat(0.035)).NPV(), 9);
  });

  it('emits once per quote tick in the diamond curve → discounting engine and curve → index → coupons', () => {
    const rate = new SimpleQuote(0.03);
    const curve = new Handle<YieldTermStructure>(new FlatForward(new Handle(rate), { referenceDate: today }));
    const swap = vanilla(SwapType.Payer, 0.03, 0, curve, curve);
    const seen: number[] = [];
    const sub = swap.results$.subscribe((r) => { if (r.ok) seen.push(r.npv); });
    rate.setValue(0.031);
    transaction(() => { rate.setValue(0.032); rate.setValue(0.033); });
    sub.unsubscribe();
    expect(seen).toHaveLength(3); // initial, one tick, one transaction
    const floating = swap.floatingLeg()[0]!;
    expect(floating.observerCount).toBe(1); // the swap
    swap.dispose();
    expect(floating.observerCount).toBe(0);
    expect(seen[2]).toBeCloseTo(vanilla(SwapType.Payer, 0.03, 0, flat(0.033), flat(0.033)).NPV(), 9);
  });

  it('refuses bad terms, naming them', () => {
    const f = flat(0.03);
    expect(() => vanilla(0 as SwapType, 0.03, 0, f, f)).toThrow(/type = 0/);
    expect(() => vanilla(SwapType.Payer, Number.NaN, 0, f, f)).toThrow(/fixedRate = NaN/);
    expect(() => new DiscountingSwapEngine({} as Handle<YieldTermStructure>)).toThrow(/discountCurve/);
    expect(() => vanilla(SwapType.Payer, 0.03, 0, f, f).legNPV(2)).toThrow(/j = 2/);
  });
});

describe('OvernightIndexedSwap on DiscountingSwapEngine', () => {
  const make = (fixedRate: number, curve: Handle<YieldTermStructure>): OvernightIndexedSwap => {
    const sofr = new Sofr(curve, new FixingsStore());
    const swap = new OvernightIndexedSwap(SwapType.Payer, 1e6, schedule('2025-01-06', '2027-01-06', '1Y', sofr.fixingCalendar()), fixedRate, new Actual360(), sofr, { paymentLag: 2 });
    swap.setPricingEngine(new DiscountingSwapEngine(curve));
    return swap;
  };

  it('matches QuantLib 1.29 (SOFR, flat 4 %, 2Y annual, 2-day payment lag)', () => {
    const r = ql.ois;
    const swap = make(r.fixedRate, flat(0.04));
    const pairs: [string, number, number][] = [
      ['NPV', swap.NPV(), r.NPV], ['fairRate', swap.fairRate(), r.fairRate], ['fairSpread', swap.fairSpread(), r.fairSpread],
      ['legNPV0', swap.legNPV(0), r.legNPV[0]], ['legNPV1', swap.legNPV(1), r.legNPV[1]], ['legBPS0', swap.legBPS(0), r.legBPS[0]],
    ];
    // Daily compounding over ~500 fixings: products agree to ~1e-13 relative; 1e-9 scaled bound.
    for (const [name, got, want] of pairs) expect(scaledErr(got, want), `${name}: got ${got}, QuantLib ${want}`).toBeLessThan(1e-9);
  });

  it('fair rate = the OISRateHelper implied quote on the same curve, and NPV 0 there', () => {
    const curve = flat(0.04);
    const swap = make(0.04, curve);
    const helper = new OISRateHelper(0.04, Period.parse('2Y'), {
      startDate: swap.terms.schedule.startDate(), calendar: swap.terms.overnightIndex.fixingCalendar(), dayCounter: new Actual360(), paymentLag: 2,
    });
    expect(swap.fairRate()).toBeCloseTo(helper.impliedQuote(curve.currentLink()), 13);
    expect(Math.abs(make(swap.fairRate(), curve).NPV())).toBeLessThan(1e-8);
  });
});
