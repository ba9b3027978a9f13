import { describe, expect, it } from 'vitest';
import { HullWhitePathGenerator } from '../../../../engines/hullwhite/mc/HullWhitePathGenerator.js';
import { InvalidInputError } from '../../../../src/errors.js';

// Humped curve (as in the tree test): f(t) = 0.02 + 0.01 t e^{−t/3}.
const P = (t: number) => Math.exp(-(0.02 * t + 0.01 * (9 - 3 * (t + 3) * Math.exp(-t / 3))));

describe('HullWhitePathGenerator (exact joint simulation of x and ∫x)', () => {
  it('E[D(0, t)] = P(0, t) and x(t) ~ N(0, σ²(1 − e^{−2at})/(2a)) within 3.5 standard errors, on a coarse grid', () => {
    // Exact in law at any step size: 4 steps over 10 years suffice. 20,000 paths, fixed seed.
    const a = 0.1;
    const sigma = 0.015;
    const times = [0.5, 2, 5, 10];
    const gen = new HullWhitePathGenerator(a, sigma, P, times, 7);
    const n = 20_000;
    const x = new Float64Array(4);
    const d = new Float64Array(4);
    const sumD = new Float64Array(4);
    const sumD2 = new Float64Array(4);
    const sumX2 = new Float64Array(4);
    for (let k = 0; k < n; k++) {
      gen.next(x, d);
      for (let i = 0; i < 4; i++) {
        sumD[i] = (sumD[i] as number) + (d[i] as number);
        sumD2[i] = (sumD2[i] as number) + (d[i] as number) ** 2;
        sumX2[i] = (sumX2[i] as number) + (x[i] as number) ** 2;
      }
    }
    times.forEach((t, i) => {
      const mean = (sumD[i] as number) / n;
      const se = Math.sqrt(((sumD2[i] as number) / n - mean * mean) / n);
      expect(Math.abs(mean - P(t)), `t=${t}: mean D ${mean}, P ${P(t)}, se ${se}`).toBeLessThan(3.5 * se);
      const v = (sigma * sigma * -Math.expm1(-2 * a * t)) / (2 * a);
      // Var of the sample variance of a normal: 2v²/n
      expect(Math.abs((sumX2[i] as number) / n - v), `t=${t}`).toBeLessThan(3.5 * v * Math.sqrt(2 / n));
    });
  });

  it('antithetic pairs mirror the normals (the pair mean of x is 0)', () => {
    const gen = new HullWhitePathGenerator(0.05, 0.01, P, [1, 3], 1, true);
    const x1 = new Float64Array(2);
    const x2 = new Float64Array(2);
    const d = new Float64Array(2);
    gen.next(x1, d);
    gen.next(x2, d);
    expect(Math.abs((x1[1] as number) + (x2[1] as number))).toBeLessThan(1e-16);
  });

  it('refuses bad times, parameters and seeds, naming them', () => {
    expect(() => new HullWhitePathGenerator(0.1, 0.01, P, [])).toThrow(/times.length/);
    expect(() => new HullWhitePathGenerator(0.1, 0.01, P, [1, 1])).toThrow(/times\[1\]/);
    expect(() => new HullWhitePathGenerator(0.1, 0.01, P, [0])).toThrow(/times\[0\]/);
    expect(() => new HullWhitePathGenerator(0.1, -0.01, P, [1])).toThrow(/sigma/);
    expect(() => new HullWhitePathGenerator(0.1, 0.01, P, [1], 1.5)).toThrow(InvalidInputError);
  });
});
