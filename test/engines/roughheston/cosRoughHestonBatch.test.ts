import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import { cosRoughHestonBatch, roughHestonIntegratedVariance } from '../../../engines/roughheston/cosRoughHestonBatch.js';
import type { RoughHestonLogCf } from '../../../engines/roughheston/RoughHestonLogCf.js';
import { cosHestonBatch } from '../../../engines/heston/cosHestonBatch.js';
import { hestonCharacteristicFunction } from '../../../engines/heston/hestonCharacteristicFunction.js';
import { published } from '../../_lib/reference.js';

const pub = published['rough_heston_quantlib_test'] as {
  params: { v0: number; theta: number; kappa: number; sigma: number; rho: number; H: number; S: number; r: number; q: number };
  calls: Record<string, Record<string, number>>;
  tolerance_abs: number;
};
const qp = pub.params;
const rough = { v0: qp.v0, kappa: qp.kappa, theta: qp.theta, sigma: qp.sigma, rho: qp.rho, hurst: qp.H };

describe('cosRoughHestonBatch', () => {
  it('meets QuantLib’s rough Heston test values (T = 0.25, 1, 2; K = 75, 100, 130) to 2e-4 in one batch', () => {
    const mats = Object.keys(pub.calls).map(Number).sort((a, b) => a - b);
    const strikes = [75, 100, 130];
    const { calls } = cosRoughHestonBatch({ spot: qp.S, strikes, expiries: mats, riskFreeRates: qp.r, dividendYields: qp.q, params: rough });
    mats.forEach((t, j) =>
      strikes.forEach((k, i) => {
        const expected = pub.calls[String(t)]![String(k)]!;
        const got = calls[j * 3 + i]!;
        expect(Math.abs(got - expected), `T = ${t}, K = ${k}: ${got} vs ${expected}`).toBeLessThanOrEqual(pub.tolerance_abs);
      }),
    );
  });

  it('H = ½ reproduces classical Heston (cosHestonBatch) to 1e-8 with 400 Adams steps', () => {
    const params = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    const inputs = { spot: 100, strikes: [80, 95, 100, 105, 120], expiries: [0.25, 1], riskFreeRates: 0.03, dividendYields: 0.01 };
    const ref = cosHestonBatch({ ...inputs, params }).calls;
    const got = cosRoughHestonBatch({ ...inputs, params: { ...params, hurst: 0.5 } }, { tolerance: 1e-12, adams: { steps: 400 } }).calls;
    for (let k = 0; k < ref.length; k++) expect(Math.abs(got[k]! - ref[k]!)).toBeLessThan(1e-8);
  });

  it('takes any RoughHestonLogCf route: the Heston closed form as a route gives cosHestonBatch to 5e-9', () => {
    const params = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    const route: RoughHestonLogCf = (_p, uRe, uIm, maturities) => {
      const re = new Float64Array(uRe.length * maturities.length);
      const im = new Float64Array(re.length);
      maturities.forEach((t, j) => {
        for (let i = 0; i < uRe.length; i++) {
          const l = hestonCharacteristicFunction(new Complex(uRe[i]!, uIm[i]!), t, params).log();
          re[j * uRe.length + i] = l.re;
          im[j * uRe.length + i] = l.im;
        }
      });
      return { re, im };
    };
    const inputs = { spot: 100, strikes: [70, 100, 140], expiries: [0.1, 0.5, 2], riskFreeRates: [0.01, 0.02, 0.03], dividendYields: 0.01 };
    const ref = cosHestonBatch({ ...inputs, params }).calls;
    const got = cosRoughHestonBatch({ ...inputs, params: { ...params, hurst: 0.5 } }, { route, tolerance: 1e-12 }).calls;
    // Both are COS, on different truncation ranges and term counts: ~1e-9 apart.
    for (let k = 0; k < ref.length; k++) expect(Math.abs(got[k]! - ref[k]!)).toBeLessThan(5e-9);
  });

  it('put–call parity, monotone and convex in strike', () => {
    const strikes = Array.from({ length: 21 }, (_, i) => 60 + 4 * i);
    const { calls, puts } = cosRoughHestonBatch({ spot: 100, strikes, expiries: [0.5], riskFreeRates: 0.02, dividendYields: 0.01, params: rough });
    for (let i = 0; i < strikes.length; i++) {
      expect(calls[i]! - puts[i]!).toBeCloseTo(100 * Math.exp(-0.005) - strikes[i]! * Math.exp(-0.01), 10);
      if (i > 0) expect(calls[i]!).toBeLessThan(calls[i - 1]!);
      if (i > 1) expect(calls[i]! - 2 * calls[i - 1]! + calls[i - 2]!).toBeGreaterThan(-1e-9);
    }
  });

  it('∫E[V] = θT + (v0 − θ)T·E_{α,2}(−κT^α) matches v0·T at v0 = θ and the classical Heston mean at H = ½', () => {
    expect(roughHestonIntegratedVariance(rough, 2)).toBeCloseTo(0.08, 14);
    const p = { v0: 0.09, kappa: 2, theta: 0.04, sigma: 0.3, rho: 0, hurst: 0.5 };
    expect(roughHestonIntegratedVariance(p, 1.5)).toBeCloseTo(0.04 * 1.5 + (0.05 * -Math.expm1(-3)) / 2, 12);
  });

  it('refuses bad input with the argument named', () => {
    const ok = { spot: 100, strikes: [100], expiries: [1], riskFreeRates: 0, dividendYields: 0, params: rough };
    expect(() => cosRoughHestonBatch({ ...ok, expiries: [1, 0.5] })).toThrow('expiries[1] = 0.5');
    expect(() => cosRoughHestonBatch({ ...ok, strikes: [-1] })).toThrow('strikes[0] = -1');
    expect(() => cosRoughHestonBatch({ ...ok, params: { ...rough, rho: 1 } })).toThrow(InvalidInputError);
    expect(() => cosRoughHestonBatch(ok, { route: 'pade' as never })).toThrow('route');
  });
});
