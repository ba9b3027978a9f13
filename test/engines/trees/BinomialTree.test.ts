import { describe, expect, it } from 'vitest';
import type { BinomialTreeType } from '../../../engines/trees/BinomialTree.js';
import { CoxRossRubinstein } from '../../../engines/trees/CoxRossRubinstein.js';
import { JarrowRudd } from '../../../engines/trees/JarrowRudd.js';
import { LeisenReimer } from '../../../engines/trees/LeisenReimer.js';
import { Tian } from '../../../engines/trees/Tian.js';
import { peizerPrattMethod2Inversion } from '../../../engines/trees/_lib/peizerPrattMethod2Inversion.js';
import { normalCdf } from '../../../src/math/distributions/normalCdf.js';

const params = { spot: 100, riskFreeRate: 0.05, dividendYield: 0.02, volatility: 0.3 };
const T = 1;
const N = 101;

function moments(tree: InstanceType<BinomialTreeType>): [number, number, number] {
  const s0 = tree.underlying(0, 0);
  const [u, d] = [tree.underlying(1, 1) / s0, tree.underlying(1, 0) / s0];
  const m = (k: number) => tree.pu * u ** k + tree.pd * d ** k;
  return [m(1), m(2), m(3)];
}

describe('binomial trees', () => {
  const dt = T / N;
  const growth = Math.exp((params.riskFreeRate - params.dividendYield) * dt);
  const v = Math.exp(params.volatility ** 2 * dt);
  // Exact lognormal moments of S(Δt)/S(0): m1 = g, m2 = g²v, m3 = g³v³.
  const exact = [growth, growth ** 2 * v, growth ** 3 * v ** 3];

  it('Tian matches the first three one-step moments exactly', () => {
    const m = moments(new Tian(params, T, N, 100));
    for (let k = 0; k < 3; k++) expect(Math.abs(m[k]! / exact[k]! - 1)).toBeLessThan(1e-14);
  });

  it('Leisen–Reimer matches the first moment exactly; CRR and JR to O(Δt²)', () => {
    expect(Math.abs(moments(new LeisenReimer(params, T, N, 100))[0] / growth - 1)).toBeLessThan(1e-14);
    for (const tree of [CoxRossRubinstein, JarrowRudd]) {
      const m = moments(new tree(params, T, N, 100));
      // Matching ln S moments leaves O(Δt²) ≈ 1e-4² in the S moments.
      expect(Math.abs(m[0] / exact[0]! - 1)).toBeLessThan(5 * dt * dt);
      expect(Math.abs(m[1] / exact[1]! - 1)).toBeLessThan(5 * dt * dt);
    }
  });

  it('CRR recombines on the spot (u·d = 1) and LR raises even steps to odd', () => {
    const crr = new CoxRossRubinstein(params, T, 100, 100);
    expect(crr.underlying(2, 1)).toBeCloseTo(100, 12);
    expect(crr.size(3)).toBe(4);
    expect(new LeisenReimer(params, T, 100, 100).steps).toBe(101);
  });

  it('Peizer–Pratt method 2 inverts the normal by the binomial: P[Bin(n, h⁻¹(z, n)) > n/2] ≈ Φ(z)', () => {
    const upperTail = (n: number, p: number) => {
      let logC = 0; // log C(n, k), built up from k = 0
      let sum = 0;
      for (let k = 0; k <= n; k++) {
        if (k > 0) logC += Math.log((n - k + 1) / k);
        if (k > n / 2) sum += Math.exp(logC + k * Math.log(p) + (n - k) * Math.log1p(-p));
      }
      return sum;
    };
    for (const n of [51, 201]) {
      for (const z of [-2, -0.5, 0.3, 1.7]) {
        // Leisen & Reimer (1996) report method 2 accurate to O(n^{-2}) or better; 1e-4 at n ≥ 51.
        expect(Math.abs(upperTail(n, peizerPrattMethod2Inversion(z, n)) - normalCdf(z))).toBeLessThan(1e-4);
      }
    }
    expect(peizerPrattMethod2Inversion(0, 11)).toBe(0.5);
    expect(() => peizerPrattMethod2Inversion(0.1, 4)).toThrow(/n = 4/);
  });

  it('bad parameters are refused naming the argument', () => {
    expect(() => new CoxRossRubinstein({ ...params, spot: -1 }, T, N)).toThrow(/spot = -1/);
    expect(() => new CoxRossRubinstein(params, 0, N)).toThrow(/end = 0/);
    expect(() => new Tian(params, T, 0)).toThrow(/steps = 0/);
    expect(() => new LeisenReimer(params, T, N, 0)).toThrow(/strike = 0/);
    expect(() => new JarrowRudd({ ...params, riskFreeRate: Number.NaN }, T, N)).toThrow(/riskFreeRate = NaN/);
  });
});
