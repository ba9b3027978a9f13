import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { roughBergomiSmile } from '../../../engines/roughbergomi/roughBergomiSmile.js';
import { InvalidInputError, QuantflowError } from '../../../src/errors.js';
import { RoughBergomiModel } from '../../../src/models/RoughBergomiModel.js';

const ref = JSON.parse(readFileSync(new URL('../../reference/rough-bergomi-mccrickerd.json', import.meta.url), 'utf8')) as {
  params: { xi: number; eta: number; rho: number; H: number; T: number };
  implied_vols: Record<string, number>;
  tolerance_vol: number;
};

describe('roughBergomiSmile', () => {
  it("McCrickerd & Pakkanen's smile (ξ = 0.235², η = 1.9, ρ = −0.9, H = 0.07, T = ¼) to 0.003 in vol", () => {
    const p = ref.params;
    const m = new RoughBergomiModel({ xi0: p.xi, eta: p.eta, rho: p.rho, H: p.H });
    const ks = Object.keys(ref.implied_vols).map(Number);
    // 256 steps: with 64 the right wing is 0.005 high (the Euler/hybrid bias), see docs/models/rough-bergomi.md.
    // Mixed estimator + antithetic + control variate (the defaults), 20 000 samples: vol errors ≈ 0.0013, 0.0007, 0.0005.
    const s = roughBergomiSmile(m, p.T, ks, { samples: 20000, steps: 256, seed: 7 });
    ks.forEach((k, i) => {
      const want = ref.implied_vols[Object.keys(ref.implied_vols)[i]!]!;
      expect(Math.abs(s.impliedVols[i]! - want), `k = ${k}: ${s.impliedVols[i]} ± ${s.volErrors[i]}`).toBeLessThan(ref.tolerance_vol);
      expect(s.volErrors[i]).toBeLessThan(ref.tolerance_vol / 2);
    });
    expect(Math.abs(s.forwardBias)).toBeLessThan(4 * s.forwardError);
  });

  it('η = 0 is Black–Scholes at σ = √ξ for every strike and H (the log-Euler step is exact for constant V)', () => {
    for (const H of [0.1, 0.5]) {
      const m = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: -0.5, H });
      const s = roughBergomiSmile(m, 0.5, [-0.3, -0.1, 0, 0.1, 0.3], { samples: 20000, steps: 8, mixed: false });
      for (let i = 0; i < 5; i++) expect(Math.abs(s.impliedVols[i]! - 0.2)).toBeLessThan(4.5 * s.volErrors[i]!);
      // Mixed: V constant, so every path's conditional Black price is the Black–Scholes price up to F1's noise.
      const x = roughBergomiSmile(m, 0.5, [-0.3, 0, 0.3], { samples: 20000, steps: 8 });
      for (let i = 0; i < 3; i++) expect(Math.abs(x.impliedVols[i]! - 0.2)).toBeLessThan(4.5 * x.volErrors[i]! + 1e-9);
    }
  });

  it('ρ = 0: the smile is symmetric in k (within MC error); ρ < 0: negative ATM skew', () => {
    const ks = [-0.2, -0.1, 0.1, 0.2];
    const s0 = roughBergomiSmile(new RoughBergomiModel({ xi0: 0.04, eta: 1.5, rho: 0, H: 0.1 }), 0.5, ks, { samples: 30000, steps: 32 });
    for (const [a, b] of [[0, 3], [1, 2]] as const) {
      expect(Math.abs(s0.impliedVols[a]! - s0.impliedVols[b]!)).toBeLessThan(4.5 * Math.hypot(s0.volErrors[a]!, s0.volErrors[b]!));
    }
    const s1 = roughBergomiSmile(new RoughBergomiModel({ xi0: 0.04, eta: 1.5, rho: -0.7, H: 0.1 }), 0.5, ks, { samples: 30000, steps: 32 });
    expect(s1.impliedVols[1]! - s1.impliedVols[2]!).toBeGreaterThan(0.01);
  });

  it('a forward-variance curve: E[V_t] = ξ0(t), so the ATM total variance tracks ∫ξ0 when η is small', () => {
    const xi = (t: number): number => 0.02 + 0.04 * t;
    const m = new RoughBergomiModel({ xi0: xi, eta: 0.01, rho: 0, H: 0.3 });
    const s = roughBergomiSmile(m, 1, [0], { samples: 20000, steps: 50 });
    // ∫₀¹ ξ0 = 0.04; left-point Riemann sum with 50 steps: 0.0396.
    const left = Array.from({ length: 50 }, (_, j) => xi(j / 50) / 50).reduce((a, b) => a + b, 0);
    expect(Math.abs(s.impliedVols[0]! - Math.sqrt(left))).toBeLessThan(4.5 * s.volErrors[0]! + 1e-4);
  });

  it('mixed and plain estimators agree within their errors; variance reduction shrinks the error; deterministic by seed', () => {
    const m = new RoughBergomiModel({ xi0: 0.04, eta: 1.9, rho: -0.7, H: 0.1 });
    const o = { samples: 8000, steps: 16, seed: 3 };
    const ks = [-0.15, 0, 0.1];
    const plain = roughBergomiSmile(m, 0.25, ks, { ...o, antithetic: false, controlVariate: false, mixed: false });
    const mixed = roughBergomiSmile(m, 0.25, ks, o);
    for (let i = 0; i < 3; i++) {
      expect(Math.abs(plain.impliedVols[i]! - mixed.impliedVols[i]!)).toBeLessThan(4.5 * Math.hypot(plain.volErrors[i]!, mixed.volErrors[i]!));
      expect(mixed.priceErrors[i]!).toBeLessThan(0.7 * plain.priceErrors[i]!);
    }
    expect(roughBergomiSmile(m, 0.25, ks, o).prices).toEqual(mixed.prices);
  });

  it('a non-finite simulated value throws NUMERICAL_OVERFLOW instead of returning NaN', () => {
    const m = new RoughBergomiModel({ xi0: 1e308, eta: 5, rho: 0, H: 0.5 });
    for (const backend of ['simd', 'typescript'] as const) {
      let err: unknown;
      try {
        roughBergomiSmile(m, 1, [0], { samples: 100, steps: 4, backend });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(QuantflowError);
      expect((err as QuantflowError).code).toBe('NUMERICAL_OVERFLOW');
    }
  });

  it('property: OTM prices lie in [0, min(1, K/F)), vols are finite ≥ 0, for any parameters', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.02, max: 0.5, noNaN: true }), fc.double({ min: 0, max: 3, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), fc.boolean(),
        (H, eta, rho, T, k, mixed) => {
          const s = roughBergomiSmile(new RoughBergomiModel({ xi0: 0.04, eta, rho, H }), T, [k], { samples: 64, steps: 6, mixed });
          const p = s.prices[0]!;
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThan(Math.min(1, Math.exp(k)));
          expect(Number.isFinite(s.impliedVols[0]!) && s.impliedVols[0]! >= 0).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('refuses bad input, naming the argument', () => {
    const m = new RoughBergomiModel({ xi0: 0.04, eta: 1, rho: 0, H: 0.1 });
    expect(() => roughBergomiSmile(m, 0, [0])).toThrow(/expiry = 0/);
    expect(() => roughBergomiSmile(m, 1, [])).toThrow(/logStrikes\.length/);
    expect(() => roughBergomiSmile(m, 1, [Number.NaN])).toThrow(/logStrikes\[0\]/);
    expect(() => roughBergomiSmile(m, 1, [0], { samples: 1 })).toThrow(/options\.samples = 1/);
    expect(() => roughBergomiSmile(m, 1, [0], { steps: 1.5 })).toThrow(/options\.steps/);
    expect(() => roughBergomiSmile(m, 1, [0], { seed: -1 })).toThrow(InvalidInputError);
  });
});

describe('docstring examples (twins)', () => {
  it('RoughBergomiModel and roughBergomiSmile', () => {
    expect(new RoughBergomiModel({ xi0: 0.055225, eta: 1.9, rho: -0.9, H: 0.07 }).forwardVariance(0.5)).toBe(0.055225);
    const m = new RoughBergomiModel({ xi0: 0.04, eta: 0, rho: 0, H: 0.5 });
    const s = roughBergomiSmile(m, 1, [-0.1, 0, 0.1], { samples: 1000, steps: 4 });
    expect(Array.from(s.impliedVols, (v) => v.toFixed(6))).toEqual(['0.200000', '0.200000', '0.200000']);
  });
});
