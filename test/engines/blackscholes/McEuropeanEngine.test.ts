import { beforeEach, describe, expect, it } from 'vitest';
import { McEuropeanEngine } from '../../../engines/blackscholes/McEuropeanEngine.js';
import { ConvergenceError, InvalidInputError } from '../../../src/errors.js';
import { europeanOption, flatMarket, OptionType, setToday } from '../../_lib/market.js';

beforeEach(setToday);

function price(opts: ConstructorParameters<typeof McEuropeanEngine>[1], type = OptionType.Call, K = 100, days = 365, m = flatMarket(100, 0.05, 0.02, 0.2)) {
  const option = europeanOption(type, K, days);
  option.setPricingEngine(m.engine);
  const analytic = option.NPV();
  option.setPricingEngine(new McEuropeanEngine(m.process, opts));
  return { analytic, mc: option.NPV(), se: option.errorEstimate() };
}

describe('McEuropeanEngine', () => {
  it('agrees with the analytic engine over a grid of strikes, expiries, vols and rngs (within 4 standard errors)', () => {
    // 4 se: 48 comparisons, P(any |z| > 4) ≈ 0.3 %, and the seeds are fixed.
    for (const rng of ['philox', 'mt19937', 'sobol'] as const) {
      for (const [K, days, vol] of [[80, 30, 0.1], [100, 365, 0.2], [120, 730, 0.4], [100, 1825, 0.3]] as const) {
        for (const type of [OptionType.Call, OptionType.Put]) {
          const r = price({ samples: 8192, seed: 7, rng, antithetic: rng === 'mt19937' }, type, K, days, flatMarket(100, 0.03, 0.01, vol));
          const tol = 4 * r.se + 1e-6; // 1e-6: deep OTM cases where every path pays 0 (analytic ≈ 1e-9)
          expect(Math.abs(r.mc - r.analytic), `${rng} K=${K} days=${days} vol=${vol} type=${type}: mc=${r.mc} analytic=${r.analytic} se=${r.se}`).toBeLessThanOrEqual(tol);
          if (r.analytic > 0.01) expect(r.se).toBeGreaterThan(0);
        }
      }
    }
  });

  it('the error estimate covers the analytic value (±1.96 se) in ≥ 93 % of 200 seeds', () => {
    // Binomial(200, 0.95): P(covered < 186) ≈ 1.5 %, and the 200 seeds are fixed, so the count is deterministic.
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const option = europeanOption(OptionType.Call, 105, 365);
    option.setPricingEngine(m.engine);
    const analytic = option.NPV();
    let covered = 0;
    for (let seed = 0; seed < 200; seed++) {
      option.setPricingEngine(new McEuropeanEngine(m.process, { samples: 512, seed }));
      if (Math.abs(option.NPV() - analytic) <= 1.96 * option.errorEstimate()) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(186);
  });

  it('converges at N^-1/2 with Philox and faster with Sobol (RMS error over seeds)', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(m.engine);
    const analytic = option.NPV();
    const rms = (rng: 'philox' | 'sobol', samples: number) => {
      let s = 0;
      for (let seed = 1; seed <= 24; seed++) {
        option.setPricingEngine(new McEuropeanEngine(m.process, { samples, seed, rng }));
        s += (option.NPV() - analytic) ** 2;
      }
      return Math.sqrt(s / 24);
    };
    const slope = (rng: 'philox' | 'sobol') => Math.log(rms(rng, 65536) / rms(rng, 1024)) / Math.log(64);
    const p = slope('philox');
    const q = slope('sobol');
    // RMS over 24 seeds has ~15 % relative noise at each end: slope −0.5 ± 0.1.
    expect(p).toBeGreaterThan(-0.62);
    expect(p).toBeLessThan(-0.38);
    // Randomised QMC on a smooth 1-d payoff: about N^-1; at least clearly faster than N^-1/2.
    expect(q).toBeLessThan(-0.7);
  });

  it('same seed → same number on any backend, equal to a value pinned by an independent implementation', () => {
    // Pinned by an independent route: Philox4x32-10 re-implemented in Python integers (checked on the
    // Random123 KAT), Python's statistics.NormalDist.inv_cdf (Wichura AS241) and math.exp —
    // S=K=100, r=5 %, q=2 %, σ=20 %, T=1, seed 123, 2000 samples (script in docs/models/monte-carlo.md).
    const pinned = 8.931885959427566;
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const a = price({ samples: 2000, seed: 123 }, OptionType.Call, 100, 365, m).mc;
    const b = price({ samples: 2000, seed: 123, backend: 'typescript' }, OptionType.Call, 100, 365, m).mc;
    expect(a).toBe(b);
    // 1e-13 relative: the kernel's own exp/log vs the platform libm, a few ulp per path.
    expect(Math.abs(a - pinned) / pinned).toBeLessThan(1e-13);
    const c = price({ samples: 2000, seed: 124 }, OptionType.Call, 100, 365, m).mc;
    expect(c).not.toBe(a);
  });

  it('requiredTolerance stops once the error estimate is below it (Philox, MT19937, Sobol), else ConvergenceError', () => {
    for (const rng of ['philox', 'mt19937', 'sobol'] as const) {
      const r = price({ requiredTolerance: 0.02, seed: 3, rng });
      expect(r.se, rng).toBeLessThanOrEqual(0.02);
      expect(Math.abs(r.mc - r.analytic), rng).toBeLessThan(4 * r.se);
    }
    expect(() => price({ requiredTolerance: 1e-4, maxSamples: 4096, seed: 3 })).toThrow(ConvergenceError);
  });

  it('registers with the process: a spot tick reprices (same seed, so the change is the payoff change alone)', () => {
    const m = flatMarket(100, 0.05, 0.02, 0.2);
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(new McEuropeanEngine(m.process, { samples: 4096, seed: 1 }));
    const before = option.NPV();
    m.spot.setValue(110);
    const after = option.NPV();
    option.setPricingEngine(m.engine);
    // Same normals, S scaled by 1.1: the MC change matches the analytic change (9.227005508154036 = QuantLib's
    // value at S = 100, see blackScholesBatch) within 0.4 ≈ 4 se of a common-random-numbers difference
    // (per-path sd of the payoff change ≲ 0.1·S_T ≈ 6, over √4096).
    expect(after - before).toBeGreaterThan(0);
    expect(Math.abs(after - before - (option.NPV() - 9.227005508154036))).toBeLessThan(0.4);
  });

  it('refuses bad options, naming them', () => {
    const m = flatMarket();
    expect(() => new McEuropeanEngine(m.process, { samples: -3 })).toThrow(/options.samples = -3/);
    expect(() => new McEuropeanEngine(m.process, { seed: 1.5 })).toThrow(InvalidInputError);
    expect(() => new McEuropeanEngine(m.process, { samples: 10, requiredTolerance: 0.1 })).toThrow(/requiredTolerance/);
    expect(() => new McEuropeanEngine(m.process, { rng: 'lcg' as never })).toThrow(/options.rng/);
  });
});
