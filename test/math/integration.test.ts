import { describe, expect, it } from 'vitest';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { adaptiveGaussKronrod } from '../../src/math/integration/adaptiveGaussKronrod.js';
import { adaptiveGaussKronrodHalfLine } from '../../src/math/integration/adaptiveGaussKronrodHalfLine.js';

describe('adaptiveGaussKronrod', () => {
  it('one K15 panel is exact for x^0 … x^22 on [−1, 1] (checks the tabulated nodes and weights)', () => {
    for (let p = 0; p <= 22; p++) {
      // A huge tolerance stops after the first panel.
      const r = adaptiveGaussKronrod((x) => x ** p, -1, 1, { absoluteTolerance: 1e9 });
      const exact = p % 2 === 1 ? 0 : 2 / (p + 1);
      expect(r.intervals).toBe(1);
      expect(Math.abs(r.value - exact), `x^${p}`).toBeLessThan(2e-15);
    }
    // Degree 23+ is not exact for K15 (odd powers integrate to 0 by symmetry, so use x^24).
    expect(Math.abs(adaptiveGaussKronrod((x) => x ** 24, -1, 1, { absoluteTolerance: 1e9 }).value - 2 / 25)).toBeGreaterThan(1e-10);
  });

  it('closed-form integrals to the requested tolerance, error estimate ≥ true error', () => {
    const cases: Array<[string, (x: number) => number, number, number, number]> = [
      ['exp on [0, 1]', Math.exp, 0, 1, Math.E - 1],
      ['1/(1+x²) on [0, 10]', (x) => 1 / (1 + x * x), 0, 10, Math.atan(10)],
      ['cos(50x) on [0, 2]', (x) => Math.cos(50 * x), 0, 2, Math.sin(100) / 50],
      ['|x − 1/3| on [0, 1] (a kink)', (x) => Math.abs(x - 1 / 3), 0, 1, (1 / 9 + 4 / 9) / 2],
      ['reversed limits', Math.exp, 1, 0, 1 - Math.E],
    ];
    for (const [name, f, a, b, exact] of cases) {
      const r = adaptiveGaussKronrod(f, a, b, { absoluteTolerance: 1e-12 });
      const err = Math.abs(r.value - exact);
      expect(err, name).toBeLessThan(1e-12);
      expect(r.errorEstimate, name).toBeLessThanOrEqual(1e-12);
      expect(r.errorEstimate + 1e-16, name).toBeGreaterThanOrEqual(err);
      expect(r.evaluations).toBe(15 * (2 * r.intervals - 1));
    }
  });

  it('docstring example', () => {
    expect(Math.abs(adaptiveGaussKronrod(Math.exp, 0, 1).value - (Math.E - 1)) < 1e-14).toBe(true);
  });

  it('ConvergenceError when the budget is too small or f is not finite; InvalidInputError on bad arguments', () => {
    expect(() => adaptiveGaussKronrod((x) => Math.cos(1000 * x), 0, 10, { maxIntervals: 3, absoluteTolerance: 1e-12 })).toThrow(ConvergenceError);
    expect(() => adaptiveGaussKronrod((x) => 1 / x, -1, 1)).toThrow(ConvergenceError);
    expect(() => adaptiveGaussKronrod(Math.exp, 0, Number.POSITIVE_INFINITY)).toThrow('b = Infinity is outside the allowed range');
    expect(() => adaptiveGaussKronrod(Math.exp, 0, 1, { absoluteTolerance: -1 })).toThrow(InvalidInputError);
    expect(() => adaptiveGaussKronrod(Math.exp, 0, 1, { absoluteTolerance: 0 })).toThrow(InvalidInputError);
    expect(() => adaptiveGaussKronrod(Math.exp, 0, 1, { maxIntervals: 0.5 })).toThrow(InvalidInputError);
  });
});

describe('adaptiveGaussKronrodHalfLine', () => {
  it('∫₀^∞ e^(−u) = 1, ∫₀^∞ 1/(1+u²) = π/2, ∫₀^∞ e^(−u²) cos(3u) = (√π/2) e^(−9/4), ∫₂^∞ e^(−u) = e^(−2)', () => {
    const tol = 1e-12;
    expect(Math.abs(adaptiveGaussKronrodHalfLine((u) => Math.exp(-u), 0, 1, { absoluteTolerance: tol }).value - 1)).toBeLessThan(tol);
    expect(Math.abs(adaptiveGaussKronrodHalfLine((u) => 1 / (1 + u * u), 0, 1, { absoluteTolerance: tol }).value - Math.PI / 2)).toBeLessThan(tol);
    const g = adaptiveGaussKronrodHalfLine((u) => Math.exp(-u * u) * Math.cos(3 * u), 0, 0.7, { absoluteTolerance: tol });
    expect(Math.abs(g.value - (Math.sqrt(Math.PI) / 2) * Math.exp(-9 / 4))).toBeLessThan(tol);
    expect(Math.abs(adaptiveGaussKronrodHalfLine((u) => Math.exp(-u), 2, 3, { absoluteTolerance: tol }).value - Math.exp(-2))).toBeLessThan(tol);
  });

  it('docstring example; InvalidInputError on a bad scale or limit', () => {
    expect(Math.abs(adaptiveGaussKronrodHalfLine((u) => Math.exp(-u), 0).value - 1) < 1e-12).toBe(true);
    expect(() => adaptiveGaussKronrodHalfLine(Math.exp, 0, 0)).toThrow('scale = 0 is outside the allowed range (0, ∞)');
    expect(() => adaptiveGaussKronrodHalfLine(Math.exp, Number.NaN)).toThrow(InvalidInputError);
  });
});
