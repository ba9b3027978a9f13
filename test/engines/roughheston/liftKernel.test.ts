import { describe, expect, it } from 'vitest';
import { liftKernel, liftKernelL2Error } from '../../../engines/roughheston/liftKernel.js';
import { InvalidInputError } from '../../../src/errors.js';

describe('liftKernel', () => {
  it('puts x_i = r^{i−(n+1)/2} and Σc_i = ν([r^{−n/2}, r^{n/2}]) in closed form', () => {
    const H = 0.1;
    const a = H + 0.5;
    const { weights, speeds } = liftKernel(H, 15, 3);
    for (let i = 1; i <= 15; i++) expect(speeds[i - 1]).toBeCloseTo(Math.pow(3, i - 8), 12);
    // Γ(0.6)Γ(1.4) = 1.489192248812817 × 0.887263817503075 (A&S Table 6.1)
    const norm = 1.489192248812817 * 0.887263817503075;
    const total = (Math.pow(3, 7.5 * (1 - a)) - Math.pow(3, -7.5 * (1 - a))) / norm;
    const sum = weights.reduce((s, c) => s + c, 0);
    expect(Math.abs(sum / total - 1)).toBeLessThan(1e-12);
  });

  it('has relative L² error 1.1409e-2 on [5e-3, 0.5] for n = 15, r = 3, H = 0.1 (issue 7: the seed reports 1.15e-2)', () => {
    // Independent value: scipy.integrate.quad of the same integrals (limit 500) gave 0.011408915520911783.
    const e = liftKernelL2Error(0.1, liftKernel(0.1, 15, 3));
    expect(Math.abs(e - 0.011408915520911783)).toBeLessThan(1e-9);
  });

  it('the L² error falls as n grows on the default ratio', () => {
    const errs = [5, 10, 20, 40].map((n) => liftKernelL2Error(0.1, liftKernel(0.1, n)));
    for (let k = 1; k < errs.length; k++) expect(errs[k]!).toBeLessThan(errs[k - 1]!);
  });

  it('is exact (error 0) at H = 1/2 for the one-factor kernel c = 1, x = 0', () => {
    expect(liftKernelL2Error(0.5, { weights: Float64Array.of(1), speeds: Float64Array.of(0) })).toBeLessThan(1e-15);
  });

  it('refuses bad input with InvalidInputError', () => {
    expect(() => liftKernel(0.5, 10)).toThrow(InvalidInputError);
    expect(() => liftKernel(0.1, 0)).toThrow(/factors/);
    expect(() => liftKernel(0.1, 10, 1)).toThrow(/ratio/);
    expect(() => liftKernelL2Error(0.1, liftKernel(0.1, 3), 0.5, 0.1)).toThrow(/tMax/);
  });
});
