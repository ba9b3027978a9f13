// @test symmetricEigen (internal cyclic Jacobi of src/math/linearalgebra)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInputError } from '../../../src/errors.js';
import { symmetricEigen } from '../../../src/math/linearalgebra/symmetricEigen.js';

describe('symmetricEigen', () => {
  it('matches the 2 × 2 closed form', () => {
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, vectors (1, 1)/√2 and (1, −1)/√2 (by hand).
    const { values, vectors } = symmetricEigen([2, 1, 1, 2], 2);
    expect(values[0]).toBeCloseTo(3, 14);
    expect(values[1]).toBeCloseTo(1, 14);
    expect(Math.abs(vectors[0]! - Math.SQRT1_2)).toBeLessThan(1e-15);
    expect(Math.abs(vectors[2]! - Math.SQRT1_2)).toBeLessThan(1e-15);
    expect(Math.abs(vectors[0]! * vectors[1]! + vectors[2]! * vectors[3]!)).toBeLessThan(1e-15);
  });

  it('gives A·v = λ·v, VᵀV = I and the trace on random symmetric matrices (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 144, maxLength: 144 }), (n, raw) => {
        const a = new Float64Array(n * n);
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) a[i * n + j] = a[j * n + i] = raw[i * 12 + j]!;
        const { values, vectors } = symmetricEigen(a, n);
        let scale = 1;
        for (const x of a) scale = Math.max(scale, Math.abs(x));
        let trace = 0;
        let sum = 0;
        for (let j = 0; j < n; j++) {
          trace += a[j * n + j]!;
          sum += values[j]!;
          if (j > 0) expect(values[j]!).toBeLessThanOrEqual(values[j - 1]!);
          for (let i = 0; i < n; i++) {
            let av = 0;
            for (let k = 0; k < n; k++) av += a[i * n + k]! * vectors[k * n + j]!;
            expect(Math.abs(av - values[j]! * vectors[i * n + j]!)).toBeLessThan(1e-12 * scale * n);
          }
          for (let l = 0; l < n; l++) {
            let dot = 0;
            for (let i = 0; i < n; i++) dot += vectors[i * n + j]! * vectors[i * n + l]!;
            expect(Math.abs(dot - (j === l ? 1 : 0))).toBeLessThan(1e-13 * n);
          }
        }
        expect(Math.abs(trace - sum)).toBeLessThan(1e-12 * scale * n);
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('refuses a non-symmetric matrix and a wrong length, naming the entry', () => {
    expect(() => symmetricEigen([1, 2, 3, 1], 2)).toThrow(/matrix\[1\] − matrix\[2\]/);
    expect(() => symmetricEigen([1, 2, 3], 2)).toThrow(InvalidInputError);
  });
});
