import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { RunningStatistics } from '../../../engines/montecarlo/RunningStatistics.js';

describe('RunningStatistics', () => {
  it('mean, variance and standard error equal the two-pass formulas (1e-9 relative: rounding of sums)', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 200 }), (xs) => {
      const s = new RunningStatistics();
      xs.forEach((x) => s.add(x));
      const n = xs.length;
      const m = xs.reduce((a, x) => a + x, 0) / n;
      const v = xs.reduce((a, x) => a + (x - m) ** 2, 0) / (n - 1);
      expect(s.count()).toBe(n);
      expect(Math.abs(s.mean() - m)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(m)) + 1e-9);
      expect(Math.abs(s.variance() - v)).toBeLessThanOrEqual(1e-9 * (1 + v));
      expect(Math.abs(s.errorEstimate() - Math.sqrt(v / n))).toBeLessThanOrEqual(1e-9 * (1 + Math.sqrt(v / n)));
    }));
  });

  it('docstring example: variance of 1, 2, 3, 4 is 5/3', () => {
    const s = new RunningStatistics();
    [1, 2, 3, 4].forEach((x) => s.add(x));
    expect(s.variance()).toBe(1.6666666666666667);
  });

  it('refuses NaN', () => {
    expect(() => new RunningStatistics().add(NaN)).toThrow(/x = NaN/);
  });
});
