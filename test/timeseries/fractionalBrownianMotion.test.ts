import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../src/errors.js';
import { fractionalBrownianMotion } from '../../src/timeseries/fractionalBrownianMotion.js';

const gam = (H: number, k: number): number => 0.5 * (Math.abs(k + 1) ** (2 * H) - 2 * Math.abs(k) ** (2 * H) + Math.abs(k - 1) ** (2 * H));

describe('fractionalBrownianMotion (Davies–Harte)', () => {
  it.each([0.07, 0.3, 0.5, 0.65])('H = %s: sample autocovariance of the increments matches γ(k), k = 0 … 4', (H) => {
    const n = 1 << 15;
    const b = fractionalBrownianMotion(H, n, 11);
    expect(b[0]).toBe(0);
    for (let k = 0; k <= 4; k++) {
      let s = 0;
      for (let t = 0; t + k < n; t++) s += (b[t + 1]! - b[t]!) * (b[t + k + 1]! - b[t + k]!);
      // Standard error of a sample autocovariance ≈ √(Σγ²/n) ≤ ~1.5/√n for H < ¾ (long memory beyond): 5 SE.
      expect(Math.abs(s / (n - k) - gam(H, k)), `k = ${k}`).toBeLessThan(5 * 1.5 / Math.sqrt(n));
    }
  });

  it('Var B_n = n^(2H) over 2000 independent paths (H = 0.1, n = 50)', () => {
    const H = 0.1;
    const n = 50;
    let s2 = 0;
    const N = 2000;
    for (let seed = 0; seed < N; seed++) s2 += fractionalBrownianMotion(H, n, seed)[n]! ** 2;
    // Var of the sample variance of N normals: 2σ⁴/N → relative SE √(2/N) = 3.2 %.
    expect(Math.abs(s2 / N / n ** (2 * H) - 1)).toBeLessThan(4 * Math.sqrt(2 / N));
  });

  it('is deterministic by seed and differs across seeds', () => {
    expect(fractionalBrownianMotion(0.2, 100, 3)).toEqual(fractionalBrownianMotion(0.2, 100, 3));
    expect(fractionalBrownianMotion(0.2, 100, 3)[100]).not.toBe(fractionalBrownianMotion(0.2, 100, 4)[100]);
  });

  it('refuses bad input', () => {
    expect(() => fractionalBrownianMotion(0, 10)).toThrow(InvalidInputError);
    expect(() => fractionalBrownianMotion(1, 10)).toThrow(/H = 1 is outside/);
    expect(() => fractionalBrownianMotion(0.2, 0)).toThrow(/n = 0/);
    expect(() => fractionalBrownianMotion(0.2, 10, -1)).toThrow(/seed/);
  });
});
