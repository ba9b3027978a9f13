import { describe, expect, it } from 'vitest';
import { hestonCharacteristicFunction } from '../../../engines/heston/hestonCharacteristicFunction.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import { liftedHestonLogCf } from '../../../engines/roughheston/liftedHestonLogCf.js';
import { padeRoughHestonLogCf } from '../../../engines/roughheston/padeRoughHestonLogCf.js';
import { liftCosCalls } from '../../../engines/roughheston/_lib/liftCosCalls.js';
import { checkCfSymmetryAndBound } from './_lib/cfSymmetry.js';
import { liftRefCalls, liftRefDividend, liftRefMaturities, liftRefParams, liftRefRate, liftRefSpot, liftRefStrikes } from './_lib/liftReference.js';

const padePrices = (n: number): Float64Array =>
  liftCosCalls(padeRoughHestonLogCf({ order: [n, n] }), liftRefParams, liftRefSpot, liftRefStrikes, liftRefMaturities, liftRefRate, liftRefDividend, { terms: 200 });

describe('padeRoughHestonLogCf', () => {
  it('prices the published QuantLib rough Heston values (κ = 0.3, GR 2023 extension): (3,3) to 1.5e-2, (4,4)…(6,6) to 1e-2', () => {
    // Measured max errors over the 9 calls: (3,3) 1.4e-2, (4,4) 7.5e-3, (5,5) 8.3e-3, (6,6) 9.0e-3.
    for (const [n, tol] of [[3, 1.5e-2], [4, 1e-2], [5, 1e-2], [6, 1e-2]] as const) {
      const c = padePrices(n);
      for (let i = 0; i < c.length; i++) expect(Math.abs(c[i]! - liftRefCalls[i]!), `order ${n} i=${i} got ${c[i]} want ${liftRefCalls[i]}`).toBeLessThan(tol);
    }
  });

  it('errors fall from (1,1) to (4,4)', () => {
    const err = (n: number): number => Math.max(...Array.from(padePrices(n), (v, i) => Math.abs(v - liftRefCalls[i]!)));
    const e1 = err(1);
    const e4 = err(4);
    expect(e4).toBeLessThan(e1 / 20);
  });

  it('agrees with the 40-factor lift at κ = 0 (GR 2019 proper) on the CF at real u', () => {
    const p = { ...liftRefParams, kappa: 0 };
    const u = Float64Array.of(0.5, 2, 8);
    const z = new Float64Array(3);
    const lift = liftedHestonLogCf({ factors: 40 })(p, u, z, [1]);
    const pade = padeRoughHestonLogCf({ order: [5, 5] })(p, u, z, [1]);
    for (let i = 0; i < 3; i++) {
      const d = Math.hypot(pade.re[i]! - lift.re[i]!, pade.im[i]! - lift.im[i]!);
      expect(d, `u=${u[i]} pade=${pade.re[i]},${pade.im[i]} lift=${lift.re[i]},${lift.im[i]}`).toBeLessThan(5e-3 * (1 + Math.abs(lift.re[i]!))); // lift n = 40 itself ~1e-3 off (price errors), Padé (5,5) ~4e-3
    }
  });

  it('at H = 1/2 its short-time series is the Taylor series of classical Heston: error O(T^{n+2}), falling with the order', () => {
    // Independent: the closed-form Heston CF (engines/heston). At T = 0.1, u = 5 measured
    // (3,3) 1.4e-6, (4,4) 6.8e-8, (5,5) 2.8e-9, (6,6) 1.0e-10; at T = 0.01 (4,4) ≤ 2.6e-10 for u ≤ 20.
    const p = { v0: 0.04, kappa: 1.5, theta: 0.06, sigma: 0.5, rho: -0.7, hurst: 0.5 };
    const us = [0.3, 1, 5, 20];
    const err = (n: number, T: number): number[] => {
      const r = padeRoughHestonLogCf({ order: [n, n] })(p, Float64Array.from(us), new Float64Array(us.length), [T]);
      return us.map((u, i) => hestonCharacteristicFunction(new Complex(u, 0), T, p).sub(new Complex(r.re[i]!, r.im[i]!).exp()).abs());
    };
    for (const e of err(4, 0.01)) expect(e).toBeLessThan(1e-9);
    const atU5 = [3, 4, 5, 6].map((n) => err(n, 0.1)[2]!);
    for (let k = 1; k < atU5.length; k++) expect(atU5[k]!).toBeLessThan(atU5[k - 1]! / 5);
    expect(atU5[3]!).toBeLessThan(1e-9);
  });

  it('is a martingale CF: log φ(−i) = log φ(0) = 0', () => {
    const r = padeRoughHestonLogCf()(liftRefParams, Float64Array.of(0, 0), Float64Array.of(-1, 0), [1]);
    for (const v of [...r.re, ...r.im]) expect(Math.abs(v)).toBeLessThan(1e-14);
  });

  it('property: φ(−u) = conj φ(u) and |φ(u)| ≤ 1 at real u, for random parameters', () => {
    checkCfSymmetryAndBound(padeRoughHestonLogCf());
  });

  it('refuses non-diagonal or out-of-range orders', () => {
    expect(() => padeRoughHestonLogCf({ order: [3, 4] })).toThrow(/order\[1\]/);
    expect(() => padeRoughHestonLogCf({ order: [7, 7] })).toThrow(/order\[0\]/);
    expect(() => padeRoughHestonLogCf({ points: 2 })).toThrow(/points/);
  });
});
