import { describe, expect, it } from 'vitest';
import { LongstaffSchwartz } from '../../../engines/montecarlo/LongstaffSchwartz.js';
import { Philox4x32 } from '../../../engines/montecarlo/Philox4x32.js';

/** Exact GBM paths on t = 1/n … 1 from Philox normals (an independent simulation, plain Math.exp). */
function paths(nPaths: number, n: number, S0: number, r: number, sigma: number, seed: number): Float64Array {
  const g = new Philox4x32(seed);
  const out = new Float64Array(nPaths * n);
  const dt = 1 / n;
  for (let i = 0; i < nPaths; i++) {
    const z = g.normals(i, n);
    let x = Math.log(S0);
    for (let j = 0; j < n; j++) {
      x += (r - 0.5 * sigma * sigma) * dt + sigma * Math.sqrt(dt) * z[j]!;
      out[i * n + j] = Math.exp(x);
    }
  }
  return out;
}

describe('LongstaffSchwartz', () => {
  const r = 0.06, n = 50;
  const discounts = Float64Array.from({ length: n }, (_, j) => Math.exp((-r * (j + 1)) / n));

  it('Longstaff–Schwartz (2001) Table 1 case S=36, K=40, σ=0.2, T=1: within 3 se + 0.03 of the finite-difference American value 4.478', () => {
    // Reference: LS (2001) Table 1, first row: finite-difference American 4.478, LSM (50 dates/year, 100 000 paths) 4.472 (s.e. 0.010).
    const lsm = new LongstaffSchwartz({ strike: 40, optionType: -1, discounts, basisOrder: 3 });
    lsm.calibrate(paths(8192, n, 36, r, 0.2, 1), 8192);
    const v = lsm.pathValues(paths(16384, n, 36, r, 0.2, 2), 16384);
    const mean = v.reduce((s, x) => s + x, 0) / v.length;
    const se = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / (v.length - 1) / v.length);
    expect(mean).toBeGreaterThan(4.478 - 3 * se - 0.03);
    expect(mean).toBeLessThan(4.478 + 3 * se);
  });

  it('with one exercise date the value is the discounted European payoff, path by path', () => {
    const lsm = new LongstaffSchwartz({ strike: 40, optionType: -1, discounts: Float64Array.of(0.95) });
    const p = Float64Array.of(30, 45, 39);
    lsm.calibrate(p, 3);
    expect(Array.from(lsm.pathValues(p, 3))).toEqual([10 * 0.95, 0, 1 * 0.95]);
  });

  it('refuses bad specs and shapes, naming them', () => {
    expect(() => new LongstaffSchwartz({ strike: -1, optionType: 1, discounts })).toThrow(/strike = -1/);
    expect(() => new LongstaffSchwartz({ strike: 1, optionType: 1, discounts, basisOrder: 9 })).toThrow(/basisOrder = 9/);
    expect(() => new LongstaffSchwartz({ strike: 1, optionType: 1, discounts }).calibrate(new Float64Array(10), 1)).toThrow(/paths.length = 10/);
  });
});
