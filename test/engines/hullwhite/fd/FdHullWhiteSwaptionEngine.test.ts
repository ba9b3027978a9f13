import { beforeEach, describe, expect, it } from 'vitest';
import { FdHullWhiteSwaptionEngine } from '../../../../engines/hullwhite/fd/FdHullWhiteSwaptionEngine.js';
import { SwapType } from '../../../../instruments/SwapType.js';
import { InvalidInputError } from '../../../../src/errors.js';
import { hullWhiteMarket, swaptionCases, type HullWhiteMarket } from '../_lib/hullWhiteMarket.js';
import { bermudanCases, bermudanSwaption, europeanSwaption } from '../_lib/numericsCases.js';

let m: HullWhiteMarket;
beforeEach(() => {
  m = hullWhiteMarket();
});

const sides = [[SwapType.Payer, 'payer'], [SwapType.Receiver, 'receiver']] as const;

describe('FdHullWhiteSwaptionEngine (Crank–Nicolson in x = r − φ)', () => {
  it('European swaptions: Jamshidian within 1e-5 at the default 100 × 100 grid and 1.2e-6 at 400 × 400', () => {
    // Measured worst errors over the 12 cases: 8.5e-6 (100²), 2.3e-6 (200²), 8.7e-7 (400²), 2.5e-7 (800²): second order.
    const coarse = new FdHullWhiteSwaptionEngine(m.model);
    const fine = new FdHullWhiteSwaptionEngine(m.model, { tGrid: 400, xGrid: 400 });
    for (const c of swaptionCases) {
      for (const [type, key] of sides) {
        const s = europeanSwaption(m, c, type);
        const closed = c.outputs[`${key}_jamshidian`] as number;
        s.setPricingEngine(coarse);
        expect(Math.abs(s.NPV() - closed), `${c.id} ${key} 100×100: got ${s.NPV()} Jamshidian ${closed}`).toBeLessThan(1e-5);
        s.setPricingEngine(fine);
        expect(Math.abs(s.NPV() - closed), `${c.id} ${key} 400×400: got ${s.NPV()} Jamshidian ${closed}`).toBeLessThan(1.2e-6);
      }
    }
  });

  it("Bermudan swaptions: QuantLib 1.29's converged FD value within 7e-6 at 100 × 100 and 8e-7 at 400 × 400", () => {
    // Measured worst differences over the 6 cases: 5.2e-6 (100²), 2.7e-6 (200²), 4.9e-7 (400²), 9.3e-8 (800²).
    const coarse = new FdHullWhiteSwaptionEngine(m.model);
    const fine = new FdHullWhiteSwaptionEngine(m.model, { tGrid: 400, xGrid: 400 });
    for (const c of bermudanCases) {
      for (const [type, key] of sides) {
        const s = bermudanSwaption(m, c, type);
        const expected = c.outputs[`${key}_fd`] as number;
        s.setPricingEngine(coarse);
        expect(Math.abs(s.NPV() - expected), `${c.id} ${key} 100×100: got ${s.NPV()} expected ${expected}`).toBeLessThan(7e-6);
        s.setPricingEngine(fine);
        expect(Math.abs(s.NPV() - expected), `${c.id} ${key} 400×400: got ${s.NPV()} expected ${expected}`).toBeLessThan(8e-7);
      }
    }
  });

  it('reprices the underlying swap (swapValue) to the FD error, and a curve tick reprices the option', () => {
    const c = swaptionCases[3];
    if (c === undefined) throw new Error('missing case');
    const s = europeanSwaption(m, c, SwapType.Payer);
    s.setPricingEngine(new FdHullWhiteSwaptionEngine(m.model, { tGrid: 200, xGrid: 200 }));
    expect(Math.abs(s.result('swapValue') - (c.outputs['payer_underlying_swap_npv'] as number))).toBeLessThan(2e-6);
    const before = s.NPV();
    m.rate.setValue(0.029);
    expect(s.NPV()).toBeLessThan(before);
  });

  it('refuses bad grids, naming the option', () => {
    expect(() => new FdHullWhiteSwaptionEngine(m.model, { xGrid: 3 })).toThrow(/xGrid/);
    expect(() => new FdHullWhiteSwaptionEngine(m.model, { tGrid: 0 })).toThrow(/tGrid/);
    expect(() => new FdHullWhiteSwaptionEngine(m.model, { stdDevs: -1 })).toThrow(InvalidInputError);
    expect(() => new FdHullWhiteSwaptionEngine(m.model, { density: 0 })).toThrow(/density/);
    expect(() => new FdHullWhiteSwaptionEngine(m.model, { dampingSteps: -1 })).toThrow(/dampingSteps/);
  });
});
