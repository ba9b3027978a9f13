import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hestonCharacteristicFunction as phi } from '../../../engines/heston/hestonCharacteristicFunction.js';
import { hestonCumulants } from '../../../engines/heston/_lib/hestonCumulants.js';
import { InvalidInputError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import type { HestonParameters } from '../../../src/processes/HestonParameters.js';
import { quantlib } from '../../_lib/reference.js';

// Parameter sets of the QuantLib 1.29 `heston` section (Feller-respecting and -violating).
const sets: Record<string, HestonParameters> = quantlib['heston'].param_sets;
const params = fc.record({
  v0: fc.double({ min: 0.005, max: 0.5, noNaN: true }),
  kappa: fc.double({ min: 0.1, max: 10, noNaN: true }),
  theta: fc.double({ min: 0.005, max: 0.5, noNaN: true }),
  sigma: fc.double({ min: 0.05, max: 1.5, noNaN: true }),
  rho: fc.double({ min: -0.95, max: 0.95, noNaN: true }),
});
const maturity = fc.double({ min: 1 / 365, max: 30, noNaN: true });

describe('hestonCharacteristicFunction (little Heston trap)', () => {
  it('φ(0) = 1 exactly and φ(−i) = forward/spot = e^drift (martingale), for every reference set and T up to 30y', () => {
    for (const [name, p] of Object.entries(sets)) {
      for (const t of [1 / 365, 7 / 365, 1, 5, 30]) {
        const drift = 0.02 * t;
        expect(phi(new Complex(0, 0), t, p, drift), `${name} T=${t}`).toEqual(new Complex(1, 0));
        const f = phi(new Complex(0, -1), t, p, drift);
        // a = iu + u² vanishes exactly at u = −i: the exponent is exactly the drift.
        expect(Math.abs(f.re - Math.exp(drift)), `${name} T=${t}`).toBeLessThanOrEqual(1e-15 * Math.exp(drift));
        expect(Math.abs(f.im), `${name} T=${t}`).toBeLessThanOrEqual(1e-15);
        // Next to −i (no exact cancellation): still the forward to rounding.
        const g = phi(new Complex(0, -1 + 1e-9), t, p, drift);
        expect(Math.abs(g.re - Math.exp(drift)), `${name} T=${t} near −i`).toBeLessThan(1e-7);
      }
    }
  });

  it('docstring example', () => {
    const p = { v0: 0.04, kappa: 1.5, theta: 0.04, sigma: 0.3, rho: -0.7 };
    expect(phi(new Complex(0, -1), 1, p, 0.02).re).toBe(1.0202013400267558);
  });

  it('conjugate symmetry φ(−ū) = conj φ(u) on random parameters, maturities and complex u with Im u ∈ [−1, 0] (fast-check)', () => {
    fc.assert(
      fc.property(params, maturity, fc.double({ min: -40, max: 40, noNaN: true }), fc.double({ min: -1, max: 0, noNaN: true }), (p, t, x, y) => {
        const a = phi(new Complex(x, y), t, p, 0.01 * t);
        const b = phi(new Complex(-x, y), t, p, 0.01 * t);
        // Same operations on mirrored inputs: equal to rounding.
        const scale = Math.max(1e-300, a.abs());
        expect(Math.abs(a.re - b.re)).toBeLessThanOrEqual(1e-12 * scale);
        expect(Math.abs(a.im + b.im)).toBeLessThanOrEqual(1e-12 * scale);
        // |φ(x + iy)| ≤ E[(S_T/S_0)^(−y)] ≤ (F/S_0)^(−y) by Jensen (power −y ∈ [0, 1] is concave).
        expect(a.abs()).toBeLessThanOrEqual(Math.exp(-y * 0.01 * t) * (1 + 1e-12));
      }),
      { numRuns: 300 },
    );
  });

  it('stays finite where β = κ − ρσ·iu and d vanish together: u a subnormal away from −i with κ = ρσ (a fast-check find)', () => {
    const p = { v0: 0.005, kappa: 0.1, theta: 0.005, sigma: 0.1052631578947369, rho: 0.9499999999999995 };
    const t = 0.0027397260273972603;
    for (const x of [-5e-324, 5e-324, 1e-310]) {
      const v = phi(new Complex(x, -1), t, p, 0.01 * t);
      expect(v.re).toBeCloseTo(Math.exp(0.01 * t), 15); // φ(−i) = F/S₀
      expect(Math.abs(v.im)).toBeLessThan(1e-15);
    }
  });

  it('σ → 0 gives the Black–Scholes φ with the expected integrated variance w = θT + (v0 − θ)(1 − e^(−κT))/κ', () => {
    for (const t of [0.1, 1, 10]) {
      for (const sigma of [1e-4, 1e-6, 1e-8]) {
        const p = { v0: 0.09, kappa: 2, theta: 0.04, sigma, rho: -0.6 };
        const w = p.theta * t + ((p.v0 - p.theta) * -Math.expm1(-p.kappa * t)) / p.kappa;
        for (const u of [new Complex(0.7, 0), new Complex(3.3, -0.5), new Complex(12, -1), new Complex(40, 0)]) {
          const iu = new Complex(-u.im, u.re);
          const bs = iu.scale(0.03 * t).sub(iu.add(u.mul(u)).scale(0.5 * w)).exp();
          const h = phi(u, t, p, 0.03 * t);
          // The first correction is O(σ) (the ρσ terms): tolerance 5σ(1 + |u|)², floor 2e-15 (rounding).
          const tol = Math.max(2e-15, 5 * sigma * (1 + u.abs()) ** 2);
          expect(Math.hypot(h.re - bs.re, h.im - bs.im), `T=${t} σ=${sigma} u=${u.re}${u.im}i`).toBeLessThan(tol);
        }
      }
    }
  });

  it('stays continuous in u for a 30-year maturity (no branch jump of the logarithm)', () => {
    // Albrecher et al. (2007) show the original form jumping for long maturities and large σ.
    const p = { v0: 0.04, kappa: 0.5, theta: 0.04, sigma: 1, rho: -0.9 };
    const du = 1e-3;
    let prev = phi(new Complex(0, -0.5), 30, p);
    let maxStep = 0;
    for (let u = du; u <= 20; u += du) {
      const cur = phi(new Complex(u, -0.5), 30, p);
      maxStep = Math.max(maxStep, Math.hypot(cur.re - prev.re, cur.im - prev.im));
      prev = cur;
    }
    // |dφ/du| ≤ E|ln(S_T/S_0)|·E[e^(ln S/2)]-ish ≲ 10 here; a branch jump would be O(|φ|) ≫ 10·du.
    expect(maxStep).toBeLessThan(10 * du);
  });

  it('the cumulants c1, c2 used by the COS range equal the derivatives of ln φ at 0', () => {
    for (const [name, p] of Object.entries(sets)) {
      for (const t of [1 / 365, 0.25, 1, 5]) {
        const drift = 0.01 * t;
        const h = 1e-3;
        const lp = phi(new Complex(h, 0), t, p, drift).log();
        const lm = phi(new Complex(-h, 0), t, p, drift).log();
        const c1 = (lp.im - lm.im) / (2 * h);
        const c2 = -(lp.re + lm.re) / (h * h);
        const exact = hestonCumulants(t, drift, p);
        // Central differences: O(h²·c3), O(h²·c4) ≈ 1e-6 relative; rounding ε/h² ≈ 1e-10.
        expect(Math.abs(exact.c1 - c1), `${name} T=${t} c1`).toBeLessThan(2e-6 * Math.max(Math.abs(c1), exact.c2));
        expect(Math.abs(exact.c2 - c2), `${name} T=${t} c2`).toBeLessThan(1e-5 * c2);
      }
    }
  });

  it('bad input → InvalidInputError naming the argument', () => {
    const p = sets['std']!;
    expect(() => phi(new Complex(1, 0), 0, p)).toThrow('t = 0 is outside the allowed range (0, ∞)');
    expect(() => phi(new Complex(1, 0), 1, p, Number.NaN)).toThrow(InvalidInputError);
    expect(() => phi(new Complex(1, 0), 1, { ...p, sigma: -1 })).toThrow('sigma = -1 is outside the allowed range (0, ∞)');
    expect(() => phi(new Complex(1, 0), 1, { ...p, rho: 1 })).toThrow('rho = 1 is outside the allowed range (-1, 1)');
  });
});
