import { describe, expect, it } from 'vitest';
import { brent } from '../../src/cashflows/_lib/brent.js';
import { ConvergenceError } from '../../src/errors.js';

describe('brent (src/cashflows/_lib)', () => {
  it('finds the Dottie number cos x = x (0.7390851332151607, OEIS A003957) and √2', () => {
    expect(brent((x) => Math.cos(x) - x, 0, 1, 1e-15, 100)).toBeCloseTo(0.7390851332151607, 15);
    expect(brent((x) => x * x - 2, 0, 2, 1e-15, 100)).toBeCloseTo(Math.SQRT2, 15);
  });

  it('handles roots at the ends and a flat-then-steep function', () => {
    expect(brent((x) => x - 1, 1, 3, 1e-12, 100)).toBe(1);
    expect(Math.abs(brent((x) => Math.pow(x, 9) - 1e-9, 0, 1, 1e-14, 200) - 0.1)).toBeLessThan(1e-12);
  });

  it('refuses a bracket without a sign change and reports non-convergence', () => {
    expect(() => brent((x) => x * x + 1, -1, 1, 1e-12, 100)).toThrow(ConvergenceError);
    expect(() => brent((x) => Math.cos(x) - x, 0, 1, 1e-300, 2)).toThrow(/no convergence/);
  });
});
