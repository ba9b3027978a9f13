// @test AbcdFunction
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AbcdFunction } from '../../../engines/lmm/AbcdFunction.js';
import { InvalidInputError } from '../../../src/errors.js';
import { adaptiveGaussKronrod } from '../../../src/math/integration/adaptiveGaussKronrod.js';

describe('AbcdFunction', () => {
  it('covariance equals Gauss–Kronrod quadrature of g(Ti − t)g(Tj − t) (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.1, max: 0.5, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: 0.01, max: 5, noNaN: true }),
        fc.double({ min: 0.11, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        fc.double({ min: 0, max: 5, noNaN: true }),
        (a, b, c, d, Ti, Tj, t1, h) => {
          const g = new AbcdFunction(a, b, c, d);
          const exact = g.covariance(t1, t1 + h, Ti, Tj);
          const quad = adaptiveGaussKronrod((t) => g.value(Ti - t) * g.value(Tj - t), t1, t1 + h, { absoluteTolerance: 1e-14, relativeTolerance: 1e-13 }).value;
          // Closed form vs quadrature (itself to 1e-13 relative): 1e-12 relative + 1e-13 absolute.
          expect(Math.abs(exact - quad)).toBeLessThan(1e-12 * Math.abs(quad) + 1e-13);
          expect(Math.abs(exact - g.covariance(t1, t1 + h, Tj, Ti))).toBeLessThan(1e-13 * Math.abs(exact) + 1e-16);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it('is d² h for a flat shape, and the doc example holds', () => {
    expect(new AbcdFunction(0, 0, 1, 0.2).covariance(0, 2, 2, 2)).toBe(0.08000000000000002);
    expect(new AbcdFunction(0, 0, 3, 0.25).covariance(1, 4, 7, 2)).toBeCloseTo(0.1875, 15);
  });

  it('places the hump at 1/c − a/b', () => {
    const g = new AbcdFunction(0.02, 0.3, 1.2, 0.1);
    const tau = g.maximumLocation();
    expect(g.value(tau)).toBeGreaterThan(g.value(tau - 1e-3));
    expect(g.value(tau)).toBeGreaterThan(g.value(tau + 1e-3));
  });

  it('refuses parameters outside Rebonato’s ranges', () => {
    expect(() => new AbcdFunction(0.1, 0, 0, 0.1)).toThrow(/c = 0 is outside the allowed range \(0, ∞\)/);
    expect(() => new AbcdFunction(-0.2, 0, 1, 0.1)).toThrow(/a \+ d/);
    expect(() => new AbcdFunction(0.1, 0, 1, 0.1).covariance(2, 1, 3, 3)).toThrow(InvalidInputError);
  });
});
