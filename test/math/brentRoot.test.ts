import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConvergenceError, InvalidInputError } from '../../src/errors.js';
import { brentRoot } from '../../src/math/solvers/brentRoot.js';

describe('brentRoot', () => {
  it('finds closed-form roots: √2, ln 3, cos x = x (Dottie number 0.7390851332151607)', () => {
    expect(brentRoot((x) => x * x - 2, 0, 2, { accuracy: 1e-15 })).toBe(1.414213562373095); // the docstring's value, one ulp below Math.SQRT2
    expect(Math.abs(brentRoot((x) => Math.exp(x) - 3, -5, 5) - Math.log(3))).toBeLessThan(1e-12);
    expect(Math.abs(brentRoot((x) => Math.cos(x) - x, 0, 1, { accuracy: 1e-15 }) - 0.7390851332151607)).toBeLessThan(1e-15);
  });

  it('roots of random cubics with a sign change are found to the accuracy, in fewer evaluations than bisection needs (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 5, noNaN: true }), (root, scale) => {
        let evaluations = 0;
        const f = (x: number) => {
          evaluations++;
          return scale * (x - root) * (1 + (x - root) ** 2);
        };
        const x = brentRoot(f, -4, 4, { accuracy: 1e-13 });
        expect(Math.abs(x - root)).toBeLessThan(1e-12);
        expect(evaluations).toBeLessThan(Math.ceil(Math.log2(8 / 1e-13)) + 2); // bisection's count
      }),
    );
  });

  it('returns an end point that is a root, and refuses bad brackets, non-finite values and options', () => {
    expect(brentRoot((x) => x - 1, 1, 2)).toBe(1);
    expect(() => brentRoot((x) => x * x + 1, -1, 1)).toThrow(/\[lower, upper\] = \[-1,1\] is outside the allowed range a bracket where f changes sign/);
    expect(() => brentRoot((x) => x, 1, 0)).toThrow(/upper = 0/);
    expect(() => brentRoot((x) => (x > 0 ? Number.NaN : -1), -1, 1)).toThrow(InvalidInputError);
    expect(() => brentRoot((x) => x, -1, 1, { accuracy: 0 })).toThrow(/options.accuracy = 0/);
    expect(() => brentRoot((x) => Math.sign(x - 0.3) * 1e-300 + (x - 0.3), -1, 1, { maxEvaluations: 3, accuracy: 1e-15 })).toThrow(ConvergenceError);
  });
});
