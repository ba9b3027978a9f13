// The property shared by every rough Heston log-CF route's tests: at real u, φ(−u) = conj φ(u)
// and |φ(u)| ≤ 1, for random parameters (fast-check, fixed seed).
import fc from 'fast-check';
import { expect } from 'vitest';
import type { RoughHestonLogCf } from '../../../../engines/roughheston/RoughHestonLogCf.js';

export function checkCfSymmetryAndBound(cf: RoughHestonLogCf): void {
  fc.assert(
    fc.property(
      fc.record({
        v0: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        kappa: fc.double({ min: 0, max: 3, noNaN: true }),
        theta: fc.double({ min: 0.005, max: 0.2, noNaN: true }),
        sigma: fc.double({ min: 0.05, max: 1, noNaN: true }),
        rho: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
        hurst: fc.double({ min: 0.05, max: 0.45, noNaN: true }),
      }),
      fc.double({ min: 0.05, max: 20, noNaN: true }),
      fc.double({ min: 0.05, max: 2, noNaN: true }),
      (p, u, T) => {
        const r = cf(p, Float64Array.of(u, -u), new Float64Array(2), [T]);
        expect(r.re[0]!).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(r.re[0]! - r.re[1]!)).toBeLessThan(1e-12 * (1 + Math.abs(r.re[0]!)));
        expect(Math.abs(r.im[0]! + r.im[1]!)).toBeLessThan(1e-12 * (1 + Math.abs(r.im[0]!)));
      },
    ),
    { numRuns: 40, seed: 7 },
  );
}
