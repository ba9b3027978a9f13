import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { erfc } from '../../src/math/special/erfc.js';

// erfc(x) to 20 significant digits, computed with mpmath 1.3 `erfc` at 40 decimal digits
// (an independent arbitrary-precision implementation).
const ERFC: ReadonlyArray<readonly [number, number]> = [
  [0.1, 0.8875370839817151016],
  [0.5, 0.47950012218695346232],
  [1, 0.15729920705028513066],
  [2, 0.0046777349810472658379],
  [3, 0.000022090496998585441373],
  [4, 1.5417257900280018852e-8],
  [5, 1.5374597944280348502e-12],
  [10, 2.088487583762544757e-45],
  [20, 5.3958656116079009289e-176],
  [26, 5.6631924088561428465e-296],
];

describe('erfc', () => {
  it.each(ERFC)('erfc(%d) matches the 20-digit value to 4e-16 relative', (x, expected) => {
    // Cody's approximations are accurate to ~1e-18; rounding in the rational evaluation and
    // the two exp() factors adds ≤ 2 ulp.
    const got = erfc(x);
    expect(Math.abs(got - expected) / expected, `x=${x} got=${got}`).toBeLessThan(4e-16);
  });

  it('erfc(0) = 1, erfc(±∞) = 0 / 2, NaN passes through', () => {
    expect(erfc(0)).toBe(1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erfc(Number.NaN)).toBeNaN();
  });

  it('satisfies erfc(x) + erfc(−x) = 2 (property, 2 ulp of 2)', () => {
    fc.assert(
      fc.property(fc.double({ min: -30, max: 30, noNaN: true }), (x) => {
        expect(Math.abs(erfc(x) + erfc(-x) - 2)).toBeLessThanOrEqual(4.5e-16);
      }),
    );
  });

  it("has derivative −(2/√π)e^(−x²) across Cody's interval boundaries 0.46875 and 4", () => {
    // Central difference with δ = 1e-6·b straddling the boundary: truncation ~δ²·x² ≈ 1e-11,
    // rounding ~1e-16/δ ≈ 1e-10 relative; a wrong coefficient on either side gives a jump far
    // larger than 1e-7 relative.
    for (const b of [0.46875, 4]) {
      const d = 1e-6 * b;
      const numeric = (erfc(b + d) - erfc(b - d)) / (2 * d);
      const exact = (-2 / Math.sqrt(Math.PI)) * Math.exp(-b * b);
      expect(Math.abs(numeric - exact) / Math.abs(exact), `b=${b}`).toBeLessThan(1e-7);
    }
  });
});
