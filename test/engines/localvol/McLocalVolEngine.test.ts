import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { blackFormula } from '../../../engines/blackscholes/formulas/blackFormula.js';
import { InvalidInputError } from '../../../src/errors.js';
import { displacedLocalVol, FunctionLocalVol, localVolMarket } from './_lib/localVolMarket.js';
import { americanOption, europeanOption, OptionType, setToday } from '../../_lib/market.js';

beforeEach(setToday);

const sigmaT = (t: number): number => 0.2 + 0.15 * t;

/** Black price with the variance Σσ(τ_i)²Δt of n uniform Euler steps (τ_i the midpoints; exact for a time-only vol) or ∫σ²dt (n = 0). */
function timeOnlyBlack(type: OptionType, K: number, S: number, r: number, q: number, T: number, n: number): number {
  let w = 0;
  if (n === 0) w = (((0.2 + 0.15 * T) ** 3 - 0.2 ** 3) / (3 * 0.15));
  else for (let i = 0; i < n; i++) w += sigmaT((T * (i + 0.5)) / n) ** 2 * (T / n);
  return blackFormula(type, K, S * Math.exp((r - q) * T), Math.sqrt(w), Math.exp(-r * T));
}

describe('McLocalVolEngine', () => {
  it('time-only σ(t): Black–Scholes with the steps’ variance Σσ(τ_i)²Δt within 3 SE, and with ∫σ²dt within 3 SE + the midpoint-rule gap', () => {
    const m = localVolMarket(new FunctionLocalVol((t) => sigmaT(t)), 100, 0.04, 0.01);
    const T = 547 / 365;
    for (const [type, K] of [[OptionType.Call, 90], [OptionType.Put, 100], [OptionType.Call, 125]] as const) {
      const option = europeanOption(type, K, 547);
      option.setPricingEngine(m.engine({ samples: 15000, seed: 3, antithetic: true }));
      const v = option.NPV(), se = option.errorEstimate()!;
      const n = option.result('timeSteps') as number;
      expect(n).toBe(200); // max(⌈100·T⌉, minTimeSteps = 200)
      const discrete = timeOnlyBlack(type, K, 100, 0.04, 0.01, T, n);
      const exact = timeOnlyBlack(type, K, 100, 0.04, 0.01, T, 0);
      expect(Math.abs(v - discrete), `${type} ${K}`).toBeLessThan(3 * se);
      expect(Math.abs(v - exact), `${type} ${K}`).toBeLessThan(3 * se + Math.abs(discrete - exact));
      // Midpoint rule: the variance gap is −Δt²/12·∫(σ²)''dt = −Δt²·T·0.15²/6 ≈ 5e-7 (a start-time grid: ~1e-3).
      expect(Math.abs(discrete - exact)).toBeLessThan(1e-4);
    }
  });

  it('displaced diffusion σ(S + d)/S with r = q: D·Black(F + d, K + d, σ√T) within 3 SE + the Euler bias measured at 100 steps/year', () => {
    // S + d is lognormal with vol σ (dS = σ(S + d)dW). Bias at d = 60, σ = 0.3, 1 year (400k
    // antithetic samples): −0.95/−0.43/−0.19/−0.06/−0.01/+0.001 for the 70 put at 1/2/4/8/16/100
    // steps; +0.72/+0.45/+0.24/+0.14/+0.09/+0.02 for the 130 put (docs/models/local-volatility-mc.md).
    const sigma = 0.25, d = 30, r = 0.02;
    const m = localVolMarket(displacedLocalVol(sigma, d), 100, r, r);
    for (const [type, K] of [[OptionType.Put, 75], [OptionType.Call, 100], [OptionType.Call, 130]] as const) {
      const option = europeanOption(type, K, 365);
      option.setPricingEngine(m.engine({ samples: 15000, seed: 11, antithetic: true }));
      const exact = blackFormula(type, K + d, 100 + d, sigma, Math.exp(-r));
      expect(Math.abs(option.NPV() - exact), `${type} ${K}`).toBeLessThan(3 * option.errorEstimate()! + 0.01);
    }
  });

  it('Euler bias shrinks with the steps (displaced diffusion, strong skew): 2 → 16 steps cuts it by more than 3×', () => {
    const sigma = 0.3, d = 60, r = 0.03;
    const m = localVolMarket(displacedLocalVol(sigma, d), 100, r, r);
    for (const K of [70, 130]) {
      const option = europeanOption(OptionType.Put, K, 365);
      const exact = blackFormula(OptionType.Put, K + d, 100 + d, sigma, Math.exp(-r));
      const bias = (n: number) => {
        option.setPricingEngine(m.engine({ samples: 100000, seed: 5, antithetic: true, timeSteps: n }));
        return { b: option.NPV() - exact, se: option.errorEstimate()! };
      };
      const b2 = bias(2), b16 = bias(16);
      expect(Math.abs(b2.b)).toBeGreaterThan(10 * b2.se);
      expect(Math.abs(b16.b)).toBeLessThan(Math.abs(b2.b) / 3);
    }
  });

  it('E[S_T] = F(T) within 3 standard errors at any step count (log-Euler is a discrete martingale); the control variate then helps', () => {
    const m = localVolMarket(displacedLocalVol(0.3, 60), 100, 0.05, 0.01);
    const option = europeanOption(OptionType.Call, 110, 730);
    const F = 100 * Math.exp(0.04 * 2);
    for (const n of [1, 3, 40]) {
      option.setPricingEngine(m.engine({ samples: 40000, seed: n, timeSteps: n }));
      const fe = option.result('forwardEstimate') as number, fse = option.result('forwardErrorEstimate') as number;
      expect(Math.abs(fe - F), `${n} steps`).toBeLessThan(3 * fse);
    }
    option.setPricingEngine(m.engine({ samples: 20000, seed: 1, timeSteps: 40 }));
    const plain = option.errorEstimate()!;
    const v = option.NPV();
    option.setPricingEngine(m.engine({ samples: 20000, seed: 1, timeSteps: 40, controlVariate: true }));
    expect(option.errorEstimate()!).toBeLessThan(0.6 * plain);
    expect(Math.abs(option.NPV() - v)).toBeLessThan(3 * plain);
  });

  it('the error bar covers the exact price in ≥ 88 % of 100 seeds at 1.96 SE (time-only vol: no bias)', () => {
    const m = localVolMarket(new FunctionLocalVol((t) => sigmaT(t)), 100, 0.03, 0.0);
    const option = europeanOption(OptionType.Call, 105, 365);
    const exact = timeOnlyBlack(OptionType.Call, 105, 100, 0.03, 0, 1, 4);
    let hits = 0;
    for (let seed = 0; seed < 100; seed++) {
      option.setPricingEngine(m.engine({ samples: 2000, seed, timeSteps: 4 }));
      if (Math.abs(option.NPV() - exact) <= 1.96 * option.errorEstimate()!) hits++;
    }
    expect(hits).toBeGreaterThanOrEqual(88);
    expect(hits).toBeLessThan(100);
  });

  it('WASM = TypeScript reference bit for bit through the engine; Sobol and MT19937 sources and requiredTolerance work', () => {
    const m = localVolMarket(new FunctionLocalVol((t, s) => 0.15 + 0.1 * Math.abs(Math.log(s / 100)) + 0.05 * t), 100, 0.03, 0.01);
    const option = europeanOption(OptionType.Put, 95, 200);
    for (const o of [{ antithetic: true }, { rng: 'mt19937' as const }, { rng: 'sobol' as const, sobolReplications: 4 }]) {
      option.setPricingEngine(m.engine({ samples: 3000, seed: 4, timeSteps: 20, ...o, backend: 'simd' }));
      const w = [option.NPV(), option.errorEstimate()];
      option.setPricingEngine(m.engine({ samples: 3000, seed: 4, timeSteps: 20, ...o, backend: 'typescript' }));
      expect(w).toEqual([option.NPV(), option.errorEstimate()]);
    }
    option.setPricingEngine(m.engine({ requiredTolerance: 0.02, seed: 2, timeSteps: 20 }));
    expect(option.errorEstimate()!).toBeLessThanOrEqual(0.02);
  });

  it('observes the spot and the surface handle; expired options are worth their intrinsic value', () => {
    const m = localVolMarket(displacedLocalVol(0.2, 10), 100, 0.03, 0.01);
    const option = europeanOption(OptionType.Call, 100, 180);
    option.setPricingEngine(m.engine({ samples: 4000, seed: 1, timeSteps: 10 }));
    const v0 = option.NPV();
    m.spot.setValue(105);
    expect(option.NPV()).toBeGreaterThan(v0 + 2);
    const expired = europeanOption(OptionType.Put, 120, 0);
    expired.setPricingEngine(m.engine({ samples: 4000 }));
    expect(expired.NPV()).toBe(15);
  });

  it('prices stay within the no-arbitrage bounds on random skewed surfaces (fast-check)', () => {
    fc.assert(fc.property(
      fc.double({ min: 0.05, max: 0.6, noNaN: true }), fc.double({ min: -0.5, max: 0.5, noNaN: true }),
      fc.double({ min: 60, max: 160, noNaN: true }), fc.integer({ min: 10, max: 900 }), fc.boolean(),
      (a, b, K, days, call) => {
        const m = localVolMarket(new FunctionLocalVol((_t, s) => Math.max(0.01, a + b * Math.log(s / 100))), 100, 0.03, 0.01);
        const option = europeanOption(call ? OptionType.Call : OptionType.Put, K, days);
        option.setPricingEngine(m.engine({ samples: 500, seed: 1, stepsPerYear: 12, minTimeSteps: 4 }));
        const v = option.NPV();
        const T = days / 365;
        const fwd = 100 * Math.exp(-0.01 * T), k = K * Math.exp(-0.03 * T);
        return v >= 0 && (call ? v <= fwd * 1.5 : v <= k);
      },
    ), { numRuns: 30, seed: 7 });
  });

  it('refuses bad options, non-European exercise and a negative local vol with InvalidInputError', () => {
    const m = localVolMarket(new FunctionLocalVol((_t, s) => (s > 150 ? -0.1 : 0.2)), 100, 0.03, 0.01);
    expect(() => m.engine({ brownianBridge: true })).toThrow(/brownianBridge/);
    expect(() => m.engine({ stepsPerYear: 0 })).toThrow(/stepsPerYear/);
    expect(() => m.engine({ minTimeSteps: 0.5 })).toThrow(/minTimeSteps/);
    expect(() => m.engine({ logSpotNodes: 1 })).toThrow(/logSpotNodes/);
    expect(() => m.engine({ gridStdDevs: 0.5 })).toThrow(/gridStdDevs/);
    expect(() => m.engine({ rng: 'sobol', timeSteps: 2000 })).toThrow(/timeSteps/);
    const am = americanOption(OptionType.Put, 100, 100);
    am.setPricingEngine(m.engine());
    expect(() => am.NPV()).toThrow(InvalidInputError);
    const option = europeanOption(OptionType.Call, 100, 365);
    option.setPricingEngine(m.engine({ samples: 100, timeSteps: 200 }));
    expect(() => option.NPV()).toThrow(/localVol\(t = 0.0025, S = 1\d\d.*= -0.1/);
  });
});
