// @test mcLmmBermudanSwaption upper bound against QuantLib's Hull–White Bermudan (an independent value)
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LiborMarketModel } from '../../../engines/lmm/LiborMarketModel.js';
import { mcLmmBermudanSwaption } from '../../../engines/lmm/mcLmmBermudanSwaption.js';

interface HwCase {
  readonly type: 'payer' | 'receiver';
  readonly strike: number;
  readonly european: { readonly fd: number; readonly tree: number; readonly jamshidian: number };
  readonly bermudan: { readonly fd: number; readonly tree: number };
}
// Native QuantLib 1.29, scripts/reference/gen_lmm_hw_bermudan.py (FD and tree Hull–White engines).
const ql: { setup: { a: number; sigma: number; rateTimes: number[]; discounts: number[] }; cases: HwCase[] } = JSON.parse(
  readFileSync(new URL('../../reference/quantlib-1.29-lmm-hw-bermudan.json', import.meta.url), 'utf8'),
);

describe('Andersen–Broadie bound on the Hull–White market model vs QuantLib’s Hull–White Bermudan', () => {
  // The displaced one-factor LMM that is Hull–White (docs/models/lmm.md, "Hull–White as a market model").
  const model = LiborMarketModel.hullWhiteEquivalent(ql.setup.rateTimes, ql.setup.discounts, ql.setup.a, ql.setup.sigma);

  for (const c of ql.cases) {
    it(`${c.type} 1Y-into-6Y, exercise yearly to 5Y: the AB 95 % interval holds QuantLib's value; gap under 2 bp of notional`, () => {
      const r = mcLmmBermudanSwaption(model, { type: c.type, strike: c.strike, exerciseIndices: [0, 1, 2, 3, 4], end: 6 }, {
        paths: 8192, seed: 11, factors: 1, rng: 'sobol', calibrationPaths: 8192, upperBound: { outerPaths: 256, innerPaths: 200 },
      });
      const ub = r.upperBound!;
      const truth = c.bermudan.fd;
      const numerics = Math.abs(c.bermudan.fd - c.bermudan.tree); // QuantLib's own discretisation spread
      const msg = `${c.type}: lower ${r.value} ± ${r.errorEstimate}, upper ${ub.value} ± ${ub.errorEstimate}, gap ${ub.gap} ± ${ub.gapError}, QuantLib ${truth}`;
      expect(truth, msg).toBeGreaterThan(ub.interval[0] - numerics);
      expect(truth, msg).toBeLessThan(ub.interval[1] + numerics);
      expect(r.value, msg).toBeLessThan(truth + 3 * r.errorEstimate + numerics); // lower bound below the value
      expect(ub.value, msg).toBeGreaterThan(truth - 3 * ub.errorEstimate - numerics); // upper bound above it
      expect(ub.gap, msg).toBeLessThan(2e-4);
      expect(ub.gap, msg).toBeGreaterThan(-2 * ub.gapError);
      // The European of the same paths is Jamshidian's (tolerance: 3 Bermudan se + 0.5 % for the drift discretisation).
      expect(Math.abs(r.europeanValue - c.european.jamshidian), msg).toBeLessThan(3 * r.errorEstimate + 0.005 * c.european.jamshidian);
      // A one-factor regression is singular for elimination: the fallback must still exercise early.
      expect(r.value, msg).toBeGreaterThan(r.europeanValue + 0.2 * (truth - c.european.jamshidian));
    });
  }
});
