import { beforeEach, describe, expect, it } from 'vitest';
import { DiscountingBondEngine } from '../../../../engines/discounting/DiscountingBondEngine.js';
import { FdHullWhiteCallableFixedRateBondEngine } from '../../../../engines/hullwhite/fd/FdHullWhiteCallableFixedRateBondEngine.js';
import { callableBond, callableBondCases, callableBondMarket, straightBond, type CallableBondMarket } from '../_lib/callableBondCases.js';

let m: CallableBondMarket;
beforeEach(() => {
  m = callableBondMarket();
});

describe('FdHullWhiteCallableFixedRateBondEngine (Crank–Nicolson in x)', () => {
  it('agrees with QuantLib 1.29 TreeCallableFixedRateBondEngine(2000) within the tree oscillation (1e-3 per 100 face)', () => {
    // QuantLib's tree values move by up to 6e-3 between 200 and 2000 steps (≈1e-3 between 1000 and
    // 2000); this FD moves < 3e-5 from 400 × 400 to 800 × 800 (measured here: 5.6e-4, 5.0e-4, 3.2e-4).
    for (const c of callableBondCases) {
      const b = callableBond(c);
      b.setPricingEngine(new FdHullWhiteCallableFixedRateBondEngine(m.model, { tGrid: 400, xGrid: 400 }));
      const tree = c.outputs['tree2000_npv'] as number;
      expect(Math.abs(b.NPV() - tree), `${c.id}: FD ${b.NPV()} QuantLib tree ${tree}`).toBeLessThan(1e-3);
    }
  });

  it('converges: 400 × 400 and 800 × 800 agree within 5e-5 per 100 face', () => {
    const c = callableBondCases[0];
    if (c === undefined) throw new Error('missing case');
    const b = callableBond(c);
    b.setPricingEngine(new FdHullWhiteCallableFixedRateBondEngine(m.model, { tGrid: 400, xGrid: 400 }));
    const v400 = b.NPV();
    b.setPricingEngine(new FdHullWhiteCallableFixedRateBondEngine(m.model, { tGrid: 800, xGrid: 800 }));
    expect(Math.abs(b.NPV() - v400)).toBeLessThan(5e-5);
  });

  it('the straight bond on the same grid is the discounted bond to the FD error (< 2e-4 per 100 face at 100 × 100)', () => {
    const c = callableBondCases[1];
    if (c === undefined) throw new Error('missing case');
    const b = callableBond(c);
    b.setPricingEngine(new FdHullWhiteCallableFixedRateBondEngine(m.model));
    const s = straightBond(c);
    s.setPricingEngine(new DiscountingBondEngine(m.curve));
    expect(Math.abs(b.result('straightValue') - s.NPV())).toBeLessThan(2e-4);
    expect(b.NPV()).toBeLessThan(s.NPV());
  });

  it('refuses bad grids, naming the option', () => {
    expect(() => new FdHullWhiteCallableFixedRateBondEngine(m.model, { xGrid: 2 })).toThrow(/xGrid/);
    expect(() => new FdHullWhiteCallableFixedRateBondEngine({} as never)).toThrow(/model/);
  });
});
