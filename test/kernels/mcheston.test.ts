import { beforeEach, describe, expect, it } from 'vitest';
import { McHestonEngine } from '../../engines/heston/McHestonEngine.js';
import { europeanOption, OptionType, setToday } from '../_lib/market.js';
import { hestonMarket } from '../engines/heston/_lib/hestonMarket.js';
import { lcg } from '../_lib/lcg.js';

beforeEach(setToday);

describe('Heston QE kernel (kernels/mcheston.ts) vs its TypeScript reference', () => {
  it('pinned value: an independent Python QE-M (Philox + statistics.NormalDist.inv_cdf) to 1e-10 relative', () => {
    // docs/models/heston.md gives the script: σ = 1, ρ = −0.9, κ = 0.5 (both branches taken),
    // put K = 100, T = 1, 12 steps, 3000 samples, seed 123 → 4.163208107906117. The two differ by
    // the inverse normal (AS241 vs Python's), exp/log and the curve's drift rounding: ~1e-15 each.
    const m = hestonMarket(100, 0.03, 0.01, { v0: 0.04, kappa: 0.5, theta: 0.04, sigma: 1, rho: -0.9 });
    const option = europeanOption(OptionType.Put, 100, 365);
    for (const backend of ['simd', 'typescript'] as const) {
      option.setPricingEngine(new McHestonEngine(m.model, { samples: 3000, seed: 123, timeSteps: 12, backend }));
      expect(Math.abs(option.NPV() / 4.163208107906117 - 1), backend).toBeLessThan(1e-10);
    }
  });

  it('bitwise equal on 200 random parameter sets × 500 paths (10^5 paths; both QE branches, correction on/off, antithetic)', () => {
    const rnd = lcg(2024);
    let uncorrected = 0;
    for (let i = 0; i <= 200; i++) {
      // Set 200: v0 = 1, κ = 10, σ = 3, ρ = 0.95, one 5-year step: A ≈ 2.3β, K0* does not exist.
      const p = i === 200 ? { v0: 1, kappa: 10, theta: 0.2, sigma: 3, rho: 0.95 } : {
        v0: 0.005 + 0.5 * rnd(), kappa: 0.1 + 10 * rnd(), theta: 0.005 + 0.5 * rnd(),
        sigma: 0.05 + 2 * rnd(), rho: -0.95 + 1.9 * rnd(),
      };
      const days = i === 200 ? 1825 : 7 + Math.floor(1800 * rnd());
      const steps = i === 200 ? 1 : 1 + Math.floor(12 * rnd());
      const m = hestonMarket(100, 0.05 * rnd(), 0.03 * rnd(), p);
      const option = europeanOption(rnd() < 0.5 ? OptionType.Call : OptionType.Put, 60 + 80 * rnd(), days);
      const o = { samples: 500, seed: i, timeSteps: steps, antithetic: rnd() < 0.5, martingaleCorrection: i === 200 || rnd() < 0.8 };
      option.setPricingEngine(new McHestonEngine(m.model, { ...o, backend: 'simd' }));
      const w = [option.NPV(), option.errorEstimate(), option.result('forwardEstimate'), option.result('uncorrectedSteps')];
      option.setPricingEngine(new McHestonEngine(m.model, { ...o, backend: 'typescript' }));
      const t = [option.NPV(), option.errorEstimate(), option.result('forwardEstimate'), option.result('uncorrectedSteps')];
      expect(w, `${JSON.stringify({ p, days, ...o })}`).toEqual(t);
      uncorrected += t[3] as number;
    }
    // Set 200 reaches the fallback to K0 (counted, equal on both backends).
    expect(uncorrected).toBeGreaterThan(0);
  });
});
