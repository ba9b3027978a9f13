import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import { adamsRoughHestonLogCf } from '../../../engines/roughheston/adamsRoughHestonLogCf.js';
import { hestonCharacteristicFunction } from '../../../engines/heston/hestonCharacteristicFunction.js';

const heston = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
const rough = { v0: 0.04, kappa: 0.3, theta: 0.04, sigma: 0.4, rho: -0.7, hurst: 0.1 };

describe('adamsRoughHestonLogCf', () => {
  it('H = ½ is the Heston characteristic function (little-trap closed form) to 1e-9 at 400 steps, at every maturity of one solve', () => {
    const us = [0.3, 1, 3, 10, 25];
    const mats = [0.1, 0.5, 1, 2];
    const cf = adamsRoughHestonLogCf({ steps: 400 })({ ...heston, hurst: 0.5 }, Float64Array.from(us), new Float64Array(us.length), mats);
    mats.forEach((t, j) =>
      us.forEach((u, i) => {
        const exact = hestonCharacteristicFunction(new Complex(u, 0), t, heston);
        const got = new Complex(cf.re[j * us.length + i]!, cf.im[j * us.length + i]!).exp();
        expect(got.sub(exact).abs()).toBeLessThan(1e-9);
      }),
    );
  });

  it('φ(0) = 1 and the martingale condition φ(−i) = 1 hold exactly; φ(−u) = conj φ(u)', () => {
    const cf = adamsRoughHestonLogCf()(rough, Float64Array.of(0, 0, 2, -2), Float64Array.of(0, -1, 0, 0), [0.25, 1]);
    for (const j of [0, 1]) {
      expect(cf.re[4 * j]).toBe(0);
      expect(cf.re[4 * j + 1]).toBe(0);
      expect(cf.im[4 * j + 1]).toBe(0);
      expect(cf.re[4 * j + 2]!).toBeCloseTo(cf.re[4 * j + 3]!, 14);
      expect(cf.im[4 * j + 2]!).toBeCloseTo(-cf.im[4 * j + 3]!, 14);
    }
  });

  it('converges at order ≈ 2 on the graded grid without Richardson, faster with it (H = 0.1)', () => {
    const u = Float64Array.of(1, 5, 20);
    const zero = new Float64Array(3);
    const ref = adamsRoughHestonLogCf({ steps: 800 })(rough, u, zero, [1]);
    const err = (steps: number, richardson: boolean) => {
      const cf = adamsRoughHestonLogCf({ steps, richardson })(rough, u, zero, [1]);
      let e = 0;
      for (let i = 0; i < 3; i++) e = Math.max(e, Math.hypot(cf.re[i]! - ref.re[i]!, cf.im[i]! - ref.im[i]!));
      return e;
    };
    const e1 = err(50, false);
    const e2 = err(100, false);
    expect(Math.log2(e1 / e2)).toBeGreaterThan(1.6);
    expect(Math.log2(e1 / e2)).toBeLessThan(2.4);
    expect(err(100, true)).toBeLessThan(e2 / 10);
  });

  it('PECE and the implicit corrector agree where PECE is stable', () => {
    const u = Float64Array.of(1, 5);
    const a = adamsRoughHestonLogCf({ corrector: 'pece', grading: 1, steps: 400 })(rough, u, new Float64Array(2), [0.5]);
    const b = adamsRoughHestonLogCf({ steps: 200 })(rough, u, new Float64Array(2), [0.5]);
    for (let i = 0; i < 2; i++) expect(Math.hypot(a.re[i]! - b.re[i]!, a.im[i]! - b.im[i]!)).toBeLessThan(1e-5);
  });

  it('refuses bad options, maturities and nodes', () => {
    expect(() => adamsRoughHestonLogCf({ steps: 2 })).toThrow(InvalidInputError);
    expect(() => adamsRoughHestonLogCf({ grading: 0.5 })).toThrow('grading = 0.5');
    const cf = adamsRoughHestonLogCf();
    expect(() => cf(rough, Float64Array.of(1), Float64Array.of(0), [1, 0.5])).toThrow('maturities[1] = 0.5');
    expect(() => cf(rough, Float64Array.of(1), Float64Array.of(0, 0), [1])).toThrow('uIm.length = 2');
    expect(() => cf({ ...rough, hurst: 0.7 }, Float64Array.of(1), Float64Array.of(0), [1])).toThrow('hurst = 0.7');
  });
});
