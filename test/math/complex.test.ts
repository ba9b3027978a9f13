import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Complex } from '../../src/math/complex/Complex.js';

const finite = fc.double({ min: -50, max: 50, noNaN: true });
const z = fc.tuple(finite, finite).map(([re, im]) => new Complex(re, im));
const close = (a: Complex, b: Complex, tol: number) => Math.hypot(a.re - b.re, a.im - b.im) <= tol * Math.max(1, b.abs());

describe('Complex', () => {
  it('docstring example: i·i = −1', () => {
    expect(new Complex(0, 1).mul(new Complex(0, 1)).re).toBe(-1);
  });

  it('arithmetic identities (fast-check): (z·w)/w = z, z + w − w = z, exp(log z) = z, sqrt(z)² = z', () => {
    fc.assert(
      fc.property(z, z, (a, b) => {
        fc.pre(b.abs() > 1e-3 && a.abs() > 1e-3);
        // Rounding of a few operations on |z| ≤ 71: 1e-13 relative.
        expect(close(a.mul(b).div(b), a, 1e-13)).toBe(true);
        expect(close(a.add(b).sub(b), a, 1e-13)).toBe(true);
        expect(close(a.log().exp(), a, 1e-13)).toBe(true);
        expect(close(a.sqrt().mul(a.sqrt()), a, 1e-13)).toBe(true);
        expect(a.sqrt().re).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('principal branches: log(−1) = iπ, sqrt(−4 ± 0i) = ±2i, arg in (−π, π]', () => {
    expect(new Complex(-1, 0).log().im).toBe(Math.PI);
    expect(new Complex(-4, 0).sqrt()).toEqual(new Complex(0, 2));
    expect(new Complex(-4, -0).sqrt()).toEqual(new Complex(0, -2));
    expect(new Complex(0, 0).sqrt().re).toBe(0);
  });

  it('log1p keeps full relative accuracy for small |z| (against the Taylor series z − z²/2 + z³/3)', () => {
    const s = new Complex(3e-9, -4e-9);
    const series = s.sub(s.mul(s).scale(0.5)).add(s.mul(s).mul(s).scale(1 / 3));
    const got = s.log1p();
    expect(Math.abs(got.re - series.re)).toBeLessThanOrEqual(1e-15 * Math.abs(series.re));
    expect(Math.abs(got.im - series.im)).toBeLessThanOrEqual(1e-15 * Math.abs(series.im));
    expect(close(new Complex(2, 3).log1p(), new Complex(3, 3).log(), 1e-15)).toBe(true);
  });

  it('division by Smith scaling does not overflow near the overflow threshold', () => {
    const q = new Complex(1e300, 1e300).div(new Complex(1e300, 1e300));
    expect(q.re).toBeCloseTo(1, 15);
    expect(q.im).toBeCloseTo(0, 15);
    expect(new Complex(1, 2).conj()).toEqual(new Complex(1, -2));
    expect(new Complex(1, 2).neg()).toEqual(new Complex(-1, -2));
  });
});
