import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { Complex } from '../../../src/math/complex/Complex.js';
import { erfc } from '../../../src/math/special/erfc.js';
import { gamma, mittagLeffler, mittagLefflerComplex, reciprocalGamma } from '../../../src/math/special/mittagLeffler.js';

// |a − b| ≤ tol·max(1, |b|): relative where |E| ≥ 1, absolute below.
const close = (a: number, b: number, tol: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b)));

describe('mittagLeffler: closed forms', () => {
  it('E_{1,1}(z) = e^z on [−50, 40] (series and contour)', () => {
    for (let z = -50; z <= 40; z += 0.77) close(mittagLeffler(1, 1, z), Math.exp(z), 1e-13);
  });

  it('E_{2,1}(−x²) = cos x, x ∈ [0, 12]', () => {
    for (let x = 0; x <= 12; x += 0.31) close(mittagLeffler(2, 1, -x * x), Math.cos(x), 1e-12);
  });

  it('E_{1/2,1}(z) = e^{z²} erfc(−z), z ∈ [−8, 3]', () => {
    for (let z = -8; z <= 3; z += 0.173) {
      const exact = Math.exp(z * z) * erfc(-z);
      expect(Math.abs(mittagLeffler(0.5, 1, z) / exact - 1)).toBeLessThanOrEqual(1e-12);
    }
  });

  it('E_{1,1}(z) = e^z at complex z, and E_{1,2}(z) = (e^z − 1)/z', () => {
    for (const [re, im] of [[0, Math.PI], [-3, 4], [10, -7], [-20, 1], [2, 0.5], [-8, -8]] as const) {
      const z = new Complex(re, im);
      const e = mittagLefflerComplex(1, 1, z);
      expect(e.sub(z.exp()).abs()).toBeLessThanOrEqual(1e-13 * Math.max(1, z.exp().abs()));
      const e2 = mittagLefflerComplex(1, 2, z);
      const ex2 = z.exp().sub(new Complex(1, 0)).div(z);
      expect(e2.sub(ex2).abs()).toBeLessThanOrEqual(1e-13 * Math.max(1, ex2.abs()));
    }
  });

  it('Γ: Γ(n) = (n−1)!, Γ(½) = √π, 1/Γ at the poles is 0, reflection', () => {
    let f = 1;
    for (let n = 1; n < 30; n++) {
      expect(Math.abs(gamma(n) / f - 1)).toBeLessThan(2e-15);
      f *= n;
    }
    expect(Math.abs(gamma(0.5) / Math.sqrt(Math.PI) - 1)).toBeLessThan(1e-15);
    expect(reciprocalGamma(-3)).toBe(0);
    expect(Math.abs(reciprocalGamma(-0.5) / (-1 / (2 * Math.sqrt(Math.PI))) - 1)).toBeLessThan(1e-15);
  });
});

describe('mittagLeffler: the two methods and the recurrence agree', () => {
  it('series and contour agree near the switch (α ∈ (½, 1), z ∈ [−6, −1])', () => {
    // E_{α,β}(z) = 1/Γ(β) + z·E_{α,α+β}(z) links a series-region value to a contour-region one.
    fc.assert(
      fc.property(fc.double({ min: 0.51, max: 1, noNaN: true }), fc.double({ min: -12, max: -0.5, noNaN: true }), (alpha, z) => {
        const lhs = mittagLeffler(alpha, 1, z);
        const rhs = 1 + z * mittagLeffler(alpha, alpha + 1, z);
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-12);
      }),
      { numRuns: 60 },
    );
  });

  it('complex z: conjugate symmetry and the β recurrence', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.55, max: 1, noNaN: true }), fc.double({ min: -15, max: 8, noNaN: true }), fc.double({ min: -10, max: 10, noNaN: true }), (alpha, re, im) => {
        const z = new Complex(re, im);
        const e = mittagLefflerComplex(alpha, alpha, z);
        const ec = mittagLefflerComplex(alpha, alpha, z.conj());
        const scale = Math.max(1, e.abs());
        expect(e.sub(ec.conj()).abs()).toBeLessThan(1e-12 * scale);
        const rhs = mittagLefflerComplex(alpha, 2 * alpha, z).mul(z).add(new Complex(reciprocalGamma(alpha), 0));
        expect(e.sub(rhs).abs()).toBeLessThan(1e-11 * scale);
      }),
      { numRuns: 40 },
    );
  });

  it('E_α(−t^α) decays like t^{−α}/Γ(1 − α) (the first asymptotic term)', () => {
    const alpha = 0.6;
    const t = 1e4;
    const z = -Math.pow(t, alpha);
    const lead = -1 / (z * gamma(1 - alpha)) - reciprocalGamma(1 - 2 * alpha) / (z * z);
    expect(Math.abs(mittagLeffler(alpha, 1, z) / lead - 1)).toBeLessThan(1e-4);
  });
});

describe('mittagLeffler: bad input', () => {
  it('names the argument and the range', () => {
    expect(() => mittagLeffler(0, 1, 1)).toThrow(InvalidInputError);
    expect(() => mittagLeffler(2.5, 1, 1)).toThrow('alpha = 2.5 is outside the allowed range (0, 2]');
    expect(() => mittagLeffler(0.5, Number.NaN, 1)).toThrow('beta = NaN');
    expect(() => mittagLeffler(0.5, 1, Number.POSITIVE_INFINITY)).toThrow(InvalidInputError);
  });
});
