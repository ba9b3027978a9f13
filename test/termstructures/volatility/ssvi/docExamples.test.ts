// @test docstring examples of SsviSurface, EssviSurface and SviSurface, asserted exactly as printed
import { describe, expect, it } from 'vitest';
import { EssviSurface, SsviSurface, SviSurface } from '../../../../src/index.js';

describe('surface docstring examples', () => {
  it('prints what the docstrings say', () => {
    const ssvi = new SsviSurface({ times: [1], thetas: [0.04], forwards: [100], rho: -0.5, phi: { type: 'powerLaw', eta: 1, gamma: 0.5 } });
    expect(ssvi.totalVarianceDerivatives(0, 1).w).toBe(0.04);
    const essvi = new EssviSurface({ times: [0.5, 1], thetas: [0.02, 0.04], rhos: [-0.6, -0.5], psis: [0.15, 0.2], forwards: [100, 100] });
    expect(essvi.totalVarianceDerivatives(0, 1).w).toBe(0.04);
    const svi = new SviSurface([{ time: 1, forward: 100, parameters: { a: 0.02, b: 0.1, rho: -0.4, m: 0, sigma: 0.2 } }]);
    expect(svi.totalVarianceDerivatives(0, 0.5).w).toBe(0.020000000000000004);
  });
});
