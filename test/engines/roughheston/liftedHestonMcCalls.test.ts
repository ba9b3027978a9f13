import { describe, expect, it } from 'vitest';
import { liftedHestonLogCf } from '../../../engines/roughheston/liftedHestonLogCf.js';
import { liftedHestonMcCalls } from '../../../engines/roughheston/liftedHestonMcCalls.js';
import { liftCosCalls } from '../../../engines/roughheston/_lib/liftCosCalls.js';

const K = [80, 100, 120];
const T = [0.5, 1];

describe('liftedHestonMcCalls', () => {
  it('agrees with the lifted CF (COS) within 3 standard errors: 5 factors, H = 0.3', () => {
    const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.2, rho: -0.7, hurst: 0.3 };
    const mc = liftedHestonMcCalls({ spot: 100, strikes: K, maturities: T, rate: 0.03, dividend: 0.01, params: p }, { factors: 5, paths: 12000, stepsPerYear: 100 });
    const cf = liftCosCalls(liftedHestonLogCf({ factors: 5 }), p, 100, K, T, 0.03, 0.01);
    for (let k = 0; k < cf.length; k++) {
      const z = (mc.calls[k]! - cf[k]!) / mc.standardErrors[k]!;
      expect(Math.abs(z), `k=${k} mc=${mc.calls[k]} cf=${cf[k]} se=${mc.standardErrors[k]}`).toBeLessThan(3);
    }
  });

  it('one factor c = 1, x = 3 agrees with its CF within 3 standard errors (a Heston process)', () => {
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.5 };
    const kernel = { weights: Float64Array.of(1), speeds: Float64Array.of(3) };
    const mc = liftedHestonMcCalls({ spot: 100, strikes: K, maturities: [1], rate: 0.03, dividend: 0, params: p }, { kernel, paths: 8000, stepsPerYear: 100 });
    const cf = liftCosCalls(liftedHestonLogCf({ kernel }), p, 100, K, [1], 0.03, 0);
    for (let k = 0; k < cf.length; k++) expect(Math.abs(mc.calls[k]! - cf[k]!) / mc.standardErrors[k]!).toBeLessThan(3);
  });

  it('is deterministic: the same seed gives the same bits, another seed differs', () => {
    const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.3, rho: -0.7, hurst: 0.1 };
    const inputs = { spot: 100, strikes: [100], maturities: [0.5], rate: 0.01, dividend: 0, params: p };
    const a = liftedHestonMcCalls(inputs, { factors: 4, paths: 200, stepsPerYear: 50, seed: 7 });
    const b = liftedHestonMcCalls(inputs, { factors: 4, paths: 200, stepsPerYear: 50, seed: 7 });
    const c = liftedHestonMcCalls(inputs, { factors: 4, paths: 200, stepsPerYear: 50, seed: 8 });
    expect(Array.from(a.calls)).toEqual(Array.from(b.calls));
    expect(a.calls[0]).not.toBe(c.calls[0]);
  });

  it('refuses bad input', () => {
    const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.3, rho: -0.7, hurst: 0.1 };
    expect(() => liftedHestonMcCalls({ spot: 0, strikes: [1], maturities: [1], rate: 0, dividend: 0, params: p })).toThrow(/spot/);
    expect(() => liftedHestonMcCalls({ spot: 1, strikes: [1], maturities: [1], rate: 0, dividend: 0, params: p }, { paths: 1 })).toThrow(/paths/);
  });
});
