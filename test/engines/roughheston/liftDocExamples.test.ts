// Twins of the @example blocks of the lift and Padé routes (values asserted as documented).
import { describe, expect, it } from 'vitest';
import { liftedHestonLogCf, liftKernel, padeRoughHestonLogCf } from '../../../src/index.js';

describe('rough Heston routes: docstring examples', () => {
  it('liftKernel', () => {
    expect(liftKernel(0.1, 15, 3).speeds[7]).toBe(1);
  });
  it('liftedHestonLogCf', () => {
    const cf = liftedHestonLogCf({ factors: 20 });
    const p = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };
    expect(Math.abs(cf(p, Float64Array.of(0), Float64Array.of(-1), [1]).re[0]!) < 1e-12).toBe(true);
  });
  it('padeRoughHestonLogCf', () => {
    const cf = padeRoughHestonLogCf({ order: [4, 4] });
    const p = { v0: 0.04, kappa: 0, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };
    expect(Math.abs(cf(p, Float64Array.of(0), Float64Array.of(-1), [1]).re[0]!) < 1e-10).toBe(true);
  });
});
