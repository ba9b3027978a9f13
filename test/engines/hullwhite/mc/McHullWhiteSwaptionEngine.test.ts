import { beforeEach, describe, expect, it } from 'vitest';
import { McHullWhiteSwaptionEngine } from '../../../../engines/hullwhite/mc/McHullWhiteSwaptionEngine.js';
import { SwapType } from '../../../../instruments/SwapType.js';
import { hullWhiteMarket, swaptionCases, type HullWhiteMarket } from '../_lib/hullWhiteMarket.js';
import { bermudanCases, bermudanSwaption, europeanSwaption } from '../_lib/numericsCases.js';

let m: HullWhiteMarket;
beforeEach(() => {
  m = hullWhiteMarket();
});

describe('McHullWhiteSwaptionEngine (exact-discretisation Monte Carlo)', () => {
  it('European swaptions: QuantLib 1.29 Jamshidian values within 3.5 standard errors (20,000 antithetic paths, fixed seed)', () => {
    const engine = new McHullWhiteSwaptionEngine(m.model, { samples: 20_000, seed: 11 });
    for (const c of swaptionCases) {
      for (const [type, key] of [[SwapType.Payer, 'payer'], [SwapType.Receiver, 'receiver']] as const) {
        const s = europeanSwaption(m, c, type);
        s.setPricingEngine(engine);
        const closed = c.outputs[`${key}_jamshidian`] as number;
        const se = s.errorEstimate();
        expect(se).toBeGreaterThan(0);
        // and the bound means something: the standard error stays below 5 % of the price
        expect(se).toBeLessThan(0.05 * closed);
        expect(Math.abs(s.NPV() - closed), `${c.id} ${key}: MC ${s.NPV()} ± ${se}, Jamshidian ${closed}`).toBeLessThan(3.5 * se);
      }
    }
  });

  it('refuses Bermudan exercises and odd antithetic sample counts', () => {
    const c = bermudanCases[0];
    if (c === undefined) throw new Error('missing case');
    const s = bermudanSwaption(m, c, SwapType.Payer);
    s.setPricingEngine(new McHullWhiteSwaptionEngine(m.model, { samples: 100 }));
    expect(() => s.NPV()).toThrow(/exerciseType/);
    expect(() => new McHullWhiteSwaptionEngine(m.model, { samples: 101 })).toThrow(/samples/);
  });
});
